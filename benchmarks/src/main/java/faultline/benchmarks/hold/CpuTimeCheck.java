package faultline.benchmarks.hold;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cross-check of the JMH figures for shared or busy machines: the hold model timed by the
 * thread's own CPU time, which does not count the time the thread waits for a core. All engines of
 * one size live in one JVM and take turns, round after round, so that a burst of load from
 * elsewhere falls on all of them; the best round of each is kept. JMH's wall-clock figures remain
 * the reference; when the two disagree, the machine was busy.
 */
public final class CpuTimeCheck {
  private CpuTimeCheck() {}

  /** Best CPU nanoseconds per hold, by engine label, for {@code pending} events. */
  public static Map<String, Double> bestNanosPerHold(
      List<String> engines, int pending, int rounds, int holdsPerRound) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    HoldEngine[] holds = new HoldEngine[engines.size()];
    double[] best = new double[engines.size()];
    for (int i = 0; i < holds.length; i++) {
      holds[i] = Engines.named(engines.get(i)).create();
      holds[i].fill(pending);
      holds[i].hold(pending);
      best[i] = Double.MAX_VALUE;
    }
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < holds.length; i++) {
        long startedNanos = threads.getCurrentThreadCpuTime();
        holds[i].hold(holdsPerRound);
        long spentNanos = threads.getCurrentThreadCpuTime() - startedNanos;
        best[i] = Math.min(best[i], (double) spentNanos / holdsPerRound);
      }
    }
    Map<String, Double> result = new LinkedHashMap<>();
    for (int i = 0; i < holds.length; i++) {
      result.put(engines.get(i), best[i]);
    }
    return result;
  }
}
