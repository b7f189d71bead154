package faultline.protocols.paxos;

import faultline.engine.node.NodeId;
import faultline.protocols.paxos.PaxosMessage.Accepted;
import java.util.Map;
import java.util.TreeMap;

/**
 * The learner role (Paxos Made Simple §2.3): a value is chosen once a phase-2 quorum of acceptors
 * has accepted it at one ballot, so the learner counts the acceptors that announce each proposal
 * and learns when one proposal reaches the quorum. Volatile: a restarted learner learns again from
 * the announcements of a later attempt.
 */
final class Learner {
  /** Ballots tracked at once; the lowest are forgotten first (a ladder of preempted attempts). */
  static final int BALLOTS_TRACKED_MAX = 64;

  private final int quorum;
  private final TreeMap<Ballot, Map<NodeId, String>> announced = new TreeMap<>();
  private String learned;
  private Ballot learnedAt = Ballot.NONE;

  Learner(PaxosConfig config) {
    this.quorum = config.quorums().phase2();
  }

  /** Counts an announcement; true when it makes this learner learn. */
  boolean onAccepted(NodeId acceptor, Accepted accepted) {
    if (learned != null) {
      return false;
    }
    Map<NodeId, String> votes = announced.computeIfAbsent(accepted.ballot(), b -> new TreeMap<>());
    votes.put(acceptor, accepted.value());
    if (announced.size() > BALLOTS_TRACKED_MAX) {
      announced.pollFirstEntry();
    }
    long agreeing = votes.values().stream().filter(value -> value.equals(accepted.value())).count();
    if (agreeing < quorum) {
      return false;
    }
    learned = accepted.value();
    learnedAt = accepted.ballot();
    announced.clear();
    return true;
  }

  /** The value learned, or null. */
  String learned() {
    return learned;
  }

  Ballot learnedAt() {
    return learnedAt;
  }
}
