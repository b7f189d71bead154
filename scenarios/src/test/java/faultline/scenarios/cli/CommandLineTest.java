package faultline.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as users meet it: exit codes 0/1/2, one-line errors that name the file, line,
 * column and field, and never a stack trace for a user's mistake.
 */
class CommandLineTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  record Result(int exitCode, String out, String err) {}

  static Result faultline(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void listShowsEveryBundledScenarioOnOneLine() {
    Result result = faultline("list");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("clocks/lww-skew", "clocks/hlc-skew");
    assertThat(result.out().lines().count())
        .isEqualTo(faultline.scenarios.catalog.Catalog.names().size());
  }

  @Test
  void versionNamesTheTraceFormatItWrites() {
    Result result = faultline("--version");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("faultline-trace " + faultline.engine.trace.TraceFormat.VERSION + ")");
  }

  @Test
  void describeExplainsTheScenario() {
    Result result = faultline("describe", "clocks/hlc-skew");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("lww-register", "clocks.hlc-bounded-by-causal-past", "at 2s", "n1 n2 n3 n4");
  }

  @Test
  void describeListsTheNarrationsSteps() {
    Result result = faultline("describe", "raft/split-brain");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains(
            "narration   5 steps",
            "  1. the 1st state event on n1 with state.role \"LEADER\"",
            "n1 wins the election of term 1",
            "  2. the 1st partition event");
    assertThat(faultline("describe", "clocks/hlc-skew").out()).doesNotContain("narration");
  }

  @Test
  void runPrintsTheContractJsonAndExitsOneOnAViolation() throws IOException {
    Result result = faultline("run", "clocks/lww-skew", "--json");
    assertThat(result.exitCode()).isEqualTo(1);
    JsonNode json = JSON.readTree(result.out());
    assertThat(json.get("scenario").asText()).isEqualTo("clocks/lww-skew");
    assertThat(json.get("seed").asLong()).isEqualTo(42);
    assertThat(json.get("events").asLong()).isPositive();
    // Both writes are done well before the 1 s limit, so the run ends quiescent, early.
    assertThat(json.get("virtualTimeNanos").asLong()).isBetween(200_000_000L, 1_000_000_000L);
    assertThat(json.get("stopReason").asText()).isEqualTo("quiescent");
    assertThat(json.get("fingerprint").asText()).matches("[0-9a-f]{64}");
    JsonNode violation = json.get("violations").get(0);
    assertThat(violation.get("invariant").asText()).isEqualTo("register.causal-lww");
    assertThat(violation.fieldNames())
        .toIterable()
        .contains("invariant", "seq", "timeNanos", "node", "message");
    assertThat(json.get("metrics").get("register.lostUpdates.wall").asLong()).isPositive();
    assertThat(json.get("expectations").get("met").asBoolean()).isTrue();
    assertThat(result.out().strip().lines().count()).isEqualTo(1);
  }

  @Test
  void aLegalButUnwiseRaftClusterRunsWithAWarningOnStandardError() throws IOException {
    Path file = temp.resolve("four.json");
    Files.writeString(
        file,
        """
        {"description": "Four servers: legal, but no more fault-tolerant than three.",
         "protocol": "raft", "nodes": 4, "run": {"duration": "1s"}}
        """);
    Result result = faultline("run", file.toString(), "--json");
    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).startsWith("warning: " + file + ":1:").contains("params.servers");
    assertThat(JSON.readTree(result.out()).get("metrics").get("raft.leaderChanges").asLong())
        .isPositive();
  }

  @Test
  void runOfARaftScenarioReportsItsMetrics() throws IOException {
    Result result = faultline("run", "raft/split-brain", "--json");
    assertThat(result.exitCode()).isZero();
    JsonNode metrics = JSON.readTree(result.out()).get("metrics");
    assertThat(metrics.fieldNames())
        .toIterable()
        .contains(
            "raft.leaderChanges",
            "raft.leaderlessNanos",
            "raft.electionP50Nanos",
            "raft.commitLatencyP50Nanos",
            "raft.commitLatencyP99Nanos",
            "kv.okPerSecond");
  }

  @Test
  void runExitsZeroWhenEveryInvariantHolds() {
    Result result = faultline("run", "clocks/lww-skew-hlc");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("invariants: all held", "expectations: met", "--seed 42");
  }

  @Test
  void aTraceReplaysIdentically() throws IOException {
    Path trace = temp.resolve("run.jsonl");
    assertThat(faultline("run", "clocks/hlc-skew", "--trace", trace.toString()).exitCode())
        .isZero();
    List<String> lines = Files.readAllLines(trace);
    assertThat(lines.getFirst())
        .startsWith("{\"type\":\"header\",\"format\":\"faultline-trace\",\"version\":2");
    assertThat(lines.getLast()).startsWith("{\"type\":\"end\"");

    Result replay = faultline("replay", trace.toString());

    assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
    assertThat(replay.out()).startsWith("identical");
  }

  @Test
  void untilShortensTheRunAndTheTraceStillReplays() throws IOException {
    Path trace = temp.resolve("short.jsonl");
    Result run =
        faultline("run", "clocks/hlc-skew", "--until", "1500ms", "--trace", trace.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("ran 1.5s of virtual time", "--until 1.5s", "not judged");
    assertThat(faultline("replay", trace.toString()).exitCode()).isZero();
  }

  @Test
  void aRunCutShortReplaysEvenWhenParametersDependOnTheScenariosLength() throws IOException {
    // Raft's clients take their defaults from the scenario's duration; the header keeps the
    // duration and records where the run stopped, so the replay configures the same run.
    Path trace = temp.resolve("cut.jsonl");
    Result run =
        faultline(
            "run",
            "raft/random-faults",
            "--seed",
            "77",
            "--until",
            "3s",
            "--trace",
            trace.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(Files.readAllLines(trace).getFirst())
        .contains("\"run\":{\"duration\":\"8s\",\"until\":\"3s\"}");

    Result replay = faultline("replay", trace.toString());

    assertThat(replay.exitCode()).as(replay.out()).isZero();
  }

  @Test
  void aTruncatedTraceIsBadInput() throws IOException {
    Path trace = temp.resolve("cut.jsonl");
    faultline("run", "clocks/lww-skew-hlc", "--trace", trace.toString());
    byte[] bytes = Files.readAllBytes(trace);
    Files.write(trace, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    Result replay = faultline("replay", trace.toString());

    assertThat(replay.exitCode()).isEqualTo(2);
    assertSingleLineError(replay, trace + ":");
    assertThat(replay.err()).contains("truncated");
  }

  @Test
  void anEditedTraceIsBadInput() throws IOException {
    Path trace = temp.resolve("edited.jsonl");
    faultline("run", "clocks/lww-skew-hlc", "--trace", trace.toString());
    String text = Files.readString(trace).replaceFirst("\"value\":\"a\"", "\"value\":\"A\"");
    Files.writeString(trace, text);

    Result replay = faultline("replay", trace.toString());

    assertThat(replay.exitCode()).isEqualTo(2);
    assertSingleLineError(replay, trace + ":");
    assertThat(replay.err()).contains("fileSha256", "edited");
  }

  @Test
  void aTraceFromANewerFormatIsBadInput() throws IOException {
    Path trace = temp.resolve("future.jsonl");
    Files.writeString(
        trace,
        "{\"type\":\"header\",\"format\":\"faultline-trace\",\"version\":3}\n",
        StandardCharsets.UTF_8);
    Result replay = faultline("replay", trace.toString());
    assertThat(replay.exitCode()).isEqualTo(2);
    assertSingleLineError(replay, trace + ":1:1: version: trace format version 3 is newer");
  }

  @Test
  void somethingThatIsNotATraceIsBadInput() throws IOException {
    Path notATrace = temp.resolve("notes.txt");
    Files.writeString(notATrace, "hello\n");
    Result replay = faultline("replay", notATrace.toString());
    assertThat(replay.exitCode()).isEqualTo(2);
    assertSingleLineError(replay, notATrace + ":1:");
  }

  @Test
  void aScenarioFileWithAMistakeNamesFileLineColumnAndField() throws IOException {
    Path file = temp.resolve("mine.json");
    Files.writeString(
        file,
        """
        {
          "description": "a scenario with a typo in it, to see the error message",
          "protocol": "lww-register",
          "nodes": ["n1", "n2"],
          "run": {"duration": "1s"},
          "faults": [{"at": "2s", "type": "crash", "node": "n1"}]
        }
        """);
    Result result = faultline("run", file.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertSingleLineError(result, file + ":6:");
    assertThat(result.err()).contains("faults[0].at", "after the end of the run");
  }

  @Test
  void unknownScenarioAndBadOptionsAreBadUsage() {
    assertThat(faultline("run", "clocks/nope").exitCode()).isEqualTo(2);
    assertThat(faultline("run", "clocks/lamport", "--until", "soon").exitCode()).isEqualTo(2);
    assertThat(faultline("run", "clocks/lamport", "--seed", "x").exitCode()).isEqualTo(2);
    assertThat(faultline("frobnicate").exitCode()).isEqualTo(2);
    assertThat(faultline().exitCode()).isEqualTo(2);
  }

  private static void assertSingleLineError(Result result, String prefix) {
    assertThat(result.err()).startsWith("faultline: " + prefix);
    assertThat(result.err().strip().lines().count()).as(result.err()).isEqualTo(1);
    assertThat(result.err()).doesNotContain("Exception", "\tat ");
  }
}
