package faultline.scenarios.cli;

import static faultline.scenarios.cli.CommandLineTest.faultline;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.scenarios.cli.CommandLineTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis as a user meets it: a small sweep prints the table and writes the CSV, the same
 * bytes for any number of jobs; bad options exit 2 with one line.
 */
class AnalyzeCommandTest {
  @TempDir Path temp;

  @Test
  void aSmallSweepPrintsTheTableAndTheCsvWhateverTheJobs() throws IOException {
    Path one = temp.resolve("one.csv");
    Path two = temp.resolve("two.csv");
    Result first =
        faultline(
            "analyze",
            "swim",
            "--seeds",
            "1..3",
            "--members",
            "5",
            "--jobs",
            "1",
            "--csv",
            one.toString());
    Result second =
        faultline(
            "analyze",
            "swim",
            "--seeds",
            "1..3",
            "--members",
            "5",
            "--jobs",
            "2",
            "--csv",
            two.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(Files.readString(two)).isEqualTo(Files.readString(one));
    assertThat(first.out()).startsWith("| quantity | n | samples |");
    assertThat(first.out())
        .contains("| time to first detection (periods) | 5 | 3 |")
        .contains("| 1.694 |") // The paper's 1/(1 - 0.8^4) periods.
        .contains("| probes of live members that fail, 10% loss | 5 |")
        .contains("| messages sent per member per period | 5 | 3 |")
        .contains("Lifeguard's reduction of false positives");
    List<String> csv = Files.readAllLines(one);
    assertThat(csv.getFirst())
        .isEqualTo("quantity,members,samples,measured,ci_low,ci_high,predicted,within_ci");
    assertThat(csv).hasSize(8);
  }

  @Test
  void badOptionsExitTwoWithOneLine() {
    assertBad(
        new String[] {"analyze", "paxos"},
        "faultline: analyze: no analysis named 'paxos' (there is: [swim, detectors])");
    assertBad(
        new String[] {"analyze", "swim", "--seeds", "7"},
        "faultline: --seeds: a confidence interval needs at least two seeds");
    assertBad(
        new String[] {"analyze", "swim", "--members", "2"},
        "faultline: --members: each size must be between 3 and 1024, not 2");
    assertBad(
        new String[] {"analyze", "swim", "--jobs", "0"},
        "faultline: --jobs: must be at least 1, not 0");
  }

  private static void assertBad(String[] args, String message) {
    Result result = faultline(args);
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip()).isEqualTo(message);
  }
}
