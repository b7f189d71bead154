package faultline.exercises.e05_election;

import faultline.engine.random.SimRandom;
import faultline.protocols.raft.ElectionRules;

/**
 * Exercise 5: the two decisions of a Raft election (Ongaro and Ousterhout, "In Search of an
 * Understandable Consensus Algorithm (Extended Version)", 2014, Figure 2, §5.2 and §5.4.1).
 *
 * <p>The Raft server of {@code protocols} runs everything else: it votes for itself when it becomes
 * a candidate, sends RequestVote, counts the replies, and records (and syncs to disk) every vote
 * you grant before it answers. It asks you two things: whether to grant a vote ({@link
 * #grantsVote}) and how long to wait before starting an election ({@link #electionTimeoutNanos}).
 */
public final class RaftElection implements ElectionRules {
  /**
   * Whether this server grants its vote to {@code request}'s candidate. Figure 2, RequestVote,
   * receiver implementation: refuse a request from a term older than {@code voter.currentTerm()};
   * grant only if the voter has not voted in this term ({@code voter.votedFor()} is null) or voted
   * for this same candidate; and only if the candidate's log is at least as up to date as the
   * voter's (§5.4.1: compare the terms of the last entries first, then the lengths).
   *
   * <p>When the request's term is newer, the server has already moved to it (and forgotten its
   * vote) before asking you, so {@code voter.currentTerm()} then equals {@code request.term()}.
   */
  @Override
  public boolean grantsVote(VoteRequest request, Voter voter) {
    // BEGIN SOLUTION
    if (request.term() < voter.currentTerm()) {
      return false; // A candidate of an older term (rule 1).
    }
    boolean freeToVote = voter.votedFor() == null || voter.votedFor().equals(request.candidate());
    boolean logUpToDate =
        request.lastLogTerm() > voter.lastLogTerm()
            || (request.lastLogTerm() == voter.lastLogTerm()
                && request.lastLogIndex() >= voter.lastLogIndex());
    return freeToVote && logUpToDate;
    // END SOLUTION
    // STUB: // Your code here: Figure 2, RequestVote RPC, receiver implementation, rules 1 and 2,
    // STUB: // and §5.4.1 for "at least as up-to-date".
    // STUB: return false;
  }

  /**
   * How long this server waits without hearing from a leader (or granting a vote) before it starts
   * an election: a duration from {@code minNanos} to {@code maxNanos}, both included (150 ms to 300
   * ms by default, per server in some scenarios). Draw it from {@code random}, this server's own
   * seeded stream: §5.2 explains why it must be random, and why each server must draw its own.
   */
  @Override
  public long electionTimeoutNanos(long minNanos, long maxNanos, SimRandom random) {
    // BEGIN SOLUTION
    return random.nextLongBetween(minNanos, maxNanos);
    // END SOLUTION
    // STUB: // Your code here: §5.2, "randomized election timeouts".
    // STUB: return minNanos;
  }
}
