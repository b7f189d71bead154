package faultline.scenarios.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/slurm/sweep.sbatch}, run as Slurm would run it. An {@code sbatch} stand-in on
 * PATH records each submission and answers with a job id; the test then does what Slurm does with
 * them: runs one task per index of the submitted {@code --array} with {@code SLURM_ARRAY_TASK_ID}
 * and its siblings set, concurrently, and, since every task exited 0 ({@code afterok} on the
 * array's id), the merge job. The scenario here fails on every seed (a lost write it does not
 * expect), so the shards exit 0 anyway, the merge lists each failing seed with its replay command
 * and exits 1, and the merged file equals the single-machine sweep byte for byte.
 */
class SlurmExampleTest {
  private static final Path SCRIPT = BatchHost.ROOT.resolve("examples/slurm/sweep.sbatch");

  @TempDir Path temp;

  @Test
  void theScriptIsValidBashWithTheDirectivesAShardNeeds() throws Exception {
    String text = Files.readString(SCRIPT);
    assertThat(text).startsWith("#!/usr/bin/env bash\n");
    assertThat(text).contains("#SBATCH --cpus-per-task=", "#SBATCH --mem=", "#SBATCH --time=");
    assertThat(text).contains("--dependency=\"afterok:$array\"", "--array=\"0-$((SHARDS - 1))\"");
    BatchHost.Result syntax =
        new BatchHost(temp).run(List.of("bash", "-n", SCRIPT.toString()), Map.of(), temp);
    assertThat(syntax.status()).as(syntax.output()).isZero();
  }

  @Test
  void theArrayAndItsDependentMergeGiveTheSingleMachineSweep() throws Exception {
    BatchHost host = new BatchHost(temp);
    Path scenario = lostWriteScenario();
    Path results = temp.resolve("results");
    Path submissions = temp.resolve("submissions.txt");
    host.executable(
        "sbatch",
        """
        #!/bin/sh
        id=$(( $(grep -c '^job ' "$SUBMISSIONS" 2>/dev/null || true) + 4242 ))
        { echo "job $id"; for arg in "$@"; do echo "arg $arg"; done; } >>"$SUBMISSIONS"
        echo "$id;cluster"
        """);
    Map<String, String> env =
        Map.of(
            "SCENARIO", scenario.toString(),
            "SEEDS", "1..10",
            "SHARDS", "3",
            "RESULTS", results.toString(),
            "SUBMISSIONS", submissions.toString());

    BatchHost.Result submit = host.run(List.of(SCRIPT.toString()), env, temp);
    assertThat(submit.status()).as(submit.output()).isZero();
    List<List<String>> jobs = submissions(submissions);
    assertThat(jobs).hasSize(2);
    List<String> array = jobs.get(0);
    List<String> merge = jobs.get(1);
    assertThat(array).contains("--array=0-2", "--parsable", SCRIPT.toRealPath().toString());
    assertThat(merge).contains("--dependency=afterok:4242", "--export=ALL,FAULTLINE_STEP=merge");
    assertThat(submit.output()).contains("array job 4242", "merge job 4243");

    List<Process> tasks = new ArrayList<>();
    for (int task = 0; task < 3; task++) {
      Map<String, String> taskEnv = new HashMap<>(env);
      taskEnv.putAll(
          Map.of(
              "SLURM_JOB_ID", String.valueOf(4244 + task),
              "SLURM_ARRAY_JOB_ID", "4242",
              "SLURM_ARRAY_TASK_ID", String.valueOf(task),
              "SLURM_ARRAY_TASK_COUNT", "3",
              "SLURM_ARRAY_TASK_MIN", "0",
              "SLURM_ARRAY_TASK_MAX", "2",
              "SLURM_CPUS_PER_TASK", "1",
              "SLURM_MEM_PER_NODE", "512"));
      tasks.add(host.start(List.of("bash", SCRIPT.toString()), taskEnv, temp));
    }
    for (int task = 0; task < 3; task++) {
      BatchHost.Result result = BatchHost.finish(tasks.get(task), "array task " + task);
      // afterok: the merge runs only if every task exits 0, failing seeds or not.
      assertThat(result.status()).as(result.output()).isZero();
      assertThat(result.output()).contains("failed", ", shard " + task + "/3");
    }

    Map<String, String> mergeEnv = new HashMap<>(env);
    mergeEnv.putAll(Map.of("SLURM_JOB_ID", "4243", "FAULTLINE_STEP", "merge"));
    BatchHost.Result merged = host.run(List.of("bash", SCRIPT.toString()), mergeEnv, temp);
    assertThat(merged.status()).as("1: failing seeds\n" + merged.output()).isEqualTo(1);
    assertThat(merged.output())
        .contains("sweep merge: 10 seeds of ", "from 3 files", "10 failed")
        .contains("seed 7: register.causal-lww -- replay: ./faultline run ", " --seed 7");

    Path whole = temp.resolve("whole.jsonl");
    BatchHost.Result single = host.wholeSweep(scenario.toString(), "1..10", whole, temp);
    assertThat(single.status()).as(single.output()).isEqualTo(1);
    assertThat(Files.readAllBytes(results.resolve("all.jsonl")))
        .isEqualTo(Files.readAllBytes(whole));
  }

  @Test
  void anArrayThatDoesNotMatchShardsIsRefusedBeforeAnySeedRuns() throws Exception {
    BatchHost host = new BatchHost(temp);
    Map<String, String> env = new HashMap<>();
    env.putAll(
        Map.of(
            "SEEDS", "1..10",
            "SHARDS", "3",
            "RESULTS", temp.resolve("results").toString(),
            "SLURM_ARRAY_TASK_ID", "1",
            "SLURM_ARRAY_TASK_COUNT", "3",
            "SLURM_ARRAY_TASK_MIN", "1",
            "SLURM_ARRAY_TASK_MAX", "3"));
    BatchHost.Result result = host.run(List.of("bash", SCRIPT.toString()), env, temp);
    assertThat(result.status()).isEqualTo(2);
    assertThat(result.output()).contains("the array must be 0-2 for SHARDS=3 (it is 1-3)");
  }

  /** clocks/lww-skew without its "expect": the lost write it demonstrates becomes a failure. */
  private Path lostWriteScenario() throws IOException {
    String bundled;
    try (var in = getClass().getResourceAsStream("/scenarios/clocks/lww-skew.json")) {
      bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path scenario = temp.resolve("lww-unexpected.json");
    Files.writeString(scenario, bundled.substring(0, bundled.indexOf(",\n  \"expect\"")) + "\n}\n");
    return scenario;
  }

  private static List<List<String>> submissions(Path file) throws IOException {
    List<List<String>> jobs = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("job ")) {
        jobs.add(new ArrayList<>());
      } else {
        jobs.getLast().add(line.substring("arg ".length()));
      }
    }
    return jobs;
  }
}
