package faultline.scenarios.cli;

import static faultline.scenarios.cli.CommandLineTest.faultline;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.scenarios.cli.CommandLineTest.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} as a user meets it: Raft and Multi-Paxos on their twin random-fault scenarios get
 * the same fault schedule from every seed, the figures come out in JSON, text and Markdown alike, a
 * planted bug makes it exit 1 with the replay command, and bad usage exits 2 in one line.
 */
class CompareCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void raftAndMultiPaxosGetTheSameFaultsFromEachSeedAndReportTheSameFigures() throws Exception {
    Result result =
        faultline(
            "compare",
            "raft/random-faults",
            "multipaxos/random-faults",
            "--seeds",
            "1..2",
            "--json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode columns = JSON.readTree(result.out()).get("columns");
    assertThat(columns).hasSize(2);
    for (JsonNode column : columns) {
      assertThat(column.get("seeds").asLong()).isEqualTo(2);
      assertThat(column.get("sameFaultsAsFirst").asLong()).isEqualTo(2);
      assertThat(column.get("failedSeeds").asLong()).isZero();
      assertThat(column.get("commitsMedian").asLong()).isPositive();
      assertThat(column.get("commitLatencyP50NanosMedian").asLong()).isPositive();
      assertThat(column.get("leaderChangesMedian").asLong()).isPositive();
      assertThat(column.get("faultsMedian").asLong()).isGreaterThanOrEqualTo(8);
    }
    assertThat(columns.get(0).get("faultsMedian")).isEqualTo(columns.get(1).get("faultsMedian"));
  }

  @Test
  void theTableHasARowPerFigureAndAColumnPerScenario() {
    Result text =
        faultline(
            "compare",
            "flexible-paxos/quorums",
            "flexible-paxos/majority-quorums",
            "--seeds",
            "1",
            "--jobs",
            "1");
    Result markdown =
        faultline(
            "compare",
            "flexible-paxos/quorums",
            "flexible-paxos/majority-quorums",
            "--seeds",
            "1",
            "--markdown");

    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("flexible-paxos/quorums", "flexible-paxos/majority-quorums")
        .contains("commit latency p50 (median)", "time without a leader (median)")
        .contains("2 scenarios x 1 seeds");
    assertThat(markdown.out()).contains("|---|---:|---:|", "| seeds | 1 | 1 |");
  }

  @Test
  void aSeedThatViolatesWhatItsScenarioDoesNotExpectExitsOneWithItsReplay(@TempDir Path temp)
      throws IOException {
    Result expected =
        faultline(
            "compare",
            "multipaxos/leader-crash-gap",
            "multipaxos/leader-crash-gap-skips-recovery",
            "--seeds",
            "1");
    assertThat(expected.exitCode()).as("the twin expects its violation").isZero();

    String twin;
    try (InputStream in =
        getClass()
            .getResourceAsStream("/scenarios/multipaxos/leader-crash-gap-skips-recovery.json")) {
      twin = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path unexpecting = temp.resolve("skips.json");
    Files.writeString(
        unexpecting,
        twin.replace("\"expect\": {\"violations\": [\"paxos.agreement\"]}", "\"expect\": {}"));
    Result failed =
        faultline("compare", "multipaxos/leader-crash-gap", unexpecting.toString(), "--seeds", "1");

    assertThat(failed.exitCode()).as(failed.err()).isEqualTo(1);
    assertThat(failed.err()).contains("violated: ./faultline run", "--seed 1");
  }

  @Test
  void badUsageIsOneLineAndExitTwo() {
    Result one = faultline("compare", "raft/random-faults", "--seeds", "1");
    Result noSeeds = faultline("compare", "raft/random-faults", "multipaxos/random-faults");
    Result badSeeds =
        faultline("compare", "raft/random-faults", "multipaxos/random-faults", "--seeds", "x");

    assertThat(one.exitCode()).isEqualTo(2);
    assertThat(one.err()).contains("at least two scenarios").doesNotContain("Exception");
    assertThat(noSeeds.exitCode()).isEqualTo(2);
    assertThat(noSeeds.err()).contains("--seeds is required");
    assertThat(badSeeds.exitCode()).isEqualTo(2);
    assertThat(badSeeds.err()).contains("--seeds");
  }
}
