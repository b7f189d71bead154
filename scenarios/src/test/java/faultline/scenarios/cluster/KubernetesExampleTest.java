package faultline.scenarios.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/kubernetes/sweep-job.yaml}, read as Kubernetes reads it and run as Kubernetes
 * would run it. The first test checks what the shard protocol needs of the manifest: an Indexed Job
 * whose completions equal the SHARDS its pods split the seeds into, a results volume mounted where
 * RESULTS points, in the shards and in the collector, retries bounded, resources sized, a non-root
 * user. (CI also validates every field against the Kubernetes API schema; see
 * examples/kubernetes/validate.) The second plays the Job controller on this machine: it starts the
 * collector, then one process per completion index with {@code JOB_COMPLETION_INDEX} set as the
 * controller sets it, running each container's own command, scaled down to 12 seeds in 3 shards,
 * and demands that the collector's merged file equal the single-machine sweep byte for byte.
 */
class KubernetesExampleTest {
  private static final Path MANIFEST = BatchHost.ROOT.resolve("examples/kubernetes/sweep-job.yaml");
  private static List<JsonNode> documents;

  @TempDir Path temp;

  @BeforeAll
  static void readManifest() throws IOException {
    documents = new ArrayList<>();
    try (MappingIterator<JsonNode> iterator =
        new YAMLMapper().readerFor(JsonNode.class).readValues(MANIFEST.toFile())) {
      iterator.forEachRemaining(documents::add);
    }
  }

