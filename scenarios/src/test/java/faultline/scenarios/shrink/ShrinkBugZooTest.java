package faultline.scenarios.shrink;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.check.Violation;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import faultline.scenarios.run.RunReport;
import faultline.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shrinking on the whole bug zoo under random faults. Each file under {@code shrink-zoo/} plants
 * one bug-zoo flag in a scenario with a {@code randomFaults} block, and its {@code seed} is one at
 * which that run fails. The test shrinks each with a small budget of runs and checks what shrink
 * promises: the written scenario (loaded from its text, as {@code run} would) has no random faults,
 * fails the same invariant at that seed, and is no larger than the original in faults, events and
 * run length. Every flag of every protocol's zoo has a file, or the test says which is missing.
 *
 * <p>{@code -Dfaultline.shrinkRuns=N} sets the budget (default 30); with a large one the test
 * prints the README's before/after table, one Markdown row per file.
 */
class ShrinkBugZooTest {
  private static final ScenarioLoader LOADER = Protocols.scenarioLoader();
  private static final String FOLDER = "shrink-zoo/";

  static List<String> files() {
    return Catalog.indexLines(read(FOLDER + "index.txt"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void shrinksToAFailureOfTheSameInvariantNoLarger(String file) {
    Scenario scenario = LOADER.load(file, "test:" + FOLDER + file, file, read(FOLDER + file));
    assertThat(scenario.randomFaults()).as("the zoo runs under random faults").isNotNull();
    int budget = Integer.getInteger("faultline.shrinkRuns", 30);
    long started = System.nanoTime();
    ShrinkResult result =
        new Shrinker(LOADER, ShrinkBudget.runs(budget), Shrinker.Listener.NONE)
            .shrink(scenario, scenario.seed(), null);

    String text = result.scenarioText("./faultline shrink " + file, "./faultline run shrunk.json");
    Scenario shrunk = LOADER.load("shrunk.json", "shrunk.json", "shrunk", text);
    assertThat(shrunk.randomFaults()).isNull();
    RunReport run = ScenarioRunner.run(shrunk);
    assertThat(run.outcome().violations())
        .extracting(Violation::invariant)
        .contains(result.invariant());
    assertThat(run.expectationsMet()).as(run.unmetExpectations().toString()).isTrue();
    assertThat(shrunk.faults()).hasSize(result.after().faults());
    assertThat(run.outcome().events()).isEqualTo(result.after().events());
    assertThat(result.after().faults()).isLessThanOrEqualTo(result.before().faults());
    assertThat(result.after().events()).isLessThanOrEqualTo(result.before().events());
    assertThat(result.after().runNanos()).isLessThanOrEqualTo(result.before().runNanos());
    assertThat(result.runs()).isLessThanOrEqualTo(budget);
    System.out.printf(
        Locale.ROOT,
        "| `%s` | %d | `%s` | %d → %d | %,d → %,d | %s → %s | %d%s | %.1f |%n",
        file,
        scenario.seed(),
        result.invariant(),
        result.before().faults(),
        result.after().faults(),
        result.before().events(),
        result.after().events(),
        ShrinkSize.readable(result.before().violationNanos()),
        ShrinkSize.readable(result.after().violationNanos()),
        result.runs(),
        result.stoppedBy() == null ? " (fixed point)" : "",
        (System.nanoTime() - started) / 1e9);
  }

  /** Every flag of every protocol's bug zoo has a file here: the test covers the whole zoo. */
  @Test
  void everyBugZooFlagHasAFile() {
    SortedSet<String> expected = new TreeSet<>();
    Protocols.all().stream()
        .filter(binding -> !binding.name().startsWith("exercise-"))
        .forEach(
            binding ->
                binding
                    .parameters()
                    .find("bugs")
                    .ifPresent(
                        bugs ->
                            bugs.allowed()
                                .forEach(
                                    flag -> expected.add(binding.name() + "-" + flag + ".json"))));
    assertThat(new TreeSet<>(files())).isEqualTo(expected);
  }

  @Test
  void shrinkingTwiceWritesTheSameBytes() {
    String file = files().getFirst();
    Scenario scenario = LOADER.load(file, "test:" + FOLDER + file, file, read(FOLDER + file));
    String first = shrinkText(scenario);
    assertThat(shrinkText(scenario)).isEqualTo(first);
  }

  private static String shrinkText(Scenario scenario) {
    return new Shrinker(LOADER, ShrinkBudget.runs(25), Shrinker.Listener.NONE)
        .shrink(scenario, scenario.seed(), null)
        .scenarioText("./faultline shrink x", "./faultline run y");
  }

  static String read(String resource) {
    try (InputStream in = ShrinkBugZooTest.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
