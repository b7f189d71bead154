package faultline.protocols.paxos.multi.check;

import faultline.engine.check.InvariantContext;
import faultline.engine.check.Step;
import faultline.engine.lookup.LookupSet;
import faultline.engine.node.NodeId;
import faultline.protocols.kv.ClientCommand;
import faultline.protocols.kv.KvMessage.ClientRequest;
import faultline.protocols.paxos.check.AcceptorStep;
import faultline.protocols.paxos.check.Learned;
import faultline.protocols.paxos.check.PaxosProbe;
import faultline.protocols.paxos.check.Vote;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Decision;
import faultline.protocols.paxos.multi.MultiPaxosMessage.SlotProposal;
import faultline.protocols.paxos.multi.MultiPaxosServer;
import faultline.protocols.paxos.multi.SlotValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@link MultiPaxosServer}s for the Paxos checkers, one slot per log position: what the
 * acceptor that just stepped accepted in that step (straight from the live server), what the server
 * learned in it, and which commands clients really sent (every request a server received), so that
 * validity means "a client's command or a no-op".
 */
final class MultiPaxosProbe implements PaxosProbe {
  private final int phase2Quorum;
  private final LookupSet<ClientCommand> requested = new LookupSet<>();

  MultiPaxosProbe(int phase2Quorum) {
    this.phase2Quorum = phase2Quorum;
  }

  @Override
  public AcceptorStep acceptorAfterStep(InvariantContext context) {
    Step step = context.lastStep().orElse(null);
    if (step == null) {
      return null;
    }
    if (step.message() instanceof ClientRequest request) {
      requested.add(ClientCommand.of(request));
    }
    MultiPaxosServer server = context.node(step.node(), MultiPaxosServer.class).orElse(null);
    if (server == null || !server.isAcceptor()) {
      return null;
    }
    List<Vote> votes = new ArrayList<>();
    for (SlotProposal proposal : server.acceptedInLastStep()) {
      votes.add(new Vote(step.node(), proposal.slot(), proposal.ballot(), proposal.value()));
    }
    return new AcceptorStep(step.node(), server.promised(), votes);
  }

  @Override
  public List<Learned> learnedAfterStep(InvariantContext context) {
    Step step = context.lastStep().orElse(null);
    MultiPaxosServer server =
        step == null ? null : context.node(step.node(), MultiPaxosServer.class).orElse(null);
    if (server == null || server.learnedInLastStep().isEmpty()) {
      return List.of();
    }
    NodeId id = step.node();
    List<Learned> learned = new ArrayList<>();
    for (Decision decision : server.learnedInLastStep()) {
      learned.add(new Learned(id, decision.slot(), decision.value()));
    }
    return learned;
  }

  @Override
  public boolean wasProposed(InvariantContext context, long slot, Object value) {
    return value instanceof SlotValue.Noop
        || (value instanceof SlotValue.Command command && requested.contains(command.command()));
  }

  @Override
  public int phase2Quorum() {
    return phase2Quorum;
  }

  @Override
  public boolean slotted() {
    return true;
  }
}
