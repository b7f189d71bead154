package faultline.scenarios.analysis;

import faultline.engine.RunOutcome;
import faultline.engine.trace.TraceSink;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.ScenarioRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;

/**
 * Runs one scenario over many seeds, each simulation on one worker thread from start to end, and
 * hands back the outcomes in seed order: the numbers an analysis computes from them do not depend
 * on how many jobs ran.
 */
final class SeedRuns {
  private final int jobs;

  SeedRuns(int jobs) {
    this.jobs = jobs;
  }

  List<RunOutcome> run(Scenario scenario, long[] seeds) {
    return each(
        seeds,
        seed ->
            ScenarioRunner.run(scenario, seed, scenario.run().untilNanos(), TraceSink.discard())
                .outcome());
  }

  /** {@code work} applied to each seed, on the workers, the results in seed order. */
  <T> List<T> each(long[] seeds, LongFunction<T> work) {
    ExecutorService workers =
        Executors.newFixedThreadPool(
            jobs,
            task -> {
              Thread thread = new Thread(task, "analysis-worker");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<T>> pending = new ArrayList<>(seeds.length);
      for (long seed : seeds) {
        pending.add(workers.submit(() -> work.apply(seed)));
      }
      List<T> results = new ArrayList<>(seeds.length);
      for (Future<T> result : pending) {
        results.add(result.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      workers.shutdownNow();
    }
  }
}
