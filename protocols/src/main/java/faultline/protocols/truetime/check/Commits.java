package faultline.protocols.truetime.check;

import faultline.engine.check.InvariantContext;
import faultline.engine.check.Sent;
import faultline.engine.check.Step;
import faultline.engine.node.NodeId;
import faultline.protocols.truetime.TrueTimeConfig;
import faultline.protocols.truetime.TrueTimeMessage.Commit;
import faultline.protocols.truetime.TrueTimeMessage.Committed;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a run as transactions: a transaction starts when its commit request reaches a server and is
 * visible once the server answers, both in true time. The checks see a step's input and what it
 * sent, so they need no help from the servers.
 */
final class Commits {
  /** A client's transaction. */
  record Tx(NodeId client, long tx) {
    @Override
    public String toString() {
      return client + "#" + tx;
    }
  }

  private final List<NodeId> servers;

  Commits(TrueTimeConfig config) {
    this.servers = config.servers();
  }

  /** The transaction whose request the last step, a server's, received; null for any other. */
  Tx started(InvariantContext context) {
    Step step = context.lastStep().orElse(null);
    if (step == null
        || step.kind() != Step.Kind.MESSAGE
        || !(step.message() instanceof Commit commit)
        || !servers.contains(step.node())) {
      return null;
    }
    return new Tx(step.from(), commit.tx());
  }

  /** Hands each commit the last step made visible to {@code visible}, in the order sent. */
  void forEachVisible(InvariantContext context, Consumer<Visible> visible) {
    for (Sent sent : context.lastStepSent()) {
      if (sent.message() instanceof Committed committed) {
        visible.accept(new Visible(new Tx(sent.to(), committed.tx()), committed.timestampNanos()));
      }
    }
  }

  /** A commit made visible: its transaction and timestamp. */
  record Visible(Tx tx, long timestampNanos) {}
}
