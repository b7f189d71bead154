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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep as a user and a batch system meet it. How it works: small sweeps (eight seeds, one
 * virtual second each) of the fault-heavy clocks scenario are run with different job counts and
 * shardings, and their output files are compared byte for byte; the merge is fed good and broken
 * shard outputs and must either rebuild the unsharded file exactly or exit 2 naming file and line.
 */
class SweepCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCENARIO = "clocks/hlc-faults";
  private static final String SEEDS = "1..8";

  @TempDir Path temp;

  @AfterEach
  void restoreEnvironment() {
    SweepCommand.environment = System::getenv;
  }

  private Result sweep(Path out, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("sweep", SCENARIO, "--seeds", SEEDS, "--until", "1s", "--out", out.toString()));
    args.addAll(List.of(extra));
    return faultline(args.toArray(String[]::new));
  }

  @Test
  void oneJobAndTwoJobsWriteTheSameBytesInSeedOrder() throws IOException {
    Path one = temp.resolve("one.jsonl");
    Path two = temp.resolve("two.jsonl");
    Result first = sweep(one, "--jobs", "1");
    Result second = sweep(two, "--jobs", "2");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(Files.readString(two)).isEqualTo(Files.readString(one));
    List<String> lines = Files.readAllLines(one);
    assertThat(lines).hasSize(8);
    for (int i = 0; i < lines.size(); i++) {
      JsonNode line = JSON.readTree(lines.get(i));
      assertThat(line.get("seed").asLong()).isEqualTo(i + 1);
      assertThat(line.get("fingerprint").asText()).matches("[0-9a-f]{64}");
      assertThat(line.fieldNames())
          .toIterable()
          .contains("violations", "stopReason", "events", "virtualTimeNanos", "replay");
    }
    assertThat(first.out()).contains("8 of 8 seeds", "seeds/minute", "8 passed, 0 failed");
  }

  @Test
  void aSweepMatchesSingleRunsOfItsSeeds() throws IOException {
    Path out = temp.resolve("all.jsonl");
    assertThat(sweep(out).exitCode()).isZero();
    JsonNode third = JSON.readTree(Files.readAllLines(out).get(2));
    Result run = faultline("run", SCENARIO, "--seed", "3", "--until", "1s", "--json");
    JsonNode single = JSON.readTree(run.out());
    assertThat(third.get("fingerprint")).isEqualTo(single.get("fingerprint"));
    assertThat(third.get("events")).isEqualTo(single.get("events"));
    assertThat(third.get("replay").asText())
        .isEqualTo("./faultline run " + SCENARIO + " --seed 3 --until 1s");
  }

  @Test
  void shardsMergeIntoTheUnshardedResult() throws IOException {
    Path whole = temp.resolve("whole.jsonl");
    assertThat(sweep(whole).exitCode()).isZero();
    Path[] parts = new Path[3];
    for (int i = 0; i < 3; i++) {
      parts[i] = temp.resolve("part-" + i + ".jsonl");
      assertThat(sweep(parts[i], "--shard", i + "/3").exitCode()).isZero();
    }
    assertThat(Files.readAllLines(parts[0])).hasSize(2); // 8 seeds in 3 blocks: 2, 3, 3.
    Path merged = temp.resolve("merged.jsonl");
    // Out of order on purpose: the merge sorts by the seed list, not by file.
    Result merge =
        faultline(
            "sweep",
            "merge",
            parts[2].toString(),
            parts[0].toString(),
            parts[1].toString(),
            "--out",
            merged.toString());
    assertThat(merge.exitCode()).as(merge.err()).isZero();
    assertThat(Files.readString(merged)).isEqualTo(Files.readString(whole));
    assertThat(merge.out()).contains("8 seeds of " + SCENARIO + " from 3 files");
  }

  @Test
  void autoShardReadsTheBatchSystemsIndex() throws IOException {
    Path explicit = temp.resolve("explicit.jsonl");
    assertThat(sweep(explicit, "--shard", "1/3").exitCode()).isZero();
    Path kubernetes = temp.resolve("kubernetes.jsonl");
    SweepCommand.environment = Map.of("JOB_COMPLETION_INDEX", "1")::get;
    assertThat(sweep(kubernetes, "--shard", "auto/3").exitCode()).isZero();
    Path slurm = temp.resolve("slurm.jsonl");
    SweepCommand.environment = Map.of("SLURM_ARRAY_TASK_ID", "1")::get;
    assertThat(sweep(slurm, "--shard", "auto/3").exitCode()).isZero();
    assertThat(Files.readString(kubernetes)).isEqualTo(Files.readString(explicit));
    assertThat(Files.readString(slurm)).isEqualTo(Files.readString(explicit));

    SweepCommand.environment = Map.<String, String>of()::get;
    Result none = sweep(temp.resolve("none.jsonl"), "--shard", "auto/3");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID");
  }

  @Test
  void mergeRefusesDuplicatesGapsMixedSweepsAndJunkNamingFileAndLine() throws IOException {
    Path part0 = temp.resolve("part-0.jsonl");
    Path part1 = temp.resolve("part-1.jsonl");
    assertThat(sweep(part0, "--shard", "0/2").exitCode()).isZero();
    assertThat(sweep(part1, "--shard", "1/2").exitCode()).isZero();

    Result duplicate = faultline("sweep", "merge", part0.toString(), part1.toString(), part0 + "");
    assertThat(duplicate.exitCode()).isEqualTo(2);
    assertThat(duplicate.err())
        .contains(part0 + ":1: seed 1 again", "already at " + part0 + ":1", "overlap");

    Result gap = faultline("sweep", "merge", part0.toString());
    assertThat(gap.exitCode()).isEqualTo(2);
    assertThat(gap.err())
        .contains("4 of the 8 seeds", "missing: seeds 5..8 (4), after " + part0 + ":4, to the end");

    Path other = temp.resolve("other.jsonl");
    Result otherSweep =
        faultline(
            "sweep",
            "clocks/hlc-skew",
            "--seeds",
            SEEDS,
            "--until",
            "1s",
            "--shard",
            "1/2",
            "--out",
            other.toString());
    assertThat(otherSweep.exitCode()).isZero();
    Result mixed = faultline("sweep", "merge", part0.toString(), other.toString());
    assertThat(mixed.exitCode()).isEqualTo(2);
    assertThat(mixed.err())
        .contains(other + ":1: field 'scenario' is clocks/hlc-skew", "different sweeps");

    Path junk = temp.resolve("junk.jsonl");
    Files.writeString(junk, Files.readAllLines(part1).getFirst() + "\n{\"seed\": 5,\n");
    Result notJson = faultline("sweep", "merge", part0.toString(), junk.toString());
    assertThat(notJson.exitCode()).isEqualTo(2);
    assertThat(notJson.err()).contains(junk + ":2:").doesNotContain("Exception");
    assertThat(notJson.err().strip().lines()).hasSize(1);
  }

  @Test
  void mergeNamesEachHoleByTheResultLinesAroundIt() throws IOException {
    Path[] parts = new Path[4];
    for (int i = 0; i < 4; i++) {
      parts[i] = temp.resolve("part-" + i + ".jsonl");
      assertThat(sweep(parts[i], "--shard", i + "/4").exitCode()).isZero();
    }
    // Shard 1 left out; shard 3 stopped after its first seed.
    Files.writeString(parts[3], Files.readAllLines(parts[3]).getFirst() + "\n");
    Result holes =
        faultline("sweep", "merge", parts[0].toString(), parts[2].toString(), parts[3].toString());
    assertThat(holes.exitCode()).isEqualTo(2);
    assertThat(holes.err().strip().lines()).hasSize(1);
    assertThat(holes.err())
        .contains(
            "3 of the 8 seeds of " + SCENARIO + " (1..8) are missing: ",
            "seeds 3..4 (2), after " + parts[0] + ":2, before " + parts[2] + ":1; ",
            "seed 8, after " + parts[3] + ":1, to the end.",
            "left out, or did a shard stop early?");
  }

  @Test
  void anUnexpectedViolationExitsOneAndListsTheReplayCommand() throws IOException {
    // clocks/lww-skew without its "expect": the lost write it demonstrates becomes a failure.
    Path scenario = temp.resolve("lww-unexpected.json");
    String bundled =
        new String(
            getClass().getResourceAsStream("/scenarios/clocks/lww-skew.json").readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    Files.writeString(scenario, bundled.substring(0, bundled.indexOf(",\n  \"expect\"")) + "\n}\n");
    Result result =
        faultline(
            "sweep",
            scenario.toString(),
            "--seeds",
            "42,43",
            "--jobs",
            "2",
            "--out",
            temp.resolve("r.jsonl").toString());
    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    assertThat(result.out()).contains("failing seeds", "seed 42: register.causal-lww", "--seed 42");
    String shrink = "./faultline shrink " + scenario + " --seed 42";
    assertThat(result.out()).contains("      shrink: " + shrink);
    JsonNode line = JSON.readTree(Files.readAllLines(temp.resolve("r.jsonl")).getFirst());
    assertThat(line.get("shrink").asText()).isEqualTo(shrink);
    assertThat(line.get("metrics").isObject()).isTrue();
    List<String> names = new java.util.ArrayList<>();
    line.get("metrics").fieldNames().forEachRemaining(names::add);
    assertThat(names).isNotEmpty().isSorted();
    // The summary's distributions: each metric with its seeds and percentiles.
    assertThat(result.out()).contains("metrics across 2 seeds", "real time per seed: p50 ");
    assertThat(result.out()).containsPattern("\\n    register\\.lostUpdates\\.wall +2 ");
  }

  /** Lines written before results carried metrics and shrink commands still merge, as they were. */
  @Test
  void linesWithoutMetricsStillMerge() throws IOException {
    Path whole = temp.resolve("whole.jsonl");
    assertThat(sweep(whole, "--jobs", "1").exitCode()).isZero();
    List<String> old = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(whole)) {
      com.fasterxml.jackson.databind.node.ObjectNode node =
          (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(line);
      node.remove("metrics");
      node.remove("shrink");
      old.add(node.toString());
    }
    Path part = temp.resolve("old.jsonl");
    Files.write(part, old);
    Path merged = temp.resolve("merged.jsonl");
    Result merge = faultline("sweep", "merge", part.toString(), "--out", merged.toString());
    assertThat(merge.exitCode()).as(merge.err()).isZero();
    assertThat(Files.readAllLines(merged)).isEqualTo(old);
    assertThat(merge.out()).doesNotContain("metrics across");
  }

  /**
   * A demonstration that states on how many of a seed range it shows its violation: a sweep of
   * exactly that range judges the claim and exits 1 when it is not met; any other sweep says it did
   * not judge it. clocks/lww-skew loses its write on every one of seeds 1..8.
   */
  @Test
  void aStatedRateIsJudgedBySweepingExactlyItsSeeds() throws IOException {
    Path met = withRate("{\"seeds\": \"1..8\", \"min\": 6, \"max\": 8}");
    Result judged = faultline("sweep", met.toString(), "--seeds", "1..8", "--out", out());
    assertThat(judged.exitCode()).as(judged.err()).isZero();
    assertThat(judged.out()).contains("expected rate: register.causal-lww on in [6, 8]", ": met");

    Path unmet = withRate("{\"seeds\": \"1..8\", \"max\": 2}");
    Result wrong = faultline("sweep", unmet.toString(), "--seeds", "1..8", "--out", out());
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.out()).contains("shown on 8: NOT met");

    Result other = faultline("sweep", met.toString(), "--seeds", "1..4", "--out", out());
    assertThat(other.exitCode()).isZero();
    assertThat(other.out()).contains("expected rate: not judged");

    Result run = faultline("run", met.toString(), "--seed", "3");
    assertThat(run.out()).contains("--seeds 1..8 judges that");
  }

  private Path withRate(String rate) throws IOException {
    String bundled =
        new String(
            getClass().getResourceAsStream("/scenarios/clocks/lww-skew.json").readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    String marker = "\"violations\": [\"register.causal-lww\"],";
    Path file = Files.createTempFile(temp, "lww-rate", ".json");
    Files.writeString(file, bundled.replace(marker, marker + " \"rate\": " + rate + ","));
    return file;
  }

  private String out() throws IOException {
    return Files.createTempFile(temp, "results", ".jsonl").toString();
  }

  @Test
  void badOptionsExitTwoWithOneLine() {
    for (String[] args :
        List.of(
            new String[] {"sweep", SCENARIO, "--seeds", "5..1"},
            new String[] {"sweep", SCENARIO, "--seeds", "1..4", "--shard", "4/4"},
            new String[] {"sweep", SCENARIO, "--seeds", "1..4", "--jobs", "0"},
            new String[] {"sweep", SCENARIO},
            new String[] {"sweep", "merge", temp.resolve("absent.jsonl").toString()})) {
      Result result = faultline(args);
      assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(result.err().strip().lines()).as(result.err()).hasSize(1);
    }
  }
}
