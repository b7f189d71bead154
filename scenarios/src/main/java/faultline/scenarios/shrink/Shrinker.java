package faultline.scenarios.shrink;

import faultline.engine.check.Violation;
import faultline.engine.trace.TraceSink;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import faultline.scenarios.run.RunReport;
import faultline.scenarios.run.ScenarioRunner;

/**
 * Shrinks a failing run: from a scenario and a seed whose run violates an invariant, finds a
 * smaller scenario, with every fault written out, whose run with that seed violates the same
 * invariant. Every candidate is one deterministic run, and the candidates are tried in a fixed
 * order, so the same scenario, seed and budget of runs always give the same result.
 */
public final class Shrinker {
  /** Hears how the search goes, for a progress report. */
  public interface Listener {
    /** A candidate ran and was not kept. */
    void tried(int runs, ShrinkSize current);

    /** A candidate ran and was kept: {@code change} says what it changed. */
    void reduced(String change, int runs, ShrinkSize current);

    Listener NONE =
        new Listener() {
          @Override
          public void tried(int runs, ShrinkSize current) {}

          @Override
          public void reduced(String change, int runs, ShrinkSize current) {}
        };
  }

  /** The seed's run violates nothing (or not the invariant asked for): nothing to shrink. */
  public static final class NothingToShrink extends RuntimeException {
    NothingToShrink(String message) {
      super(message);
    }
  }

  private final ScenarioLoader loader;
  private final ShrinkBudget budget;
  private final Listener listener;

  public Shrinker(ScenarioLoader loader, ShrinkBudget budget, Listener listener) {
    this.loader = loader;
    this.budget = budget;
    this.listener = listener;
  }

  /**
   * Shrinks the run of {@code scenario} with {@code seed}, for {@code invariant} or, when null, the
   * first invariant the run violates.
   *
   * @throws NothingToShrink when the run does not violate it
   */
  public ShrinkResult shrink(Scenario scenario, long seed, String invariant) {
    return shrink(scenario, seed, scenario.run().untilNanos(), invariant);
  }

  /** Like {@link #shrink(Scenario, long, String)}, for the run stopped at {@code untilNanos}. */
  public ShrinkResult shrink(Scenario scenario, long seed, long untilNanos, String invariant) {
    RunReport original = ScenarioRunner.run(scenario, seed, untilNanos, TraceSink.discard());
    String target = target(original, invariant);
    Candidate start = Materializer.materialize(scenario, seed, untilNanos);
    // The first run, of the explicit scenario, is always made: it proves the faults written out.
    Trials trials = new Trials(loader, scenario.origin(), seed, target, budget);
    Trial startTrial = trials.runUnbudgeted(start);
    requireSameRun(original, target, startTrial);
    Search search = new Search(trials, start, startTrial, listener);
    String stoppedBy = search.run();
    return new ShrinkResult(
        scenario,
        seed,
        target,
        ShrinkSize.of(start, startTrial),
        search.current(),
        search.size(),
        search.trial().violated(),
        trials.runs(),
        stoppedBy);
  }

  private static String target(RunReport original, String invariant) {
    if (original.outcome().violations().isEmpty()) {
      throw new NothingToShrink(
          RunReport.scenarioArgument(original.scenario())
              + (original.inconclusiveReasons().isEmpty()
                  ? " passes at seed " + original.seed() + ": no invariant was violated"
                  : " is inconclusive at seed "
                      + original.seed()
                      + " with no invariant violated ("
                      + original.inconclusiveReasons().getFirst()
                      + ")")
              + ", so there is nothing to shrink");
    }
    if (invariant == null) {
      return original.outcome().violations().getFirst().invariant();
    }
    boolean violated =
        original.outcome().violations().stream().anyMatch(v -> v.invariant().equals(invariant));
    if (!violated) {
      throw new NothingToShrink(
          RunReport.scenarioArgument(original.scenario())
              + " at seed "
              + original.seed()
              + " does not violate "
              + invariant
              + " (it violates "
              + original.outcome().violations().getFirst().invariant()
              + "), so there is nothing to shrink for it");
    }
    return invariant;
  }

  /** The explicit scenario must be the same run: same events, same violation at the same event. */
  private static void requireSameRun(RunReport original, String target, Trial explicit) {
    Violation expected =
        original.outcome().violations().stream()
            .filter(violation -> violation.invariant().equals(target))
            .findFirst()
            .orElseThrow();
    if (!explicit.fails()
        || explicit.events() != original.outcome().events()
        || explicit.violation().seq() != expected.seq()) {
      throw new IllegalStateException(
          "writing the faults out changed the run: "
              + original.outcome().events()
              + " events and "
              + target
              + " at event "
              + expected.seq()
              + " became "
              + explicit.events()
              + " events and "
              + (explicit.fails() ? "event " + explicit.violation().seq() : "no violation"));
    }
  }
}
