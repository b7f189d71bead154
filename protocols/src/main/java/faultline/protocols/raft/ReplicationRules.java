package faultline.protocols.raft;

import java.util.Objects;

/**
 * The two rules of log replication that {@link RaftConfig#withReplicationRules} can replace: the
 * follower's handling of AppendEntries and the leader's commit rule. Every {@code raft} scenario
 * runs {@link #PAPER}; an exercise plugs in a student's.
 */
public record ReplicationRules(AppendRule append, CommitRule commit) {
  /** Figure 2 as the paper writes it. */
  public static final ReplicationRules PAPER =
      new ReplicationRules(AppendRule.PAPER, CommitRule.PAPER);

  public ReplicationRules {
    Objects.requireNonNull(append, "append");
    Objects.requireNonNull(commit, "commit");
  }
}
