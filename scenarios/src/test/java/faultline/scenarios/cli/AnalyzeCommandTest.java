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
        .contains(
            "| live member falsely detected in a period it is probed, 10% loss (§3.1 formula)")
        .contains("| 0.01223 |") // The paper's formula, the same for every n.
        .contains("| 0.01045 |") // The exact chance for n = 5.
        .contains("| messages sent per member per period | 5 | 3 |")
        .contains("Lifeguard's reduction of false positives");
    List<String> csv = Files.readAllLines(one);
    assertThat(csv.getFirst())
        .isEqualTo("quantity,members,samples,measured,ci_low,ci_high,predicted,within_ci");
    assertThat(csv).hasSize(10);
  }

  @Test
  void theDisseminationSweepTabulatesEachSizeAndFitsLogN() {
    Result result = faultline("analyze", "dissemination", "--seeds", "1..3", "--members", "5,12");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("| periods from the first verdict until all know (suspicion off) | 5 | 3 |")
        .contains("| periods from the first verdict until all know (suspicion off) | 12 | 3 |")
        .contains("| fit periods = a + b · ln n: slope b (periods per factor e in n) | all | 6 |");
  }

  @Test
  void raftFigure16PrintsOneRowPerLineAndWritesEveryTrial() throws IOException {
    Path csv = temp.resolve("figure-16.csv");
    Result result =
        faultline("experiment", "raft-figure-16", "--seeds", "1..3", "--csv", csv.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .startsWith("| timeouts | trials | median |")
        .contains("| 150-155ms | 3 |")
        .contains("| 12-24ms | 3 |")
        .contains("median 287 ms")
        .contains("takes 15.1 ms on average");
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.getFirst()).startsWith("timeouts,panel,seed,outcome,downtime_ms");
    // Ten lines of three trials, and 150-150ms with the paper's tenth, rounded up to two.
    assertThat(lines).hasSize(1 + 10 * 3 + 2);
  }

  @Test
  void badOptionsExitTwoWithOneLine() {
    assertBad(
        new String[] {"analyze", "paxos"},
        "faultline: analyze: no analysis named 'paxos' (there is: [swim, detectors,"
            + " dissemination, raft-figure-16])");
    assertBad(
        new String[] {"experiment", "raft-figure-17"},
        "faultline: analyze: no analysis named 'raft-figure-17' (there is: [swim, detectors,"
            + " dissemination, raft-figure-16])");
    assertBad(
        new String[] {"experiment", "raft-figure-16", "--latency", "9ms..4ms"},
        "faultline: --latency: need 0 < MIN <= MAX, as in 4ms..9ms; got '9ms..4ms'");
    assertBad(
        new String[] {"experiment", "raft-figure-16", "--members", "9"},
        "faultline: --members: raft-figure-16 runs five servers, as the paper did");
    assertBad(
        new String[] {"analyze", "swim", "--latency", "1ms"},
        "faultline: --latency: set for 'raft-figure-16' only");
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
