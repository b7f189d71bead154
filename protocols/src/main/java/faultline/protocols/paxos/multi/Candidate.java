package faultline.protocols.paxos.multi;

import faultline.engine.node.NodeId;
import faultline.protocols.kv.KvMessage.ClientRequest;
import faultline.protocols.kv.KvReplica;
import faultline.protocols.paxos.Ballot;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Prepare;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Promise;
import java.util.Map;
import java.util.TreeMap;

/**
 * A proposer running phase 1 for every slot at once (Paxos Made Simple §3: the new leader "executes
 * phase 1 for infinitely many instances" with one short message): it asks every acceptor to promise
 * its ballot for all slots from the first one it does not know chosen, and becomes leader once a
 * phase-1 quorum has promised. Its ballot is on disk before the prepare requests leave, so a
 * restarted proposer never reuses one. If phase 1 does not finish within a leader timeout, it
 * stands again with a higher ballot.
 */
final class Candidate implements Role {
  static final String BALLOT_KEY = "multipaxos.ballot";

  private final Ballot ballot;
  private final long fromSlot;
  private final Map<NodeId, Promise> promises = new TreeMap<>();

  private Candidate(Ballot ballot, long fromSlot) {
    this.ballot = ballot;
    this.fromSlot = fromSlot;
  }

  /** Starts a candidacy with a ballot above every one this server has seen. */
  static Candidate stand(MultiPaxosServer server) {
    Ballot ballot = Ballot.of(server.highestSeen().round() + 1, server.self());
    server.context().storage().put(BALLOT_KEY, ballot);
    server.context().storage().sync(); // Never reuse a ballot after a restart.
    long fromSlot = server.replica().chosenBelow();
    server.context().count("multipaxos.candidacies", 1);
    server.context().recordMax("multipaxos.roundMax", ballot.round());
    server.sendToAcceptors(new Prepare(ballot, fromSlot));
    server.armLeaderTimeout();
    return new Candidate(ballot, fromSlot);
  }

  @Override
  public String name() {
    return "CANDIDATE";
  }

  @Override
  public Ballot ballot() {
    return ballot;
  }

  @Override
  public Role onPromise(MultiPaxosServer server, NodeId from, Promise promise) {
    if (!promise.ballot().equals(ballot)) {
      return this; // An answer to an earlier candidacy.
    }
    promises.put(from, promise);
    if (promises.size() < server.config().quorums().phase1()) {
      return this;
    }
    return Leader.takeOffice(server, ballot, fromSlot, promises.values());
  }

  @Override
  public Role onClientRequest(MultiPaxosServer server, NodeId client, ClientRequest request) {
    KvReplica.redirect(server.context(), client, request, null); // No leader yet.
    return this;
  }

  @Override
  public Role onTimer(MultiPaxosServer server, MultiPaxosTimer timer) {
    if (timer == MultiPaxosTimer.LEADER_TIMEOUT) {
      return stand(server); // Phase 1 took too long: a lost message, or a rival.
    }
    return this;
  }
}
