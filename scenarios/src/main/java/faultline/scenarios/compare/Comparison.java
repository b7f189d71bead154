package faultline.scenarios.compare;

import faultline.engine.fault.ScheduledFault;
import faultline.engine.trace.TraceSink;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.ScenarioRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs several scenarios over the same seeds, each at its own duration, and tabulates them side by
 * side: the way to compare two protocols on one workload and one fault schedule (scenarios whose
 * nodes and random-fault settings agree draw the same faults from a seed, and the comparison counts
 * the seeds where they did). Each simulation stays on one worker thread from start to end, so a
 * figure never depends on {@code jobs}, and results are gathered in seed order.
 */
public final class Comparison {
  private final List<Scenario> scenarios;

  public Comparison(List<Scenario> scenarios) {
    if (scenarios.size() < 2) {
      throw new IllegalArgumentException("a comparison needs at least two scenarios");
    }
    this.scenarios = List.copyOf(scenarios);
  }

  /** One column per scenario, in the order given, each with a run per seed in seed order. */
  public List<ComparisonColumn> run(long[] seeds, int jobs) throws InterruptedException {
    List<ComparisonColumn> columns = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      columns.add(new ComparisonColumn(scenario.name()));
    }
    ExecutorService workers = Executors.newFixedThreadPool(jobs, Comparison::daemon);
    try {
      List<List<Future<RunFigures>>> pending = new ArrayList<>();
      for (long seed : seeds) {
        List<Future<RunFigures>> row = new ArrayList<>();
        for (Scenario scenario : scenarios) {
          row.add(workers.submit(() -> runOne(scenario, seed)));
        }
        pending.add(row);
      }
      for (int i = 0; i < seeds.length; i++) {
        List<ScheduledFault> first = faults(scenarios.getFirst(), seeds[i]);
        for (int c = 0; c < scenarios.size(); c++) {
          boolean same = faults(scenarios.get(c), seeds[i]).equals(first);
          columns.get(c).add(pending.get(i).get(c).get(), same);
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      workers.shutdownNow();
    }
    return columns;
  }

  private static RunFigures runOne(Scenario scenario, long seed) {
    return RunFigures.of(
        ScenarioRunner.run(scenario, seed, scenario.run().untilNanos(), TraceSink.discard()));
  }

  private static List<ScheduledFault> faults(Scenario scenario, long seed) {
    return ScenarioRunner.faultsOf(scenario, seed, scenario.run().untilNanos());
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "compare-worker");
    thread.setDaemon(true);
    return thread;
  }
}
