package faultline.protocols.paxos.multi;

import faultline.engine.node.NodeId;
import faultline.protocols.kv.ClientCommand;
import faultline.protocols.kv.KvMessage.ClientRequest;
import faultline.protocols.paxos.Ballot;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Accept;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Accepted;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Chosen;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Decision;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Heartbeat;
import faultline.protocols.paxos.multi.MultiPaxosMessage.HeartbeatReply;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Promise;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The distinguished proposer (Paxos Made Simple §3): with phase 1 done for every slot, it runs only
 * phase 2, one slot per client command, and announces each value once a phase-2 quorum accepted it.
 * On taking office it first recovers every slot that earlier leaders may have used ({@link
 * Recovery}). Where the paper is silent it follows Paxos Made Live and Paxos Made Moderately
 * Complex: heartbeats keep followers from standing, their replies say which chosen values a server
 * lacks, accepts that got no quorum are resent on each heartbeat, and a leader that has not heard
 * from a phase-2 quorum within its leader timeout steps down (Paxos Made Live's master lease).
 */
final class Leader implements Role {
  private final Ballot ballot;
  private final long tookOfficeAtNanos;
  private final SortedMap<Long, Pending> pending = new TreeMap<>();
  private final Map<NodeId, Long> lastHeardNanos = new TreeMap<>();
  private final List<Long> proposedInStep = new ArrayList<>();
  private long nextSlot;

  /** A slot this leader proposed and has not yet seen chosen. */
  private static final class Pending {
    final SlotValue value;
    final Set<NodeId> acceptedBy = new TreeSet<>();
    long sentAtNanos;

    Pending(SlotValue value, long sentAtNanos) {
      this.value = value;
      this.sentAtNanos = sentAtNanos;
    }
  }

  private Leader(Ballot ballot, long tookOfficeAtNanos) {
    this.ballot = ballot;
    this.tookOfficeAtNanos = tookOfficeAtNanos;
  }

  /** Phase 1 succeeded: recovers every slot from the promises, then serves clients. */
  static Leader takeOffice(
      MultiPaxosServer server, Ballot ballot, long fromSlot, Collection<Promise> promises) {
    Leader leader = new Leader(ballot, server.context().monotonicNanos());
    Replica replica = server.replica();
    Recovery.Plan plan =
        server
            .config()
            .recovery()
            .plan(
                fromSlot,
                promises,
                new Recovery.Known() {
                  @Override
                  public boolean isChosen(long slot) {
                    return replica.chosen(slot) != null;
                  }

                  @Override
                  public long highestChosen() {
                    return replica.highestChosen();
                  }
                });
    leader.nextSlot = plan.nextSlot();
    long noops =
        plan.proposals().values().stream().filter(v -> v instanceof SlotValue.Noop).count();
    server.context().count("multipaxos.leaderChanges", 1);
    server.context().count("multipaxos.recoveredSlots", plan.proposals().size());
    server.context().count("multipaxos.noopsProposed", noops);
    server
        .context()
        .note(
            "leading at "
                + ballot
                + ": recovering "
                + plan.proposals().size()
                + " slot(s) from "
                + fromSlot
                + " ("
                + noops
                + " no-op), new commands from slot "
                + plan.nextSlot());
    server.context().cancelTimer(MultiPaxosTimer.LEADER_TIMEOUT);
    plan.proposals().forEach((slot, value) -> leader.propose(server, slot, value));
    leader.sendHeartbeats(server);
    return leader;
  }

  @Override
  public String name() {
    return "LEADER";
  }

  @Override
  public Ballot ballot() {
    return ballot;
  }

  @Override
  public Role onClientRequest(MultiPaxosServer server, NodeId client, ClientRequest request) {
    if (pending.size() >= server.config().pendingSlotsMax()) {
      server.context().count("multipaxos.pendingFull", 1); // The client will retry.
      return this;
    }
    long slot = nextSlot++;
    server.replica().kv().awaitApply(slot, client, request);
    propose(server, slot, SlotValue.of(ClientCommand.of(request)));
    return this;
  }

  private void propose(MultiPaxosServer server, long slot, SlotValue value) {
    pending.put(slot, new Pending(value, server.context().monotonicNanos()));
    proposedInStep.add(slot);
    server.sendToAcceptors(new Accept(ballot, slot, value));
  }

  @Override
  public Role onAccepted(MultiPaxosServer server, NodeId from, Accepted accepted) {
    lastHeardNanos.put(from, server.context().monotonicNanos());
    Pending proposal = pending.get(accepted.slot());
    if (!accepted.ballot().equals(ballot) || proposal == null) {
      return this; // A late or duplicate acceptance.
    }
    proposal.acceptedBy.add(from);
    int quorum = server.config().quorums().phase2();
    if (server.config().chosenRule().chosen(proposal.acceptedBy, server.self(), quorum)) {
      decide(server, accepted.slot(), proposal.value);
    }
    return this;
  }

  private void decide(MultiPaxosServer server, long slot, SlotValue value) {
    pending.remove(slot);
    server.context().record("chosen", new ChosenRecord(slot, ballot, value.describe()));
    server.replica().learn(server.context(), slot, value, server.self());
    server.sendToOtherServers(new Chosen(ballot, List.of(new Decision(slot, value))));
  }

  /** The trace record of a slot a leader saw chosen. */
  public record ChosenRecord(long slot, Ballot ballot, String value) {}

  @Override
  public Role onHeartbeatReply(MultiPaxosServer server, NodeId from, HeartbeatReply reply) {
    lastHeardNanos.put(from, server.context().monotonicNanos());
    if (!reply.ballot().equals(ballot)) {
      return this;
    }
    List<Decision> missing =
        server
            .replica()
            .decisionsFrom(reply.chosenBelow(), server.config().decisionsPerMessageMax());
    if (!missing.isEmpty()) {
      server.send(from, new Chosen(ballot, missing));
    }
    return this;
  }

  @Override
  public Role onTimer(MultiPaxosServer server, MultiPaxosTimer timer) {
    if (timer != MultiPaxosTimer.HEARTBEAT_DUE) {
      return this;
    }
    if (!heardFromQuorum(server)) {
      server.context().count("multipaxos.checkQuorumStepDowns", 1);
      server.context().note("no phase-2 quorum answered within the leader timeout: stepping down");
      stepDown(server);
      server.armLeaderTimeout();
      return Follower.INSTANCE;
    }
    resendUnanswered(server);
    sendHeartbeats(server);
    return this;
  }

  /**
   * Whether a phase-2 quorum of acceptors (this one included, if it accepts) answered within the
   * least leader timeout; always true in the first such stretch of office.
   */
  private boolean heardFromQuorum(MultiPaxosServer server) {
    long now = server.context().monotonicNanos();
    long windowNanos = server.config().leaderTimeout(server.self()).minNanos();
    if (now - tookOfficeAtNanos < windowNanos) {
      return true;
    }
    int heard = 0;
    for (NodeId acceptor : server.config().acceptors()) {
      Long at = lastHeardNanos.get(acceptor);
      if (acceptor.equals(server.self()) || (at != null && now - at <= windowNanos)) {
        heard++;
      }
    }
    return heard >= server.config().quorums().phase2();
  }

  /** Accepts older than a heartbeat that got no quorum yet go again to the silent acceptors. */
  private void resendUnanswered(MultiPaxosServer server) {
    long now = server.context().monotonicNanos();
    for (Map.Entry<Long, Pending> entry : pending.entrySet()) {
      Pending proposal = entry.getValue();
      if (now - proposal.sentAtNanos < server.config().heartbeatNanos()) {
        continue;
      }
      proposal.sentAtNanos = now;
      Accept accept = new Accept(ballot, entry.getKey(), proposal.value);
      for (NodeId acceptor : server.config().acceptors()) {
        if (!proposal.acceptedBy.contains(acceptor)) {
          server.send(acceptor, accept);
          server.context().count("multipaxos.acceptsResent", 1);
        }
      }
    }
  }

  private void sendHeartbeats(MultiPaxosServer server) {
    server.sendToOtherServers(new Heartbeat(ballot, server.replica().chosenBelow()));
    server.context().setTimer(MultiPaxosTimer.HEARTBEAT_DUE, server.config().heartbeatNanos());
  }

  @Override
  public void stepDown(MultiPaxosServer server) {
    server.replica().kv().forgetWaiting();
    server.context().cancelTimer(MultiPaxosTimer.HEARTBEAT_DUE);
  }

  /** The slots proposed in the last step (for the metrics), until the next one begins. */
  List<Long> proposedInLastStep() {
    return proposedInStep;
  }

  void beginStep() {
    proposedInStep.clear();
  }

  /** Slots proposed and not yet seen chosen, for tests. */
  int pendingSlots() {
    return pending.size();
  }
}
