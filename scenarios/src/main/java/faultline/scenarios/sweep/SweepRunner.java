package faultline.scenarios.sweep;

import faultline.engine.trace.TraceSink;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.ScenarioRunner;
import faultline.scenarios.sweep.SweepResult.SweepId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs one scenario for many seeds on a pool of worker threads. Each simulation stays on one thread
 * from start to end, exactly as {@code run} would execute it, so a seed's result never depends on
 * how many jobs ran beside it. Results are handed over in seed-list order, whatever order the
 * workers finish in, so the output of a sweep is the same bytes for any {@code --jobs}.
 */
public final class SweepRunner {
  private final Scenario scenario;
  private final long durationNanos;
  private final SweepId sweep;
  private final Set<String> expectedViolations;

  public SweepRunner(Scenario scenario, SeedList seeds, long durationNanos) {
    this.scenario = scenario;
    this.durationNanos = durationNanos;
    this.sweep = new SweepId(scenario.name(), seeds.text(), durationNanos);
    this.expectedViolations = new TreeSet<>(scenario.expect().violations());
  }

  /**
   * Runs {@code seeds} on {@code jobs} threads and passes each result to {@code inOrder}, in the
   * order of {@code seeds}, as soon as it and every result before it are done.
   *
   * @throws RuntimeException the first failure of a run (a bad parameter, say), after stopping the
   *     others
   */
  public void run(long[] seeds, int jobs, Consumer<SweepResult> inOrder)
      throws InterruptedException {
    ExecutorService workers = Executors.newFixedThreadPool(jobs, workerThreads());
    try {
      List<Future<SweepResult>> pending = new ArrayList<>(seeds.length);
      for (long seed : seeds) {
        pending.add(workers.submit(() -> runOne(seed)));
      }
      for (Future<SweepResult> result : pending) {
        inOrder.accept(result.get());
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      workers.shutdownNow();
    }
  }

  private SweepResult runOne(long seed) {
    return SweepResult.of(
        sweep,
        ScenarioRunner.run(scenario, seed, durationNanos, TraceSink.discard()),
        expectedViolations);
  }

  private static ThreadFactory workerThreads() {
    AtomicInteger number = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "sweep-worker-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
