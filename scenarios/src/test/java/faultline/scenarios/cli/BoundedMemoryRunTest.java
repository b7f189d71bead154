package faultline.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's memory does not grow with its length: one node writing every nanosecond, two million
 * stamped writes, in a JVM of its own with a 512 MiB heap. Before the clock checkers compacted
 * their stamp log, this run needed 1.7 GB and ended in an out-of-memory error (then exit 1, the
 * code for a violated invariant). It must now finish with a verdict: passed (0) or, if a limit
 * stopped it, inconclusive (5); never out of memory (6) or anything else.
 */
class BoundedMemoryRunTest {
  private static final Pattern EVENTS = Pattern.compile("\"events\":(\\d+)");

  @TempDir Path temp;

  @Test
  void aOneNodeFloodFinishesUnderA512MiBHeap() throws Exception {
    Path flood = temp.resolve("flood.json");
    Files.writeString(
        flood,
        """
        {"description": "One node writes every nanosecond.", "protocol": "lww-register",
         "nodes": ["n1"], "params": {"randomWrites": {"intervalMin": "1ns"}},
         "run": {"duration": "2ms"}, "seed": 1}
        """);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-Xmx512m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "run",
                    flood.toString(),
                    "--json"))
            .start();
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process, true));
    String out = readAll(process, false);
    assertThat(process.waitFor(600, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(err.get()).isIn(ExitCodes.OK, ExitCodes.INCONCLUSIVE);
    Matcher events = EVENTS.matcher(out);
    assertThat(events.find()).as(out).isTrue();
    assertThat(Long.parseLong(events.group(1))).isGreaterThan(2_000_000);
  }

  private static String readAll(Process process, boolean err) {
    try {
      byte[] bytes = (err ? process.getErrorStream() : process.getInputStream()).readAllBytes();
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
