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
 * Sometimes and eventually properties as {@code run} and {@code sweep} report them. How it works:
 * Figure 8 reaches both of Raft's rare paths and ends with a leader; a three-server cluster that
 * loses two servers for good reaches neither and fails "a leader exists" on every seed, which the
 * sweep must count, list as failing, carry through its result lines and a merge of its shards.
 */
class PropertiesCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MAJORITY_LOST =
      """
      {"description": "Two of three servers crash for good.", "protocol": "raft", "nodes": 3,
       "faults": [{"at": "1s", "type": "crash", "node": "n1"},
                  {"at": "1s", "type": "crash", "node": "n2"}],
       "run": {"duration": "2s"}}
      """;

  @TempDir Path temp;

  @Test
  void runListsReachedPropertiesAndEventuallyVerdictsInTextAndJson() throws IOException {
    Result text = faultline("run", "raft/figure-8");
    assertThat(text.out())
        .contains(
            "eventually:\n  held        raft.leader-exists at 3s (after seq ",
            "sometimes: 2 of 2 reached\n",
            "  reached     raft.leader-deposed-with-uncommitted-entries at 450ms (seq 158)\n",
            "              A leader was deposed while holding uncommitted entries.\n");

    JsonNode json = JSON.readTree(faultline("run", "raft/figure-8", "--json").out());
    JsonNode deposed = json.get("sometimes").get(0);
    assertThat(deposed.get("property").asText())
        .isEqualTo("raft.leader-deposed-with-uncommitted-entries");
    assertThat(deposed.get("reached").asBoolean()).isTrue();
    assertThat(deposed.get("seq").asLong()).isEqualTo(158);
    assertThat(deposed.get("timeNanos").asLong()).isEqualTo(450_000_000L);
    JsonNode leader = json.get("eventually").get(0);
    assertThat(leader.get("status").asText()).isEqualTo("held");
    assertThat(leader.get("timeNanos").asLong()).isEqualTo(3_000_000_000L);
  }

  @Test
  void aFailedEventuallyPropertyMakesTheRunViolatedWithItsOwnReport() throws IOException {
    Path file = temp.resolve("lost.json");
    Files.writeString(file, MAJORITY_LOST);

    Result text = faultline("run", file.toString());
    assertThat(text.exitCode()).isEqualTo(1);
    assertThat(text.out())
        .contains(
            "invariants: all held\n",
            "  FAILED      raft.leader-exists at 2s (after seq ",
            "              no leader: n1 down, n2 down, n3 ",
            "  not reached raft.follower-log-truncated\n");

    JsonNode json = JSON.readTree(faultline("run", file.toString(), "--json").out());
    assertThat(json.get("verdict").asText()).isEqualTo("violated");
    assertThat(json.get("violations")).isEmpty();
    assertThat(json.get("eventually").get(0).get("status").asText()).isEqualTo("failed");
    assertThat(json.get("eventually").get(0).get("message").asText()).startsWith("no leader: ");
  }

  @Test
  void sweepCountsPerPropertyFlagsTheNeverReachedAndMergesTheSame() throws IOException {
    Path file = temp.resolve("lost.json");
    Files.writeString(file, MAJORITY_LOST);
    Path whole = temp.resolve("whole.jsonl");
    Result sweep = sweep(file, whole);
    assertThat(sweep.exitCode()).isEqualTo(1);
    assertThat(sweep.out())
        .contains(
            "  sometimes properties (seeds that reached each):\n",
            "         0 of 4      raft.follower-log-truncated  NEVER REACHED",
            "  eventually properties (held / failed / not judged):\n",
            "         0 / 4 / 0  raft.leader-exists\n",
            "    seed 1: raft.leader-exists -- replay: ");
    JsonNode first = JSON.readTree(Files.readAllLines(whole).getFirst());
    assertThat(first.get("sometimes").get("raft.follower-log-truncated").asBoolean()).isFalse();
    assertThat(first.get("eventually").get("raft.leader-exists").asText()).isEqualTo("failed");
    assertThat(first.get("unexpected").get(0).asText()).isEqualTo("raft.leader-exists");

    Path part0 = temp.resolve("part-0.jsonl");
    Path part1 = temp.resolve("part-1.jsonl");
    sweep(file, part0, "--shard", "0/2");
    sweep(file, part1, "--shard", "1/2");
    Path merged = temp.resolve("merged.jsonl");
    Result merge =
        faultline("sweep", "merge", part1.toString(), part0.toString(), "--out", merged.toString());
    assertThat(Files.readString(merged)).isEqualTo(Files.readString(whole));
    assertThat(merge.out())
        .contains("0 of 4      raft.follower-log-truncated  NEVER REACHED", "0 / 4 / 0");
  }

  @Test
  void mergeRefusesAPropertyValueOfTheWrongKindNamingFileLineAndField() throws IOException {
    Path file = temp.resolve("lost.json");
    Files.writeString(file, MAJORITY_LOST);
    Path whole = temp.resolve("whole.jsonl");
    sweep(file, whole);
    List<String> lines = Files.readAllLines(whole);
    Path broken = temp.resolve("broken.jsonl");
    Files.writeString(
        broken,
        lines.get(0)
            + "\n"
            + lines.get(1).replace("\"raft.leader-exists\":\"failed\"", "\"raft.leader-exists\":7")
            + "\n");

    Result merge = faultline("sweep", "merge", broken.toString());
    assertThat(merge.exitCode()).isEqualTo(2);
    assertThat(merge.err().strip())
        .isEqualTo(
            "faultline: sweep merge: "
                + broken
                + ":2: not a sweep result line: field 'eventually.raft.leader-exists': not"
                + " \"held\", \"failed\" or \"not judged\"");
  }

  private static Result sweep(Path scenario, Path out, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("sweep", scenario.toString(), "--seeds", "1..4", "--out", out.toString()));
    args.addAll(List.of(extra));
    return faultline(args.toArray(String[]::new));
  }
}
