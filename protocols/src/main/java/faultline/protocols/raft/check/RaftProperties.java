package faultline.protocols.raft.check;

import faultline.engine.check.Eventually;
import faultline.engine.check.Sometimes;
import java.util.List;

/**
 * Raft's sometimes properties (rare paths a sweep should reach: a deposed leader with uncommitted
 * entries, a follower repairing its log) and its eventually property (a leader exists once the
 * faults stop). Each keeps state, so a run needs fresh instances.
 */
public final class RaftProperties {
  /** A leader stepped down with entries past its commit index (§5.3, Figure 8). */
  public static final String LEADER_DEPOSED_WITH_UNCOMMITTED =
      "raft.leader-deposed-with-uncommitted-entries";

  /** A follower deleted conflicting entries (Figure 2, AppendEntries receiver rule 3). */
  public static final String LOG_TRUNCATED = "raft.follower-log-truncated";

  /** A leader exists once the faults are over. */
  public static final String LEADER_EXISTS = "raft.leader-exists";

  private RaftProperties() {}

  public static List<Sometimes> sometimes() {
    return List.of(new LeaderDeposedWithUncommitted(), new FollowerTruncatedLog());
  }

  public static List<Eventually> eventually() {
    return List.of(new LeaderExists());
  }
}
