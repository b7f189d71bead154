package faultline.scenarios.cli;

import static faultline.scenarios.cli.CommandLineTest.faultline;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.scenarios.cli.CommandLineTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long work can be given a real-time budget ({@code --wall-limit}). A run or sweep that uses it up
 * stops between events, says so, writes what it has (a trace that ends properly and replays to the
 * same point, the results of the seeds that ran), and is inconclusive (exit 5), never a pass. How
 * it works: a budget of one nanosecond is used up before the first check, so every test stops at
 * the first chance it has.
 */
class LongRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  @Test
  void aRunOutOfRealTimeStopsInconclusiveAndItsTraceEndsProperly() throws IOException {
    Path trace = temp.resolve("cut.jsonl");
    Result run =
        faultline(
            "run",
            "raft/split-brain",
            "--until",
            "1h",
            "--wall-limit",
            "1ns",
            "--trace",
            trace.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(5);
    assertThat(run.out()).contains("wall-clock limit").doesNotContain("expectations: met");
    String last = Files.readAllLines(trace).getLast();
    JsonNode end = JSON.readTree(last);
    assertThat(end.get("type").asText()).isEqualTo("end");
    Result replay = faultline("replay", trace.toString());
    assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
    assertThat(replay.out()).startsWith("identical: raft/split-brain, seed ");
  }

  @Test
  void aRunOutOfRealTimeSaysSoInJson() throws IOException {
    Result run =
        faultline("run", "raft/split-brain", "--until", "1h", "--wall-limit", "1ns", "--json");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(5);
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.toString()).contains("wall-clock-limit");
  }

  @Test
  void aSweepOutOfRealTimeWritesNoHalfResultsAndIsInconclusive() throws IOException {
    Path out = temp.resolve("results.jsonl");
    Result sweep =
        faultline(
            "sweep",
            "clocks/hlc-faults",
            "--seeds",
            "1..50",
            "--wall-limit",
            "1ns",
            "--out",
            out.toString());
    assertThat(sweep.exitCode()).as(sweep.out() + sweep.err()).isEqualTo(5);
    assertThat(sweep.out()).contains("stopped at --wall-limit after 0 of 50 seeds");
    assertThat(Files.readString(out)).isEmpty();
  }

  @Test
  void durationOptionsShareTheScenarioFilesLimitAndSayWhatIsWrong() {
    Result tooLong = faultline("run", "clocks/lamport", "--until", "1000000h");
    assertThat(tooLong.exitCode()).isEqualTo(2);
    assertThat(tooLong.err()).contains("--until: at most").contains("100 years");
    Result zero = faultline("run", "clocks/lamport", "--wall-limit", "0s");
    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(zero.err()).contains("--wall-limit: must be longer than 0s");
    Result garbage = faultline("sweep", "clocks/lamport", "--seeds", "1..2", "--wall-limit", "x");
    assertThat(garbage.exitCode()).isEqualTo(2);
    assertThat(garbage.err()).startsWith("faultline: --wall-limit: ").doesNotContain("Exception");
  }
}
