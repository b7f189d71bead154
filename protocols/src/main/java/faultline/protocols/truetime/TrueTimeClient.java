package faultline.protocols.truetime;

import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.truetime.TrueTimeMessage.Commit;
import faultline.protocols.truetime.TrueTimeMessage.Committed;
import faultline.protocols.truetime.TrueTimeTimer.GiveUp;
import faultline.protocols.truetime.TrueTimeTimer.NextTransaction;
import java.util.List;

/**
 * A client that runs one transaction after another, each at the next server in turn, so that a
 * transaction often starts, at one server, just after the previous one's commit became visible at
 * another: the real-time order that external consistency is about.
 */
public final class TrueTimeClient implements Node<TrueTimeMessage, TrueTimeTimer> {
  private static final NextTransaction NEXT = new NextTransaction();
  private static final GiveUp GIVE_UP = new GiveUp();

  private final TrueTimeConfig config;
  private final int offset; // Clients start at different servers.
  private long tx;

  public TrueTimeClient(TrueTimeConfig config, NodeId self) {
    this.config = config;
    this.offset = Math.max(0, config.clients().indexOf(self));
  }

  @Override
  public void onStart(NodeContext<TrueTimeMessage, TrueTimeTimer> context) {
    // A random first start, so that clients do not move in lockstep.
    context.setTimer(NEXT, 1 + context.random().nextLong(Math.max(1, config.thinkNanos())));
  }

  @Override
  public void onMessage(
      NodeContext<TrueTimeMessage, TrueTimeTimer> context, NodeId from, TrueTimeMessage message) {
    if (message instanceof Committed committed && committed.tx() == tx) {
      context.cancelTimer(GIVE_UP);
      context.setTimer(NEXT, Math.max(1, config.thinkNanos()));
    }
  }

  @Override
  public void onTimer(NodeContext<TrueTimeMessage, TrueTimeTimer> context, TrueTimeTimer timer) {
    if (timer instanceof NextTransaction || timer instanceof GiveUp) {
      tx++;
      List<NodeId> servers = config.servers();
      NodeId server = servers.get((int) ((offset + tx) % servers.size()));
      context.send(server, new Commit(tx));
      context.setTimer(GIVE_UP, config.attemptTimeoutNanos());
    }
  }
}
