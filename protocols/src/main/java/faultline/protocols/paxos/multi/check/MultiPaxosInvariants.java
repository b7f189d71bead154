package faultline.protocols.paxos.multi.check;

import faultline.engine.check.Invariant;
import faultline.protocols.history.HistoryChecker;
import faultline.protocols.kv.Linearizable;
import faultline.protocols.paxos.check.PaxosInvariants;
import faultline.protocols.paxos.multi.MultiPaxosConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of Multi-Paxos: the five Paxos safety properties slot by slot, judged from the
 * acceptors' own state ({@link PaxosInvariants}: agreement, validity, learned-was-chosen, promises
 * kept, no accept below a promise), state machine safety across replicas, linearizability of the
 * clients' history at the end of the run, and a metrics observer that never fails. Each invariant
 * keeps incremental state, so a run needs fresh instances: call {@link #all} once per run.
 */
public final class MultiPaxosInvariants {
  /** No two replicas apply different values in one slot. */
  public static final String STATE_MACHINE_SAFETY = "multipaxos.state-machine-safety";

  /** Never fails: leaders, elections and commits for the run's metrics. */
  public static final String METRICS = "multipaxos.metrics";

  private MultiPaxosInvariants() {}

  /**
   * Every check of a cluster configured by {@code config}, with the clients' history judged by
   * {@code checker} (for this store, {@code LinearizabilityChecker.of(Model.kv(), ...)}).
   */
  public static List<Invariant> all(MultiPaxosConfig config, HistoryChecker checker) {
    int phase2Quorum = config.quorums().phase2();
    List<Invariant> all =
        new ArrayList<>(PaxosInvariants.safety(name -> new MultiPaxosProbe(phase2Quorum)));
    all.add(new StateMachineSafety());
    all.add(new MultiPaxosMetrics(phase2Quorum));
    all.add(new Linearizable(checker));
    return List.copyOf(all);
  }
}
