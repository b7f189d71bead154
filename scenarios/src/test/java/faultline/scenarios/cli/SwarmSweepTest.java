package faultline.scenarios.cli;

import static faultline.scenarios.cli.CommandLineTest.faultline;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.scenarios.cli.CommandLineTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep --swarm} as a user meets it: every line carries its seed's configuration and a
 * replay command that repeats it, the summary reports coverage per feature, shards of a plain and a
 * swarm sweep do not merge, and a scenario with nothing to turn off is refused.
 */
class SwarmSweepTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  @Test
  void linesCarryTheConfigurationAndReplayRepeatsIt() throws IOException {
    Path out = temp.resolve("swarm.jsonl");
    Result sweep =
        faultline(
            "sweep", "paxos/random-faults", "--seeds", "1..6", "--swarm", "--out", out.toString());
    assertThat(sweep.exitCode()).as(sweep.err()).isZero();
    assertThat(sweep.out())
        .contains("sweep paxos/random-faults --swarm: 6 of 6 seeds")
        .contains("swarm: every seed kept each fault kind and network behaviour")
        .containsPattern("\\n    crash +\\d+ +0 +\\d+ +0\\n");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(6);
    JsonNode third = JSON.readTree(lines.get(2));
    assertThat(third.get("swarm").get("kinds").isArray()).isTrue();
    assertThat(third.get("replay").asText())
        .isEqualTo("./faultline run paxos/random-faults --seed 3 --swarm");

    Result run = faultline("run", "paxos/random-faults", "--seed", "3", "--swarm", "--json");
    assertThat(JSON.readTree(run.out()).get("fingerprint").asText())
        .isEqualTo(third.get("fingerprint").asText());
    assertThat(run.err()).startsWith("swarm configuration of seed 3: ");

    Result again =
        faultline(
            "sweep",
            "paxos/random-faults",
            "--seeds",
            "1..6",
            "--swarm",
            "--jobs",
            "1",
            "--out",
            temp.resolve("again.jsonl").toString());
    assertThat(again.exitCode()).isZero();
    assertThat(Files.readAllLines(temp.resolve("again.jsonl"))).isEqualTo(lines);
  }

  @Test
  void plainAndSwarmShardsDoNotMerge() throws IOException {
    Path swarm = temp.resolve("swarm.jsonl");
    Path plain = temp.resolve("plain.jsonl");
    faultline(
        "sweep",
        "paxos/random-faults",
        "--seeds",
        "1..4",
        "--shard",
        "0/2",
        "--swarm",
        "--out",
        swarm.toString());
    faultline(
        "sweep",
        "paxos/random-faults",
        "--seeds",
        "1..4",
        "--shard",
        "1/2",
        "--out",
        plain.toString());
    Result merge = faultline("sweep", "merge", swarm.toString(), plain.toString());
    assertThat(merge.exitCode()).isEqualTo(2);
    assertThat(merge.err()).contains("no 'swarm' (a plain sweep)", "different sweeps");
  }

  @Test
  void aScenarioWithNothingToTurnOffIsRefused() {
    Result result = faultline("sweep", "raft/figure-8", "--seeds", "1..2", "--swarm");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err()).contains("--swarm: raft/figure-8 draws no random faults");
  }
}
