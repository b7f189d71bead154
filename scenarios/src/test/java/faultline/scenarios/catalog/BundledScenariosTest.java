package faultline.scenarios.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.scenarios.bind.Protocols;
import faultline.scenarios.model.Expectation;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.RunReport;
import faultline.scenarios.run.ScenarioRunner;
import faultline.scenarios.sweep.SeedList;
import faultline.scenarios.sweep.SweepRunner;
import faultline.scenarios.sweep.SweepSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled scenario loads, names what it teaches, and does what its author expects with its
 * own seed: a demonstration that stops demonstrating (or a fix that stops fixing) fails here.
 */
class BundledScenariosTest {
  private static final Path ROOT = Path.of("src/main/resources/scenarios");

  static List<String> names() {
    return Catalog.names();
  }

  @Test
  void theIndexListsExactlyTheBundledFiles() throws IOException {
    List<String> files;
    try (Stream<Path> walk = Files.walk(ROOT)) {
      files =
          walk.filter(path -> path.toString().endsWith(".json"))
              .map(path -> ROOT.relativize(path).toString().replace('\\', '/'))
              .map(name -> name.substring(0, name.length() - ".json".length()))
              .sorted()
              .toList();
    }
    assertThat(Catalog.names().stream().sorted().toList()).isEqualTo(files);
    assertThat(Catalog.names()).doesNotHaveDuplicates().isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void meetsItsExpectationsWithItsOwnSeed(String name) {
    Scenario scenario = catalog().load(name);
    assertThat(scenario.name()).isEqualTo(name);
    assertThat(scenario.description()).as("what %s teaches", name).hasSizeGreaterThan(80);

    RunReport report = ScenarioRunner.run(scenario);

    assertThat(report.expectationsJudged()).isTrue();
    assertThat(report.unmetExpectations())
        .as("%s; reproduce with %s", name, report.reproduceCommand())
        .isEmpty();
  }

  /** The demonstrations that show their violations on some seeds only. */
  static List<String> withARate() {
    return Catalog.names().stream()
        .filter(name -> catalog().load(name).expect().rate() != null)
        .toList();
  }

  /**
   * A stated rate is a claim too: the sweep of exactly its seeds, run in process by the runner that
   * {@code sweep} uses and counted the way it counts, must show the violations on as many seeds as
   * the scenario says.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("withARate")
  void showsItsViolationsAtItsStatedRate(String name) throws InterruptedException {
    Scenario scenario = catalog().load(name);
    Expectation.SeedRate rate = scenario.expect().rate();
    SeedList seeds = SeedList.parse(rate.seeds());
    SweepSummary summary = new SweepSummary();
    new SweepRunner(scenario, seeds, scenario.run().untilNanos())
        .run(seeds.seeds(), Runtime.getRuntime().availableProcessors(), summary::add);

    assertThat(summary.anyFailed()).as("%s: a seed violated something unexpected", name).isFalse();
    assertThat(rate.violated().accepts(summary.expectedViolationsOnly()))
        .as(
            "%s shows %s on %d of seeds %s; it says %s",
            name,
            scenario.expect().violations(),
            summary.expectedViolationsOnly(),
            rate.seeds(),
            rate.violated())
        .isTrue();
  }

  static Catalog catalog() {
    return new Catalog(Protocols.scenarioLoader());
  }
}
