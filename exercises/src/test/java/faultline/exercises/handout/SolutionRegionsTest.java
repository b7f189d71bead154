package faultline.exercises.handout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The marker scheme: what the student edition of a marked file is, and what is refused. */
class SolutionRegionsTest {
  @Test
  void aRegionIsReplacedByItsStubKeepingIndentation() {
    String source =
        """
        class A {
          long tick(long current) {
            // BEGIN SOLUTION
            return current + 1;
            // END SOLUTION
            // STUB: // Your code here.
            // STUB: return current;
          }
        }
        """;
    assertThat(SolutionRegions.strip("A.java", source))
        .isEqualTo(
            """
            class A {
              long tick(long current) {
                // Your code here.
                return current;
              }
            }
            """);
  }

  @Test
  void aRegionWithoutStubIsSimplyRemoved() {
    String source = "a\n  // BEGIN SOLUTION\n  secret();\n  // END SOLUTION\nb\n";
    assertThat(SolutionRegions.strip("A.java", source)).isEqualTo("a\nb\n");
  }

  @Test
  void malformedMarkersAreRefusedWithFileAndLine() {
    assertThatThrownBy(() -> SolutionRegions.strip("A.java", "// BEGIN SOLUTION\nx\n"))
        .hasMessage("A.java:1: BEGIN SOLUTION is never closed by END SOLUTION");
    assertThatThrownBy(
            () -> SolutionRegions.strip("A.java", "// BEGIN SOLUTION\n// BEGIN SOLUTION\n"))
        .hasMessage("A.java:2: BEGIN SOLUTION inside the region opened at 1");
    assertThatThrownBy(() -> SolutionRegions.strip("A.java", "x\n// END SOLUTION\n"))
        .hasMessage("A.java:2: END SOLUTION without a BEGIN SOLUTION");
    assertThatThrownBy(() -> SolutionRegions.strip("A.java", "x\n// STUB: y\n"))
        .hasMessage("A.java:2: a STUB line must follow END SOLUTION or another STUB");
    assertThatThrownBy(() -> SolutionRegions.strip("A.java", "x(); // BEGIN SOLUTION\n"))
        .hasMessageStartingWith("A.java:1: a marker must be alone on its line");
  }

  @Test
  void everyExerciseHasAtLeastOneRegionAndStripsCleanly() throws IOException {
    Path root = Path.of("src/main/java/faultline/exercises");
    List<Path> packages;
    try (Stream<Path> list = Files.list(root)) {
      packages = list.filter(path -> path.getFileName().toString().matches("e\\d\\d_.+")).toList();
    }
    assertThat(packages).hasSize(faultline.exercises.Exercises.all().size());
    for (Path exercisePackage : packages) {
      int regions = 0;
      try (Stream<Path> files = Files.list(exercisePackage)) {
        for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
          String text = Files.readString(file);
          String student = SolutionRegions.strip(file.toString(), text);
          assertThat(student).doesNotContain("BEGIN SOLUTION", "STUB:");
          regions += (int) text.lines().filter(l -> l.strip().equals("// BEGIN SOLUTION")).count();
        }
      }
      assertThat(regions).as("solution regions in %s", exercisePackage).isPositive();
    }
  }
}
