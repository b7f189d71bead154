package faultline.exercises.e04_lww;

import faultline.engine.RunOutcome;
import faultline.engine.trace.TraceSink;
import faultline.exercises.grading.CheckBody;
import faultline.exercises.grading.CheckProgress;
import faultline.exercises.grading.ExerciseScenarios;
import faultline.exercises.grading.Failure;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.ScenarioRunner;
import java.util.Optional;

/**
 * Test 1: the seed in {@link FoundSeed} must make the given wall-clock code lose a write in {@code
 * e04-wall-clock.json}. Runs the given code, not the student's stamps, so that the answer stays
 * right after the fix.
 */
final class FoundSeedCheck implements CheckBody {
  static final String SCENARIO = "e04-wall-clock.json";

  @Override
  public Optional<Failure> run(CheckProgress progress) {
    long seed = FoundSeed.seed();
    String path = ExerciseScenarios.name(SCENARIO);
    Scenario scenario = ExerciseScenarios.load(SCENARIO);
    if (seed < 0) {
      return Optional.of(
          Failure.of(
              "no seed yet: find one with ./faultline run "
                  + path
                  + " --seed N, then return it from FoundSeed.seed()"));
    }
    if (seed == scenario.seed()) {
      return Optional.of(
          Failure.of(
              "the seed is the scenario's default ("
                  + seed
                  + "), which loses nothing: try others with ./faultline run "
                  + path
                  + " --seed N"));
    }
    progress.running(path, seed);
    RunOutcome outcome =
        ScenarioRunner.run(scenario, seed, scenario.run().durationNanos(), TraceSink.discard())
            .outcome();
    boolean lost =
        outcome.violations().stream()
            .anyMatch(violation -> violation.invariant().equals(LostWriteInvariant.NAME));
    if (!lost) {
      return Optional.of(
          new Failure(
              "no write was lost with seed "
                  + seed
                  + " (set it in FoundSeed.java): keep looking with ./faultline run "
                  + path
                  + " --seed N",
              seed,
              path,
              null,
              null,
              null,
              null,
              null));
    }
    return Optional.empty();
  }
}
