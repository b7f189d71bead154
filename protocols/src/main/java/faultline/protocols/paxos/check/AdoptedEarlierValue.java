package faultline.protocols.paxos.check;

import faultline.engine.check.InvariantContext;
import faultline.engine.check.Sent;
import faultline.engine.check.Sometimes;
import faultline.engine.check.Step;
import faultline.engine.node.NodeId;
import faultline.protocols.paxos.PaxosConfig;
import faultline.protocols.paxos.PaxosMessage;
import faultline.protocols.paxos.ProposerSpec;
import java.util.List;

/**
 * Reached when a proposer sends accept requests for a value other than its own: a phase-1 quorum
 * reported a value accepted in an earlier ballot, and the proposer adopted it (Paxos Made Simple,
 * §2.2, P2c). The path that keeps a chosen value chosen; it needs two proposers whose ballots
 * overlap, which a quiet run never has.
 */
final class AdoptedEarlierValue implements Sometimes {
  private final List<ProposerSpec> proposers;

  AdoptedEarlierValue(PaxosConfig config) {
    this.proposers = config.proposers();
  }

  @Override
  public String name() {
    return PaxosProperties.ADOPTED_EARLIER_VALUE;
  }

  @Override
  public String description() {
    return "A proposer adopted a value accepted in an earlier ballot instead of its own.";
  }

  @Override
  public boolean reached(InvariantContext context) {
    Step step = context.lastStep().orElse(null);
    if (step == null || step.kind() != Step.Kind.MESSAGE) {
      return false; // Accept requests go out when the last promise of a quorum arrives.
    }
    String own = ownValue(step.node());
    if (own == null) {
      return false;
    }
    for (Sent sent : context.lastStepSent()) {
      if (sent.message() instanceof PaxosMessage.Accept accept && !accept.value().equals(own)) {
        return true;
      }
    }
    return false;
  }

  private String ownValue(NodeId node) {
    for (ProposerSpec proposer : proposers) {
      if (proposer.node().equals(node)) {
        return proposer.value();
      }
    }
    return null;
  }
}
