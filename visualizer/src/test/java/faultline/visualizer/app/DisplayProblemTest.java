package faultline.visualizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A machine that cannot show a window is told what to install or set, never asked to report a bug.
 * The exceptions are those JavaFX 26 throws, as seen on a machine without GTK 3 (under Xvfb) and
 * with DISPLAY naming no server; the launcher wraps them, hence the causes.
 */
class DisplayProblemTest {
  @Test
  void aMissingGtkNamesThePackagesAndPointsAtExport() {
    RuntimeException launch =
        new RuntimeException(
            "Application launch failed",
            new UnsupportedOperationException("Unable to load glass GTK library."));
    assertThat(DisplayProblem.explain(launch, "raft/split-brain", ":0"))
        .hasValueSatisfying(
            line ->
                assertThat(line)
                    .contains("GTK 3", "apt-get install libgtk-3-0", "dnf install gtk3")
                    .contains("./faultline export raft/split-brain --format png")
                    .doesNotContain("\n"));
  }

  @Test
  void anUnreachableDisplayIsNamed() {
    assertThat(
            DisplayProblem.explain(
                new UnsupportedOperationException("Unable to open DISPLAY"), null, ":55"))
        .hasValueSatisfying(
            line -> assertThat(line).contains("DISPLAY=:55", "./faultline export <scenario>"));
  }

  @Test
  void anythingElseIsStillABug() {
    assertThat(DisplayProblem.explain(new IllegalStateException("boom"), null, ":0")).isEmpty();
  }
}
