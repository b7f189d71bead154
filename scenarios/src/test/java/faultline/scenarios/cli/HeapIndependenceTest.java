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
