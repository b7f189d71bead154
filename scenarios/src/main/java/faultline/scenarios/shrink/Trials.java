package faultline.scenarios.shrink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.trace.TraceSink;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioException;
import faultline.scenarios.parse.ScenarioLoader;
import faultline.scenarios.run.ScenarioRunner;
import java.util.TreeMap;

/**
 * Runs candidates, one deterministic run each, and remembers every answer, so that no candidate is
 * run twice. Counts the runs against the budget.
 */
final class Trials {
  /** Thrown when the budget says to stop; the search keeps what it has. */
  static final class OutOfBudget extends RuntimeException {
    OutOfBudget(String reason) {
      super(reason, null, false, false);
    }
  }

  private final ScenarioLoader loader;
  private final String origin;
  private final long seed;
  private final String invariant;
  private final ShrinkBudget budget;
  private final TreeMap<String, Trial> answers = new TreeMap<>(); // Looked up, never iterated.
  private int runs;

  Trials(ScenarioLoader loader, String origin, long seed, String invariant, ShrinkBudget budget) {
    this.loader = loader;
    this.origin = origin;
    this.seed = seed;
    this.invariant = invariant;
    this.budget = budget;
  }

  /** The run of {@code candidate}: from memory, or run now when the budget allows. */
  Trial run(Candidate candidate) {
    return run(candidate, true);
  }

  /** The run of {@code candidate}, whatever the budget says. */
  Trial runUnbudgeted(Candidate candidate) {
    return run(candidate, false);
  }

  private Trial run(Candidate candidate, boolean budgeted) {
    ObjectNode source = candidate.source();
    String key = source.toString();
    Trial known = answers.get(key);
    if (known != null) {
      return known;
    }
    String stop = budgeted ? budget.exhausted(runs) : null;
    if (stop != null) {
      throw new OutOfBudget(stop);
    }
    runs++;
    Trial trial = runNow(source);
    answers.put(key, trial);
    return trial;
  }

  private Trial runNow(ObjectNode source) {
    try {
      Scenario scenario = loader.loadSource("shrink candidate", origin, source);
      return Trial.of(
          ScenarioRunner.run(scenario, seed, scenario.run().untilNanos(), TraceSink.discard()),
          invariant);
    } catch (ScenarioException e) {
      return Trial.INVALID; // A change no scenario can make, such as a client still named.
    }
  }

  int runs() {
    return runs;
  }
}
