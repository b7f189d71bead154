package faultline.protocols.paxos.check;

import faultline.engine.check.InvariantContext;
import faultline.engine.check.Step;
import faultline.engine.node.NodeId;
import faultline.protocols.paxos.AcceptorState;
import faultline.protocols.paxos.PaxosConfig;
import faultline.protocols.paxos.PaxosNode;
import java.util.List;
import java.util.Set;

/** Reads single-decree {@link PaxosNode}s for the checkers: one slot, numbered 0. */
final class SingleDecreeProbe implements PaxosProbe {
  private final Set<String> proposed;
  private final int phase2Quorum;

  SingleDecreeProbe(PaxosConfig config) {
    this.proposed = config.proposedValues();
    this.phase2Quorum = config.quorums().phase2();
  }

  @Override
  public AcceptorStep acceptorAfterStep(InvariantContext context) {
    PaxosNode node = steppedNode(context);
    AcceptorState state = node == null ? null : node.acceptorState();
    if (state == null) {
      return null;
    }
    NodeId id = context.lastStep().orElseThrow().node();
    List<Vote> accepted =
        state.hasAccepted()
            ? List.of(new Vote(id, 0, state.acceptedBallot(), state.acceptedValue()))
            : List.of();
    return new AcceptorStep(id, state.promised(), accepted);
  }

  @Override
  public List<Learned> learnedAfterStep(InvariantContext context) {
    PaxosNode node = steppedNode(context);
    if (node == null || node.learned() == null) {
      return List.of();
    }
    return List.of(new Learned(context.lastStep().orElseThrow().node(), 0, node.learned()));
  }

  @Override
  public boolean wasProposed(InvariantContext context, long slot, Object value) {
    return proposed.contains(value);
  }

  @Override
  public int phase2Quorum() {
    return phase2Quorum;
  }

  @Override
  public boolean slotted() {
    return false;
  }

  private static PaxosNode steppedNode(InvariantContext context) {
    Step step = context.lastStep().orElse(null);
    return step == null ? null : context.node(step.node(), PaxosNode.class).orElse(null);
  }
}
