package faultline.scenarios.sweep;

import faultline.engine.RunMonitor;
import faultline.engine.RunOutcome;
import faultline.engine.trace.TraceSink;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import faultline.scenarios.run.RunReport;
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
  private final ScenarioLoader swarmLoader;

  public SweepRunner(Scenario scenario, SeedList seeds, long durationNanos) {
    this(scenario, seeds, durationNanos, null);
  }

  /**
   * A sweep that, when {@code swarmLoader} is not null, runs each seed in its own swarm
   * configuration ({@link SwarmConfig}), loaded with it.
   */
  public SweepRunner(
      Scenario scenario, SeedList seeds, long durationNanos, ScenarioLoader swarmLoader) {
    this.scenario = scenario;
    this.durationNanos = durationNanos;
    this.swarmLoader = swarmLoader;
    this.sweep = new SweepId(scenario.name(), seeds.text(), durationNanos, swarmLoader != null);
    this.expectedViolations = new TreeSet<>(scenario.expect().violations());
  }

  /** Runs every seed to its end: {@link #run(long[], int, RunMonitor, Consumer)} unwatched. */
  public void run(long[] seeds, int jobs, Consumer<SweepResult> inOrder)
      throws InterruptedException {
    run(seeds, jobs, RunMonitor.NONE, inOrder);
  }

  /**
   * Runs {@code seeds} on {@code jobs} threads and passes each result to {@code inOrder}, in the
   * order of {@code seeds}, as soon as it and every result before it are done. Every run is watched
   * by {@code monitor}; once it stops one (Ctrl-C, a real-time budget), no later result is passed
   * on, so what was passed on is a prefix of the seed list, each seed run to its end.
   *
   * @return why the monitor stopped the sweep, or null when every seed ran
   * @throws RuntimeException the first failure of a run (a bad parameter, say), after stopping the
   *     others
   */
  public RunOutcome.StopReason run(
      long[] seeds, int jobs, RunMonitor monitor, Consumer<SweepResult> inOrder)
      throws InterruptedException {
    ExecutorService workers = Executors.newFixedThreadPool(jobs, workerThreads());
    try {
      List<Future<Done>> pending = new ArrayList<>(seeds.length);
      for (long seed : seeds) {
        pending.add(workers.submit(() -> runOne(seed, monitor)));
      }
      for (Future<Done> future : pending) {
        Done done = future.get();
        if (done.stoppedBy() != null) {
          return done.stoppedBy();
        }
        inOrder.accept(done.result());
      }
      return null;
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case RuntimeException runtime -> throw runtime;
        case Error error -> throw error; // Out of memory, say: said as such, not as a bug.
        default -> throw new IllegalStateException(e.getCause());
      }
    } finally {
      workers.shutdownNow();
    }
  }

  /** One seed's result, and why the monitor stopped its run, if it did. */
  private record Done(SweepResult result, RunOutcome.StopReason stoppedBy) {}

  /** Runs one seed, unless the monitor already says to stop. */
  private Done runOne(long seed, RunMonitor monitor) {
    RunOutcome.StopReason before = monitor.check(0, 0);
    if (before != null) {
      return new Done(null, before);
    }
    SwarmConfig swarm = swarmLoader == null ? null : SwarmConfig.draw(scenario, seed);
    Scenario configured = swarm == null ? scenario : swarm.apply(scenario, swarmLoader);
    long startedNanos = System.nanoTime(); // For the summary's distribution only.
    RunReport report =
        ScenarioRunner.run(configured, seed, durationNanos, TraceSink.discard(), monitor);
    long wallNanos = System.nanoTime() - startedNanos;
    if (swarm != null) {
      report = report.withCommandOptions(" --swarm");
    }
    RunOutcome.StopReason stop = report.outcome().stopReason();
    boolean stopped =
        stop == RunOutcome.StopReason.INTERRUPTED || stop == RunOutcome.StopReason.WALL_CLOCK_LIMIT;
    return new Done(
        SweepResult.of(sweep, report, expectedViolations, wallNanos, swarm), stopped ? stop : null);
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
