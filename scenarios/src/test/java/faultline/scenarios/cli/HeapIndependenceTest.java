package faultline.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A verdict must not depend on the machine: the linearizability check is bounded by a number of
 * search states, never by the heap, so the same run gives the same JSON (trace hash, verdict,
 * undecided checks, metrics) under any heap that lets it finish. Each run is a JVM of its own, with
 * its own {@code -Xmx}.
 */
class HeapIndependenceTest {
  @TempDir Path temp;

  @Test
  void theSameRunGivesTheSameAnswerUnderTwoHeapSizes() throws Exception {
    for (long statesMax : new long[] {1, 2_000_000}) {
      Path scenario = temp.resolve("heap-" + statesMax + ".json");
      Files.writeString(
          scenario,
          """
          {
            "description": "Raft clients, checked at the end of the run.",
            "protocol": "raft",
            "nodes": ["n1", "n2", "n3", "c1"],
            "params": {
              "checkStatesMax": %d,
              "clients": {"nodes": ["c1"], "processes": 4, "keys": 1,
                          "intervalMin": "2ms", "intervalMax": "6ms"}
            },
            "faults": [{"at": "800ms", "type": "crash", "node": "n1"},
                       {"at": "1200ms", "type": "restart", "node": "n1"}],
            "run": {"duration": "2s"},
            "seed": 5
          }
          """
              .formatted(statesMax));
      String small = run("-Xmx96m", scenario);
      String large = run("-Xmx1g", scenario);
      assertThat(small).as("budget %d", statesMax).isEqualTo(large);
      assertThat(small)
          .contains(statesMax == 1 ? "\"verdict\":\"inconclusive\"" : "\"verdict\":\"passed\"");
    }
  }

  /**
   * A history whose search needs more memory than a small heap has: 16 writes of distinct values
   * and 16 reads, all concurrent, then two reads in a row that see different values with no write
   * between them. It is not linearizable, and the search only learns that after trying every order
   * of the concurrent block (147,457 states). Under a heap too small for that, the check must give
   * no verdict at all, never another one: the search that answered "undecided" when memory ran out
   * printed UNDECIDED and exited 4 here, and exited 1 under a larger heap. Now the heap's
   * exhaustion reaches the command line as what it is (how the command line words it is its own
   * concern).
   */
  @Test
  void aHeapTooSmallForTheSearchGivesNoVerdictRatherThanAnother() throws Exception {
    Path history = temp.resolve("concurrent.jsonl");
    Files.write(history, concurrentBlockThenContradiction(16));
    Result large = java("-Xmx768m", "check", history.toString(), "--model", "register");
    assertThat(large.exitCode()).as(large.err()).isEqualTo(1);
    assertThat(large.out()).contains("NOT linearizable", "147457 states");

    Result small = java("-Xmx16m", "check", history.toString(), "--model", "register");
    assertThat(small.exitCode()).as(small.out() + small.err()).isEqualTo(ExitCodes.OUT_OF_MEMORY);
    assertThat(small.out()).doesNotContainIgnoringCase("linearizable").doesNotContain("UNDECIDED");
    assertThat(small.err()).startsWith("faultline: out of memory").doesNotContain("\tat ");
  }

  private static List<String> concurrentBlockThenContradiction(int writers) {
    List<String> lines = new java.util.ArrayList<>();
    String event = "{\"process\":%d,\"type\":\"%s\",\"f\":\"%s\",\"value\":%s}";
    for (int i = 0; i < writers; i++) {
      lines.add(event.formatted(i, "invoke", "write", i + 1));
    }
    for (int i = 0; i < writers; i++) {
      lines.add(event.formatted(writers + i, "invoke", "read", "null"));
    }
    for (int i = 0; i < writers; i++) {
      lines.add(event.formatted(i, "ok", "write", i + 1));
    }
    for (int i = 0; i < writers; i++) {
      lines.add(event.formatted(writers + i, "ok", "read", (i + 1) % writers + 1));
    }
    for (int value = 1; value <= 2; value++) {
      lines.add(event.formatted(2 * writers, "invoke", "read", "null"));
      lines.add(event.formatted(2 * writers, "ok", "read", value));
    }
    return lines;
  }

  private record Result(int exitCode, String out, String err) {}

  private static Result java(String heap, String... args) throws Exception {
    Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new java.util.ArrayList<>();
    command.addAll(
        List.of(
            javaBinary.toString(),
            heap,
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    java.util.concurrent.CompletableFuture<byte[]> err =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return process.getErrorStream().readAllBytes();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), out, new String(err.get(), StandardCharsets.UTF_8));
  }

  private static String run(String heap, Path scenario) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    heap,
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "run",
                    scenario.toString(),
                    "--json"))
            .redirectErrorStream(false)
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(err).isIn(0, 5);
    return new String(out, StandardCharsets.UTF_8);
  }
}
