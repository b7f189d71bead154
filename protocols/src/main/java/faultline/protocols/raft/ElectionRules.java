package faultline.protocols.raft;

import faultline.engine.node.NodeId;
import faultline.engine.random.SimRandom;

/**
 * The two decisions of a Raft election that a server can take from outside (Ongaro and Ousterhout,
 * extended version, Figure 2 "RequestVote RPC, receiver implementation" and "Rules for Servers,
 * Followers"; §5.2, §5.4.1). The server does everything else: it refuses a request from an older
 * term and adopts a newer term before it asks {@link #grantsVote}, records and syncs the vote it
 * grants, votes for itself as a candidate, and counts the replies. With PreVote on, it asks {@link
 * #grantsPreVote} too, which by default defers to {@link #grantsVote}. {@link #paper()} is the rule
 * of the paper, the one every {@link RaftNode} uses unless it is given another.
 *
 * <p>Implementations are called inside a node's handler: they must be deterministic, never block,
 * and draw randomness only from the {@link SimRandom} they are handed.
 */
public interface ElectionRules {
  /**
   * Whether a follower (or candidate) grants its vote (Figure 2, RequestVote receiver rules 1 and
   * 2): never to a request from an older term; at most one candidate per term; and only to a
   * candidate whose log is at least as up to date as its own (§5.4.1).
   */
  boolean grantsVote(VoteRequest request, Voter voter);

  /**
   * Whether a server grants a pre-vote (Ongaro's dissertation §9.6): whether it would grant its
   * vote if the candidate's election of {@code request.term()} started now. The server asks only
   * once it has found no live leader; it changes neither its term nor its vote, whatever the
   * answer. By default, the term must be newer than the voter's, and then {@link #grantsVote} is
   * asked of the voter as it would be in that term, with no vote cast yet; so a rule written for
   * votes governs pre-votes too.
   */
  default boolean grantsPreVote(VoteRequest request, Voter voter) {
    return request.term() > voter.currentTerm()
        && grantsVote(
            request, new Voter(request.term(), null, voter.lastLogIndex(), voter.lastLogTerm()));
  }

  /**
   * The next election timeout, from {@code minNanos} to {@code maxNanos} inclusive, drawn from
   * {@code random}, the server's own seeded stream (§5.2: randomized so that split votes are rare).
   */
  long electionTimeoutNanos(long minNanos, long maxNanos, SimRandom random);

  /** The paper's rules. */
  static ElectionRules paper() {
    return PaperElectionRules.CHECKING_LOGS;
  }

  /** The candidate's side of a RequestVote RPC (§5.2, Figure 2 arguments). */
  record VoteRequest(long term, NodeId candidate, long lastLogIndex, long lastLogTerm) {}

  /**
   * What the voter knows when it decides: its persistent state (Figure 2) and the index and term of
   * its last log entry (0 and 0 when its log is empty).
   */
  record Voter(long currentTerm, NodeId votedFor, long lastLogIndex, long lastLogTerm) {}
}
