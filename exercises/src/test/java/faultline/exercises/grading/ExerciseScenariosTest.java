package faultline.exercises.grading;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The exercises' scenario files load, say what they teach, and are named by the path a student runs
 * them with, so that every "reproduce" line the CLI prints works from the repository root.
 */
class ExerciseScenariosTest {
  @Test
  void everyScenarioIsNamedByItsPathAndExplainsItself() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(Path.of("scenarios"))) {
      files = list.filter(path -> path.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(12);
    for (Path file : files) {
      String fileName = file.getFileName().toString();
      Scenario scenario = ExerciseScenarios.load(fileName);
      assertThat(scenario.name()).isEqualTo(ExerciseScenarios.name(fileName));
      assertThat(scenario.description()).as(fileName).hasSizeGreaterThan(80);
      assertThat(scenario.protocol()).startsWith("exercise-");
    }
  }

  @Test
  void theIndexListsExactlyTheFilesAndTheCatalogKnowsThemByName() throws IOException {
    List<String> files;
    try (Stream<Path> list = Files.list(Path.of("scenarios"))) {
      files =
          list.map(path -> path.getFileName().toString())
              .filter(name -> name.endsWith(".json"))
              .map(name -> name.substring(0, name.length() - ".json".length()))
              .sorted()
              .toList();
    }
    List<String> indexed = Catalog.indexLines(ExerciseScenarios.read("index.txt"));
    assertThat(indexed).doesNotHaveDuplicates();
    assertThat(indexed.stream().sorted().toList()).isEqualTo(files);

    Catalog catalog = new Catalog(Protocols.scenarioLoader());
    for (String fileName : indexed) {
      String name = "exercises/" + fileName;
      assertThat(Catalog.contains(name)).as(name).isTrue();
      assertThat(catalog.load(name).name()).isEqualTo(name);
    }
    assertThat(Catalog.names()).contains("clocks/lww-skew").doesNotHaveDuplicates();
  }

  @Test
  void theSameScenarioAndSeedGiveTheSameTraceWithTheReferenceSolutions() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(Path.of("scenarios"))) {
      files = list.filter(path -> path.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      Scenario scenario = ExerciseScenarios.load(file.getFileName().toString());
      String first =
          ScenarioRunner.run(scenario, 3, scenario.run().durationNanos(), line -> {})
              .outcome()
              .fingerprint();
      String second =
          ScenarioRunner.run(
                  ExerciseScenarios.load(file.getFileName().toString()),
                  3,
                  scenario.run().durationNanos(),
                  line -> {})
              .outcome()
              .fingerprint();
      assertThat(second).as("%s seed 3", file).isEqualTo(first);
    }
  }
}
