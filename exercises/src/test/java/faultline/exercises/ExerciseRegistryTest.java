package faultline.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.scenarios.bind.ProtocolBinding;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Exercises#all()} is the one list of exercises; what else names them is checked against it:
 * each exercise has its own package with a README and exactly one registered protocol binding,
 * scenarios in the catalog, and a place in the root README's list; no binding or package belongs to
 * an exercise the list does not have. (The architecture test takes its packages from the list.)
 */
class ExerciseRegistryTest {
  static Stream<Named<Exercise>> exercises() {
    return Exercises.all().stream().map(exercise -> Named.of(exercise.id(), exercise));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exercises")
  void hasAPackageReadmeBindingAndScenarios(Exercise exercise) {
    String pkg = exercise.getClass().getPackageName();
    assertThat(pkg).startsWith("faultline.exercises." + exercise.id() + "_");
    assertThat(Path.of("src/main/java", exercise.folder(), "README.md")).isRegularFile();
    List<String> bindings =
        Protocols.all().stream()
            .filter(binding -> binding.getClass().getPackageName().equals(pkg))
            .map(ProtocolBinding::name)
            .toList();
    assertThat(bindings)
        .as("the binding in %s (list it in META-INF/services)", pkg)
        .hasSize(1)
        .allMatch(name -> name.startsWith("exercise-"));
    assertThat(Catalog.names())
        .as("its scenarios in exercises/scenarios/index.txt")
        .anyMatch(name -> name.startsWith("exercises/" + exercise.id() + "-"));
  }

  @Test
  void everyExerciseBindingAndPackageBelongsToAListedExercise() throws IOException {
    List<String> listed =
        Exercises.all().stream().map(exercise -> exercise.getClass().getPackageName()).toList();
    for (ProtocolBinding binding : Protocols.all()) {
      if (binding instanceof ExerciseBinding) {
        assertThat(listed).contains(binding.getClass().getPackageName());
      }
    }
    try (var packages = Files.list(Path.of("src/main/java/faultline/exercises"))) {
      List<String> exercisePackages =
          packages
              .map(path -> path.getFileName().toString())
              .filter(name -> name.matches("e\\d\\d_.*"))
              .map(name -> "faultline.exercises." + name)
              .sorted()
              .toList();
      assertThat(exercisePackages).isEqualTo(listed.stream().sorted().toList());
    }
  }

  @Test
  void theRootReadmeListsEveryExercise() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    for (Exercise exercise : Exercises.all()) {
      assertThat(readme).contains(exercise.id() + " " + exercise.slug());
    }
  }
}
