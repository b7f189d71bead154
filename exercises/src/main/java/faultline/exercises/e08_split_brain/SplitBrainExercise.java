package faultline.exercises.e08_split_brain;

import static faultline.engine.time.Nanos.SECOND;

import faultline.exercises.Exercise;
import faultline.exercises.grading.GradedCheck;
import faultline.exercises.grading.ReferenceCode;
import faultline.exercises.grading.SimulationCheck;
import faultline.exercises.grading.UnitCheck;
import faultline.protocols.leases.LeaseGuard.Lease;
import faultline.protocols.leases.LeaseGuard.Now;
import java.util.List;

/** The checks of exercise 8; see README.md beside this file. */
public final class SplitBrainExercise implements Exercise {
  private static final long DRIFT_BOUND_PPM = 100_000; // 10%: 1 s of a 10 s lease.
  private static final String TERMS = "leases.terms";
  private static final String WRITES = "leases.leaderWrites";

  @Override
  public String id() {
    return "e08";
  }

  @Override
  public String slug() {
    return "split-brain";
  }

  @Override
  public String title() {
    return "Split brain: a lease-based leader that steps down in time";
  }

  @Override
  public List<Class<?>> studentClasses() {
    return List.of(LeaderLease.class);
  }

  @Override
  public ReferenceCode referenceCode() {
    return ReferenceCode.of(
        List.of("faultline.protocols.leases.ConfiguredLeaseGuard"),
        List.of("faultline.protocols.leases.LeaseGuard#configured"));
  }

  @Override
  public List<GradedCheck> checks() {
    return List.of(
        new GradedCheck(
            "the lease rule on chosen values",
            5,
            UnitCheck.cases()
                .expect(
                    "granted(sent 100s, 10s lease, 10% drift; arrives 102s) arms the timer in",
                    () ->
                        seconds(
                            new LeaderLease(DRIFT_BOUND_PPM).granted(lease(100), at(102, 5002))),
                    "7.0s")
                .expect(
                    "mayAct just after the grant arrives (102s)",
                    () -> afterGrant().mayAct(at(102, 5002)),
                    true)
                .expect(
                    "mayAct at 108.9s (the lease is 1s short of its end)",
                    () -> afterGrant().mayAct(at(108.9, 5008.9)),
                    true)
                .expect(
                    "mayAct at 109.5s (inside the drift margin)",
                    () -> afterGrant().mayAct(at(109.5, 5009.5)),
                    false)
                .expect(
                    "mayAct at 109.5s when the wall clock was stepped back to 4990s",
                    () -> afterGrant().mayAct(at(109.5, 4990)),
                    false)
                .expect(
                    "mayAct at 109.5s after a renewal sent at 106s arrived at 106.5s",
                    () -> {
                      LeaderLease guard = afterGrant();
                      guard.granted(lease(106), at(106.5, 5006.5));
                      return guard.mayAct(at(109.5, 5009.5));
                    },
                    true)),
        new GradedCheck(
            "slow replies (3.5s), then the leader is cut off",
            7,
            simulation("e08-slow-network.json")),
        new GradedCheck(
            "the wall clock steps back 8s while the leader is cut off",
            7,
            simulation("e08-clock-jump.json")),
        new GradedCheck(
            "a clock 20% slow, at the drift bound", 7, simulation("e08-slow-clock.json")),
        new GradedCheck(
            "a 15s GC pause across the end of the lease", 7, simulation("e08-gc-pause.json")),
        new GradedCheck(
            "three candidates, drifting clocks, random faults, 20 seeds",
            12,
            SimulationCheck.of("e08-chaos.json", 1, 20).requireMetric(WRITES, 20)));
  }

  /** One seed; both candidates must lead in turn, and leaders must get work done. */
  private static SimulationCheck simulation(String file) {
    return SimulationCheck.of(file, 1, 1).requireMetric(TERMS, 2).requireMetric(WRITES, 10);
  }

  /** A rule that was granted the 10 s lease requested at 100 s, the grant arriving at 102 s. */
  private static LeaderLease afterGrant() {
    LeaderLease guard = new LeaderLease(DRIFT_BOUND_PPM);
    guard.granted(lease(100), at(102, 5002));
    return guard;
  }

  /** The 10 s lease requested at {@code sentSeconds} (monotonic), 4900 s later by the wall. */
  private static Lease lease(long sentSeconds) {
    return new Lease(sentSeconds * SECOND, (sentSeconds + 4900) * SECOND, 10 * SECOND);
  }

  private static Now at(double monoSeconds, double wallSeconds) {
    return new Now(Math.round(monoSeconds * SECOND), Math.round(wallSeconds * SECOND));
  }

  private static String seconds(long nanos) {
    return nanos == Long.MAX_VALUE ? "NO_TIMER" : nanos / (double) SECOND + "s";
  }
}
