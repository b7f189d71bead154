package faultline.protocols.raft;

import faultline.engine.random.SimRandom;

/**
 * Figure 2's vote rule and §5.2's randomized timeout, the default {@link ElectionRules}; {@link
 * RaftBug#VOTE_WITHOUT_LOG_CHECK} plants the one without the up-to-date check (§5.4.1).
 */
enum PaperElectionRules implements ElectionRules {
  CHECKING_LOGS(true),
  IGNORING_LOGS(false);

  private final boolean checksLogs;

  PaperElectionRules(boolean checksLogs) {
    this.checksLogs = checksLogs;
  }

  @Override
  public boolean grantsVote(VoteRequest request, Voter voter) {
    if (request.term() < voter.currentTerm()) {
      return false;
    }
    boolean freeToVote = voter.votedFor() == null || voter.votedFor().equals(request.candidate());
    return freeToVote && (!checksLogs || upToDate(request, voter));
  }

  private static boolean upToDate(VoteRequest request, Voter voter) {
    return request.lastLogTerm() > voter.lastLogTerm()
        || (request.lastLogTerm() == voter.lastLogTerm()
            && request.lastLogIndex() >= voter.lastLogIndex());
  }

  @Override
  public long electionTimeoutNanos(long minNanos, long maxNanos, SimRandom random) {
    return random.nextLongBetween(minNanos, maxNanos);
  }
}
