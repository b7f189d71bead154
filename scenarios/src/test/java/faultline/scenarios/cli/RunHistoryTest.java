package faultline.scenarios.cli;

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
 * {@code run --history} hands a run's client operations to {@code check}: the history of a correct
 * Raft run is linearizable, the stale-read demonstration's is not, and both agree with the
 * end-of-run check the run did itself.
 */
class RunHistoryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  @Test
  void aCorrectRunsHistoryChecksLinearizableAndMatchesTheTrace() throws IOException {
    Path history = temp.resolve("h.jsonl");
    Path trace = temp.resolve("t.jsonl");
    Result run =
        CommandLineTest.faultline(
            "run",
            "raft/leader-election",
            "--history",
            history.toString(),
            "--trace",
            trace.toString());
    assertThat(run.exitCode()).isZero();

    List<String> lines = Files.readAllLines(history);
    long clientEvents =
        Files.readAllLines(trace).stream()
            .filter(line -> line.contains("\"type\":\"client\""))
            .count();
    assertThat(lines).hasSize((int) clientEvents).isNotEmpty();
    long invokes = lines.stream().filter(line -> line.contains("\"type\":\"invoke\"")).count();
    assertThat(run.out())
        .contains(
            "history: " + invokes + " operations written to " + history,
            "check: ./faultline check " + history + " --model kv");
    JsonNode first = JSON.readTree(lines.getFirst());
    assertThat(first.get("type").asText()).isEqualTo("invoke");
    assertThat(first.has("process") && first.has("f") && first.has("time")).isTrue();

    Result check = CommandLineTest.faultline("check", history.toString(), "--model", "kv");
    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
    assertThat(check.out()).contains("linearizable");
  }

  @Test
  void theStaleReadDemonstrationsHistoryIsNotLinearizable() {
    Path history = temp.resolve("stale.jsonl");
    Result run =
        CommandLineTest.faultline("run", "raft/stale-read", "--history", history.toString());
    assertThat(run.exitCode()).isEqualTo(1);

    Result check = CommandLineTest.faultline("check", history.toString(), "--model", "kv");
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out()).contains("NOT linearizable");
  }

  @Test
  void aRunWithoutClientsSaysItsHistoryIsEmpty() throws IOException {
    Path history = temp.resolve("none.jsonl");
    Result run =
        CommandLineTest.faultline("run", "clocks/lamport", "--history", history.toString());
    assertThat(run.out()).contains("is empty: no client of this run invoked an operation");
    assertThat(Files.readString(history)).isEmpty();
  }

  @Test
  void anUnwritableHistoryIsAUserError() throws IOException {
    Path blocker = Files.writeString(temp.resolve("file"), "x");
    Result run =
        CommandLineTest.faultline(
            "run", "clocks/lamport", "--history", blocker.resolve("h.jsonl").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .startsWith("faultline: --history: cannot write")
        .doesNotContain("\n");
  }
}
