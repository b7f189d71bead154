package faultline.protocols.raft.check;

import faultline.engine.check.Invariant;
import faultline.protocols.history.HistoryChecker;
import faultline.protocols.kv.Linearizable;
import faultline.protocols.raft.RaftDisk;
import java.util.ArrayList;
import java.util.List;

/**
 * The safety properties of Figure 3 and Figure 2's rule that persistent state is on disk before a
 * reply, each checked after every event, plus linearizability of the client history at the end of
 * the run, and a metrics observer that never fails. Each invariant keeps incremental state, so a
 * run needs fresh instances: call {@link #all} once per run.
 */
public final class RaftInvariants {
  /** At most one leader can be elected in a given term (§5.2). */
  public static final String ELECTION_SAFETY = "raft.election-safety";

  /** A leader never overwrites or deletes entries in its log; it only appends (§5.3). */
  public static final String LEADER_APPEND_ONLY = "raft.leader-append-only";

  /** Two logs with an entry of the same index and term are identical up to it (§5.3). */
  public static final String LOG_MATCHING = "raft.log-matching";

  /** A committed entry is in the logs of the leaders of all later terms (§5.4). */
  public static final String LEADER_COMPLETENESS = "raft.leader-completeness";

  /** No two servers apply different entries at the same index (§5.4.3). */
  public static final String STATE_MACHINE_SAFETY = "raft.state-machine-safety";

  /**
   * What a server's message relies on (its term, its vote, the entries it acknowledges) is on its
   * disk before the message leaves (Figure 2's persistent state).
   */
  public static final String PERSISTED_BEFORE_REPLY = "raft.persisted-before-reply";

  /** The clients' history is linearizable: checked once, at the end of the run. */
  public static final String LINEARIZABLE = Linearizable.NAME;

  /** Never fails: measures elections and commits for the run's metrics. */
  public static final String METRICS = "raft.metrics";

  private RaftInvariants() {}

  /** Figure 3's five properties, Figure 2's persisted-before-reply, and the metrics observer. */
  public static List<Invariant> safety() {
    return safety(new RaftDisk.LogKeys());
  }

  /**
   * {@link #safety()}, reading the servers' disks by the keys of {@code diskKeys}: the run's
   * servers may write by the same (see {@link faultline.protocols.raft.EntryStrings}), so that each
   * key is made once.
   */
  public static List<Invariant> safety(RaftDisk.LogKeys diskKeys) {
    SteppedServer stepped = new SteppedServer(); // Looked up once per event for all of them.
    return List.of(
        new ElectionSafety().sharing(stepped),
        new LeaderAppendOnly().sharing(stepped),
        new LogMatching().sharing(stepped),
        new LeaderCompleteness().sharing(stepped),
        new StateMachineSafety().sharing(stepped),
        new PersistedBeforeReply(diskKeys).sharing(stepped),
        new RaftMetrics().sharing(stepped));
  }

  /**
   * {@link #safety()} plus linearizability of the client history, judged by {@code checker} (for
   * this store, {@code LinearizabilityChecker.of(Model.kv(), ...)}).
   */
  public static List<Invariant> all(HistoryChecker checker) {
    return all(checker, new RaftDisk.LogKeys());
  }

  /** {@link #all(HistoryChecker)}, reading disks by the keys of {@code diskKeys}. */
  public static List<Invariant> all(HistoryChecker checker, RaftDisk.LogKeys diskKeys) {
    List<Invariant> all = new ArrayList<>(safety(diskKeys));
    all.add(new Linearizable(checker));
    return List.copyOf(all);
  }
}
