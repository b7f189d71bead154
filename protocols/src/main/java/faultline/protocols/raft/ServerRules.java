package faultline.protocols.raft;

import faultline.engine.node.Message;
import faultline.engine.node.NodeId;
import faultline.protocols.raft.RaftMessage.AppendEntries;
import java.util.Set;

/**
 * The rules one server runs, each the paper's unless the bug zoo plants its mistaken twin ({@link
 * RaftBug}). This is the only place that reads which bugs are planted: the server's steps ask these
 * strategies and never test a bug flag, as {@link CommitRule} and {@link AppendRule} were already
 * asked.
 *
 * @param election the vote rule and election timeouts (Figure 2, §5.2, §5.4.1)
 * @param staleTerms what a message of an older term gets (§5.1)
 * @param append the follower's AppendEntries rules 2 to 5 (Figure 2)
 * @param commit the leader's commit rule (§5.4.2)
 * @param votes what a restarted server reads back of its vote (Figure 2's persistent state)
 * @param reads whether a leader confirms it still leads before it answers a read (§8)
 * @param writes where a leader places a new client command in its log (Figure 3, Leader
 *     Append-Only)
 * @param lease how long a confirmed heartbeat round lets a leader serve reads (§6.4.1 of Ongaro's
 *     dissertation)
 * @param readIndex what a read waits for before the leader answers it (§6.4 of Ongaro's
 *     dissertation)
 */
record ServerRules(
    ElectionRules election,
    StaleTerms staleTerms,
    AppendRule append,
    CommitRule commit,
    VoteRecovery votes,
    ReadConfirmation reads,
    WritePlacement writes,
    LeaseBound lease,
    ReadRule readIndex) {

  /** The rules of a server configured by {@code config} that decides votes by {@code election}. */
  static ServerRules of(RaftConfig config, ElectionRules election) {
    Set<RaftBug> bugs = config.bugs();
    ReplicationRules replication = config.replicationRules();
    return new ServerRules(
        election,
        bugs.contains(RaftBug.ACCEPT_STALE_APPEND) ? StaleTerms.APPENDS_ADMITTED : StaleTerms.PAPER,
        bugs.contains(RaftBug.APPEND_WITHOUT_CONSISTENCY_CHECK)
            ? AppendRule.WITHOUT_CONSISTENCY_CHECK
            : replication.append(),
        bugs.contains(RaftBug.COMMIT_EARLIER_TERM_BY_COUNTING)
            ? CommitRule.COUNTING_EVERY_TERM
            : replication.commit(),
        bugs.contains(RaftBug.FORGET_VOTE_ON_RESTART) ? VoteRecovery.FORGOTTEN : VoteRecovery.PAPER,
        bugs.contains(RaftBug.STALE_LOCAL_READS)
            ? ReadConfirmation.UNCONFIRMED
            : ReadConfirmation.PAPER,
        bugs.contains(RaftBug.LEADER_OVERWRITES_UNCOMMITTED)
            ? WritePlacement.OVER_UNCOMMITTED
            : WritePlacement.PAPER,
        leaseBound(bugs),
        config.readRule());
  }

  /** Whether every rule is the paper's: no planted mistake, no exercise's rule. */
  boolean arePaper() {
    return election == PaperElectionRules.CHECKING_LOGS
        && staleTerms == StaleTerms.PAPER
        && append == AppendRule.PAPER
        && commit == CommitRule.PAPER
        && votes == VoteRecovery.PAPER
        && reads == ReadConfirmation.PAPER
        && writes == WritePlacement.PAPER
        && lease == LeaseBound.PAPER
        && readIndex == ReadRule.PAPER;
  }

  /** The paper's vote rule, or the one without the §5.4.1 log check when that bug is planted. */
  static ElectionRules electionRules(RaftConfig config) {
    return config.bugs().contains(RaftBug.VOTE_WITHOUT_LOG_CHECK)
        ? PaperElectionRules.IGNORING_LOGS
        : PaperElectionRules.CHECKING_LOGS;
  }

  static LeaseBound leaseBound(Set<RaftBug> bugs) {
    return bugs.contains(RaftBug.LEASE_BY_DEFAULT_TIMEOUT)
        ? LeaseBound.DEFAULT_TIMEOUT_ONLY
        : LeaseBound.PAPER;
  }

  /** §5.1: "If a server receives a request with a stale term number, it rejects the request." */
  enum StaleTerms {
    PAPER,
    /** {@link RaftBug#ACCEPT_STALE_APPEND}: a deposed leader's AppendEntries is obeyed. */
    APPENDS_ADMITTED;

    /**
     * Whether {@code message}, of an older term than the receiver's, goes on to its role's step.
     */
    boolean admits(Message message) {
      return this == APPENDS_ADMITTED && message instanceof AppendEntries;
    }
  }

  /** What a restarted server reads back of the vote it cast in its current term. */
  enum VoteRecovery {
    PAPER,
    /** {@link RaftBug#FORGET_VOTE_ON_RESTART}: votedFor is not read back. */
    FORGOTTEN;

    NodeId recovered(NodeId stored) {
      return this == PAPER ? stored : null;
    }
  }

  /** Whether a leader makes sure it still leads before it answers a read from its state. */
  enum ReadConfirmation {
    PAPER,
    /** {@link RaftBug#STALE_LOCAL_READS}: it answers from its state at once. */
    UNCONFIRMED;

    boolean confirmsLeadership() {
      return this == PAPER;
    }
  }

  /** Where a leader appends a new client command. */
  enum WritePlacement {
    /** After its last entry: a leader only appends (Figure 3, Leader Append-Only). */
    PAPER,
    /**
     * {@link RaftBug#LEADER_OVERWRITES_UNCOMMITTED}: just after its commitIndex, over the entries
     * it has not committed yet.
     */
    OVER_UNCOMMITTED;

    /** The first entry to delete before appending, or 0 to delete none. */
    long overwriteFrom(long lastIndex, long commitIndex) {
      return this == OVER_UNCOMMITTED && lastIndex > commitIndex ? commitIndex + 1 : 0;
    }
  }

  /** Which election timeouts bound a lease (see {@link RaftConfig#leaseBoundNanos}). */
  enum LeaseBound {
    /** The least of the default minimum and every other server's own minimum. */
    PAPER,
    /** {@link RaftBug#LEASE_BY_DEFAULT_TIMEOUT}: the default minimum alone. */
    DEFAULT_TIMEOUT_ONLY;

    long boundNanos(RaftConfig config, NodeId leader) {
      long least = config.electionTimeoutMinNanos();
      if (this == DEFAULT_TIMEOUT_ONLY) {
        return least;
      }
      for (var override : config.electionTimeoutOverrides().entrySet()) {
        if (!override.getKey().equals(leader)) {
          least = Math.min(least, override.getValue().minNanos());
        }
      }
      return least;
    }
  }
}