  private static JsonNode job(String name) {
    return documents.stream()
        .filter(d -> d.path("kind").asText().equals("Job"))
        .filter(d -> d.path("metadata").path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Job " + name + " in " + MANIFEST));
  }

  private static JsonNode container(JsonNode job) {
    JsonNode containers = job.path("spec").path("template").path("spec").path("containers");
    assertThat(containers.size()).as("containers of %s", job.path("metadata").path("name")).isOne();
    return containers.get(0);
  }

  private static Map<String, String> env(JsonNode container) {
    Map<String, String> env = new HashMap<>();
    container.path("env").forEach(v -> env.put(v.path("name").asText(), v.path("value").asText()));
    return env;
  }

  @Test
  void theManifestHasWhatTheShardProtocolNeeds() {
    JsonNode claim =
        documents.stream()
            .filter(d -> d.path("kind").asText().equals("PersistentVolumeClaim"))
            .findFirst()
            .orElseThrow();
    String claimName = claim.path("metadata").path("name").asText();
    JsonNode sweep = job("faultline-sweep");
    JsonNode merge = job("faultline-sweep-merge");

    JsonNode spec = sweep.path("spec");
    assertThat(spec.path("completionMode").asText()).isEqualTo("Indexed");
    int completions = spec.path("completions").asInt();
    assertThat(completions).isPositive();
    assertThat(spec.path("parallelism").asInt()).isBetween(1, completions);
    assertThat(spec.path("backoffLimit").isInt()).as("backoffLimit").isTrue();
    Map<String, String> shardEnv = env(container(sweep));
    assertThat(shardEnv).containsKeys("SCENARIO", "SEEDS", "SHARDS", "RESULTS");
    assertThat(shardEnv.get("SHARDS")).isEqualTo(String.valueOf(completions));
    assertThat(env(container(merge)).get("SHARDS")).isEqualTo(String.valueOf(completions));
    assertThat(script(container(sweep)))
        .contains("--shard \"auto/$SHARDS\"", "$JOB_COMPLETION_INDEX", "--seeds \"$SEEDS\"");
    assertThat(script(container(merge))).contains("faultline sweep merge");

    for (JsonNode job : List.of(sweep, merge)) {
      JsonNode pod = job.path("spec").path("template").path("spec");
      JsonNode container = container(job);
      assertThat(pod.path("restartPolicy").asText()).isEqualTo("Never");
      assertThat(container.path("image").asText())
          .isEqualTo(container(sweep).path("image").asText());
      assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
      assertThat(pod.path("securityContext").path("runAsUser").asInt()).isEqualTo(10001);
      assertThat(pod.path("securityContext").path("fsGroup").isInt()).isTrue();
      assertThat(container.path("resources").path("requests").has("memory")).isTrue();
      assertThat(container.path("resources").path("limits").has("memory")).isTrue();
      String volume = container.path("volumeMounts").path(0).path("name").asText();
      assertThat(container.path("volumeMounts").path(0).path("mountPath").asText())
          .isEqualTo(env(container).get("RESULTS"));
      JsonNode volumes = pod.path("volumes");
      assertThat(volumes.path(0).path("name").asText()).isEqualTo(volume);
      assertThat(volumes.path(0).path("persistentVolumeClaim").path("claimName").asText())
          .isEqualTo(claimName);
      for (JsonNode rule : job.path("spec").path("podFailurePolicy").path("rules")) {
        if (rule.has("onExitCodes")) {
          assertThat(rule.path("onExitCodes").path("containerName").asText())
              .isEqualTo(container.path("name").asText());
        }
      }
    }
    // The shards' CPU limit is what --jobs follows (the JVM sees it as its processor count).
    assertThat(container(sweep).path("resources").path("limits").has("cpu")).isTrue();
  }

  private static String script(JsonNode container) {
    List<String> command = command(container, env(container));
    assertThat(command.subList(0, 2)).containsExactly("/bin/sh", "-c");
    return command.get(2);
  }

  /** The container's command and args, with $(NAME) references expanded as the kubelet does. */
  private static List<String> command(JsonNode container, Map<String, String> env) {
    List<String> command = new ArrayList<>();
    container.path("command").forEach(part -> command.add(expand(part.asText(), env)));
    container.path("args").forEach(part -> command.add(expand(part.asText(), env)));
    return command;
  }

  /**
   * Kubernetes' expansion of command and args: {@code $(NAME)} becomes the variable's value when
   * the container defines it and stays as written otherwise, {@code $$} becomes {@code $}, and any
   * other {@code $} is left alone (so a shell's {@code $(ls ...)} reaches the shell unchanged).
   */
  static String expand(String text, Map<String, String> env) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '$' || i + 1 == text.length()) {
        out.append(c);
      } else if (text.charAt(i + 1) == '$') {
        out.append('$');
        i++;
      } else if (text.charAt(i + 1) == '(' && text.indexOf(')', i + 2) > 0) {
        int close = text.indexOf(')', i + 2);
        String name = text.substring(i + 2, close);
        out.append(env.containsKey(name) ? env.get(name) : "$(" + name + ")");
        i = close;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Test
  void theJobsPodsAndTheCollectorMergeIntoTheSingleMachineSweep() throws Exception {
    BatchHost host = new BatchHost(temp);
    Path results = Files.createDirectory(temp.resolve("results"));
    Map<String, String> scaledDown =
        Map.of(
            "SEEDS", "1..12",
            "SHARDS", "3",
            "RESULTS", results.toString(),
            "POLL_SECONDS", "1");

    Map<String, String> collectorEnv = new HashMap<>(env(container(job("faultline-sweep-merge"))));
    collectorEnv.putAll(scaledDown);
    JsonNode collectorContainer = container(job("faultline-sweep-merge"));
    Process collector = host.start(command(collectorContainer, collectorEnv), collectorEnv, temp);

    JsonNode shardContainer = container(job("faultline-sweep"));
    List<Process> pods = new ArrayList<>();
    for (int index = 0; index < 3; index++) {
      Map<String, String> podEnv = new HashMap<>(env(shardContainer));
      podEnv.putAll(scaledDown);
      podEnv.put("JOB_COMPLETION_INDEX", String.valueOf(index));
      pods.add(host.start(command(shardContainer, podEnv), podEnv, temp));
    }
    for (int index = 0; index < 3; index++) {
      BatchHost.Result pod = BatchHost.finish(pods.get(index), "pod " + index);
      assertThat(pod.status()).as(pod.output()).isZero();
      assertThat(pod.output()).contains(", shard " + index + "/3");
    }
    BatchHost.Result merged = BatchHost.finish(collector, "collector");
    assertThat(merged.status()).as(merged.output()).isZero();
    String scenario = env(shardContainer).get("SCENARIO");
    assertThat(merged.output()).contains("sweep merge: 12 seeds of " + scenario + " from 3 files");

    Path whole = temp.resolve("whole.jsonl");
    BatchHost.Result single = host.wholeSweep(scenario, "1..12", whole, temp);
    assertThat(single.status()).as(single.output()).isZero();
    assertThat(Files.readAllBytes(results.resolve("all.jsonl")))
        .isEqualTo(Files.readAllBytes(whole));
    try (var files = Files.list(results)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("part-0.jsonl", "part-1.jsonl", "part-2.jsonl", "all.jsonl");
    }
  }

  @Test
  void aShardThatFailsForGoodLetsTheCollectorNameWhatIsMissing() throws Exception {
    BatchHost host = new BatchHost(temp);
    Path results = Files.createDirectory(temp.resolve("results"));
    Map<String, String> scaledDown =
        Map.of("SEEDS", "1..6", "SHARDS", "2", "RESULTS", results.toString(), "POLL_SECONDS", "1");
    JsonNode shardContainer = container(job("faultline-sweep"));
    for (int index = 0; index < 2; index++) {
      Map<String, String> podEnv = new HashMap<>(env(shardContainer));
      podEnv.putAll(scaledDown);
      podEnv.put("JOB_COMPLETION_INDEX", String.valueOf(index));
      if (index == 1) {
        // Pod 1 is given a scenario that does not exist: exit 2, which fails the Job at once.
        podEnv.put("SCENARIO", "raft/no-such-scenario");
      }
      BatchHost.Result pod = host.run(command(shardContainer, podEnv), podEnv, temp);
      assertThat(pod.status()).as(pod.output()).isEqualTo(index == 0 ? 0 : 2);
    }
    assertThat(Files.readString(results.resolve("part-1.failed")).strip()).isEqualTo("2");

    JsonNode collectorContainer = container(job("faultline-sweep-merge"));
    Map<String, String> collectorEnv = new HashMap<>(env(collectorContainer));
    collectorEnv.putAll(scaledDown);
    BatchHost.Result merged =
        host.run(command(collectorContainer, collectorEnv), collectorEnv, temp);
    assertThat(merged.status()).as(merged.output()).isEqualTo(2);
    assertThat(merged.output())
        .contains("a shard failed for good (./part-1.failed)")
        .contains("3 of the 6 seeds", "seeds 4..6 (3), after " + results + "/part-0.jsonl:3");
  }
}
