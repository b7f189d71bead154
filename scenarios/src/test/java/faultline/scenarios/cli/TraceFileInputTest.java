package faultline.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.scenarios.cli.CommandLineTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trace files that are not what they claim, read by {@code replay}: each is exit 2 with one line
 * naming the file, the line and the field, read as a stream in bounded memory.
 */
class TraceFileInputTest {
  @TempDir Path temp;

  @Test
  void anEndlessFileWithoutNewlinesStopsAtTheLineBoundNotAtTheHeap() {
    Path zeros = Path.of("/dev/zero");
    if (!Files.isReadable(zeros)) {
      return; // Not a Unix machine; the bound is tested with a file below.
    }
    // What this thread allocated, not the heap in use: the heap also holds whatever garbage the
    // tests before this one left uncollected in the same JVM.
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    Result replay = CommandLineTest.faultline("replay", zeros.toString());
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(replay.exitCode()).isEqualTo(2);
    assertOneLine(replay, "/dev/zero:1:1: line longer than 16 MiB: not a faultline trace");
    assertThat(allocated).isLessThan(1L << 30);
  }

  @Test
  void aLineAfterTheEndLineIsNamedAsSuch() throws IOException {
    Path trace = run("after-end.jsonl");
    List<String> lines = Files.readAllLines(trace);
    Files.writeString(trace, String.join("\n", lines) + "\n" + lines.get(1) + "\n");

    Result replay = CommandLineTest.faultline("replay", trace.toString());

    assertThat(replay.exitCode()).isEqualTo(2);
    assertOneLine(
        replay,
        trace
            + ":"
            + (lines.size() + 1)
            + ":1: a line follows the trace's end line (line "
            + lines.size()
            + ")");
  }

  @Test
  void aFormatVersionBeyondAnyIntegerIsNewerNotUnknown() throws IOException {
    for (String version : List.of("4294967296", "99999999999999999999999")) {
      Path trace = temp.resolve("v" + version.length() + ".jsonl");
      Files.writeString(
          trace,
          "{\"type\":\"header\",\"format\":\"faultline-trace\",\"version\":" + version + "}\n");
      Result replay = CommandLineTest.faultline("replay", trace.toString());
      assertThat(replay.exitCode()).isEqualTo(2);
      assertOneLine(replay, trace + ":1:1: version: trace format version " + version + " is newer");
    }
  }

  @Test
  void anEmptyFileAndAnEventOfAKnownTypeWithAWrongFieldAreNamed() throws IOException {
    Path empty = temp.resolve("empty.jsonl");
    Files.writeString(empty, "");
    assertOneLine(CommandLineTest.faultline("replay", empty.toString()), empty + ":1:1: empty");

    Path trace = run("bad-field.jsonl");
    List<String> lines = Files.readAllLines(trace);
    lines.set(1, lines.get(1).replace("\"node\":", "\"nodes\":"));
    Files.write(trace, lines);
    Result replay = CommandLineTest.faultline("replay", trace.toString());
    assertThat(replay.exitCode()).isEqualTo(2);
    assertOneLine(replay, trace + ":2:1: nodes: not a trace event: a start event has no field");
  }

  @Test
  void aFormatVersionOneTraceStillReplays() throws Exception {
    Path trace = run("v1.jsonl");
    List<String> lines = Files.readAllLines(trace);
    lines.set(0, lines.getFirst().replace("\"version\":2", "\"version\":1"));
    StringBuilder body = new StringBuilder();
    lines.subList(0, lines.size() - 1).forEach(line -> body.append(line).append('\n'));
    String sha256 =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Files.writeString(
        trace,
        body
            + "{\"type\":\"end\",\"events\":"
            + (lines.size() - 2)
            + ",\"traceSha256\":\""
            + sha256
            + "\"}\n");
    String fingerprint =
        CommandLineTest.JSON
            .readTree(CommandLineTest.faultline("run", "clocks/lww-skew-hlc", "--json").out())
            .get("fingerprint")
            .asText();

    Result replay = CommandLineTest.faultline("replay", trace.toString());

    assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
    assertThat(replay.out())
        .startsWith("identical")
        .contains("fingerprint " + fingerprint, "format version 1");
  }

  @Test
  void aRewrittenEventWithARecomputedFileHashStillFailsItsFingerprint() throws Exception {
    Path trace = run("forged.jsonl");
    List<String> lines = Files.readAllLines(trace);
    StringBuilder body = new StringBuilder();
    lines
        .subList(0, lines.size() - 1)
        .forEach(
            line -> body.append(line.replace("\"value\":\"a\"", "\"value\":\"A\"")).append('\n'));
    String sha256 =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    String end =
        lines
            .getLast()
            .replaceAll("\"fileSha256\":\"[0-9a-f]+\"", "\"fileSha256\":\"" + sha256 + "\"");
    Files.writeString(trace, body + end + "\n");

    Result replay = CommandLineTest.faultline("replay", trace.toString());

    assertThat(replay.exitCode()).isEqualTo(2);
    assertOneLine(replay, trace + ":" + lines.size() + ":1: fingerprint: the events give");
  }

  private Path run(String name) {
    Path trace = temp.resolve(name);
    Result run =
        CommandLineTest.faultline("run", "clocks/lww-skew-hlc", "--trace", trace.toString());
    assertThat(run.exitCode()).isZero();
    return trace;
  }

  private static void assertOneLine(Result result, String prefix) {
    assertThat(result.err()).startsWith("faultline: " + prefix);
    assertThat(result.err().strip().lines().count()).as(result.err()).isEqualTo(1);
    assertThat(result.err()).doesNotContain("Exception", "\tat ");
  }
}
