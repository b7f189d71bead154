package faultline.protocols.paxos.check;

import faultline.engine.check.Invariant;
import faultline.protocols.paxos.PaxosConfig;
import java.util.List;
import java.util.function.Function;

/**
 * The safety properties of Paxos (Paxos Made Simple §2.1-2.2, §3), each checked after every event
 * against the acceptors' own state, plus a metrics observer that never fails. Each invariant keeps
 * incremental state, so a run needs fresh instances: call {@link #singleDecree} once per run.
 */
public final class PaxosInvariants {
  /** At most one value is chosen (per slot). */
  public static final String AGREEMENT = "paxos.agreement";

  /** Only a proposed value is chosen. */
  public static final String VALIDITY = "paxos.validity";

  /** A node learns only a chosen value. */
  public static final String LEARNED_WAS_CHOSEN = "paxos.learned-was-chosen";

  /** An acceptor's promise never decreases, across crashes. */
  public static final String PROMISES_KEPT = "paxos.promises-kept";

  /** An acceptor never accepts below a ballot it promised, across crashes. */
  public static final String NO_ACCEPT_BELOW_PROMISE = "paxos.no-accept-below-promise";

  /** Never fails: when the value was chosen. */
  public static final String METRICS = "paxos.metrics";

  private PaxosInvariants() {}

  /** The checks of single-decree Paxos, for a cluster configured by {@code config}. */
  public static List<Invariant> singleDecree(PaxosConfig config) {
    List<Invariant> safety = safety(unused -> new SingleDecreeProbe(config));
    return concat(safety, new PaxosMetrics(new SingleDecreeProbe(config)));
  }

  /**
   * The five safety properties over nodes that {@code probes} reads (called once per invariant,
   * since probes may keep state), for any Paxos protocol.
   */
  public static List<Invariant> safety(Function<String, PaxosProbe> probes) {
    return List.of(
        new Agreement(probes.apply(AGREEMENT)),
        new Validity(probes.apply(VALIDITY)),
        new LearnedWasChosen(probes.apply(LEARNED_WAS_CHOSEN)),
        new PromisesKept(probes.apply(PROMISES_KEPT)),
        new NoAcceptBelowPromise(probes.apply(NO_ACCEPT_BELOW_PROMISE)));
  }

  private static List<Invariant> concat(List<Invariant> first, Invariant last) {
    List<Invariant> all = new java.util.ArrayList<>(first);
    all.add(last);
    return List.copyOf(all);
  }
}
