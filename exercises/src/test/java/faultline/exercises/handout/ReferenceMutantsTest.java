package faultline.exercises.handout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.exercises.Exercise;
import faultline.exercises.Exercises;
import faultline.exercises.handout.Delegations.Delegation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cheapest wrong answer to each exercise: hand the work to the simulator's own implementation,
 * which the repository ships, by every route the reference guard follows ({@link Delegations}).
 * Each edition (one copy of the reference solutions in which every exercise delegates one way) is
 * compiled once and graded: every check that runs the delegating code must score zero and say why,
 * naming the reference reached, and the checks that do not run it (a unit check of another class or
 * method) are graded as usual, and pass.
 */
class ReferenceMutantsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final String SOURCES = "exercises/src/main/java/faultline/exercises/";
  private static final String REFERENCE_NAMED =
      "faultline\\.protocols\\.[a-z]+\\.[A-Z][\\w.]*, the reference implementation";

  @TempDir static Path temp;
  private static final Map<String, HandoutBuild> EDITIONS = new TreeMap<>();

  static List<Delegation> delegations() {
    return Delegations.all();
  }

  /** The edition's copy of the solutions, every exercise delegating its way, compiled once. */
  private static synchronized HandoutBuild edition(String edition) throws IOException {
    HandoutBuild known = EDITIONS.get(edition);
    if (known != null) {
      return known;
    }
    Path root = temp.resolve(edition.replace(' ', '-'));
    copy(REPOSITORY.resolve("exercises/src/main"), root.resolve("exercises/src/main"));
    copy(REPOSITORY.resolve("exercises/scenarios"), root.resolve("exercises/scenarios"));
    for (Delegation delegation : delegations()) {
      if (delegation.edition().equals(edition)) {
        Path file = root.resolve(SOURCES + delegation.file());
        String source = Files.readString(file);
        assertThat(source).as("the delegation's anchor").contains(delegation.anchor());
        Files.writeString(file, source.replace(delegation.anchor(), delegation.replacement()));
      }
    }
    for (Map.Entry<String, String> helper : Delegations.helpers(edition).entrySet()) {
      Files.writeString(root.resolve(SOURCES + helper.getKey()), helper.getValue());
    }
    HandoutBuild build =
        new HandoutBuild(root, Files.createDirectories(root.resolve("target/classes")));
    assertThat(build.compile()).as(edition).isEmpty();
    EDITIONS.put(edition, build);
    return build;
  }

  @Test
  void everyExerciseWithAReferenceHasADelegatingMutantOfEachGeneralRoute() {
    for (String edition : List.of(Delegations.DIRECT, Delegations.INTERFACE)) {
      List<String> covered =
          delegations().stream()
              .filter(delegation -> delegation.edition().equals(edition))
              .map(Delegation::exercise)
              .toList();
      for (Exercise exercise : Exercises.all()) {
        boolean hasReference =
            !exercise.referenceCode().classes().isEmpty()
                || !exercise.referenceCode().members().isEmpty();
        assertThat(covered.contains(exercise.id()))
            .as(exercise.id() + " " + edition)
            .isEqualTo(hasReference);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("delegations")
  void everyCheckThatRunsItScoresZeroAndSaysWhy(Delegation delegation) throws Exception {
    HandoutBuild.Run run =
        edition(delegation.edition())
            .faultline(
                "grade", delegation.exercise(), "--json", "--traces", temp.resolve("t").toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode report = JSON.readTree(run.out());
    int gradedPoints = 0;
    for (JsonNode test : report.get("tests")) {
      if (delegation.graded().contains(test.get("number").asInt())) {
        assertThat(test.get("passed").asBoolean()).as("%s, which does not run it", test).isTrue();
        gradedPoints += test.get("points").asInt();
        continue;
      }
      assertThat(test.get("passed").asBoolean()).as("%s", test).isFalse();
      String message = test.get("failure").get("message").asText();
      assertThat(message).startsWith("refused without running: ").contains(delegation.said());
      if (!message.contains(": reflection, which the grader cannot follow")) {
        assertThat(message).as("names the reference").containsPattern(REFERENCE_NAMED);
      }
    }
    assertThat(report.get("points").asInt()).isEqualTo(gradedPoints);
  }

  @Test
  void theTextReportSaysWhyBesideEachCheck() throws Exception {
    HandoutBuild.Run run =
        edition(Delegations.DIRECT)
            .faultline("grade", "e05", "--traces", temp.resolve("text").toString());

    assertThat(run.out())
        .contains("refused without running: RaftElection.grantsVote uses")
        .contains("ElectionRules.paper, the reference implementation")
        .contains("TEST 2: election timeouts on chosen streams (4 pts) ... PASS")
        .contains("Points: 4/45");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path path : walk.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        Files.createDirectories(target.getParent());
        Files.copy(path, target);
      }
    }
  }
}
