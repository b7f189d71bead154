package faultline.visualizer.app;

import static faultline.visualizer.app.CommandLine.execute;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.scenarios.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export} of a window of a run ({@code --until}, {@code --from}), to standard output ({@code
 * -o -}), and the options that do not apply to a format, through the real command line: a scenario
 * cut with {@code --until} is the run {@code run --until} makes, a trace cut so is its own
 * beginning, a pipe receives only the export, and every misplaced option is one line and exit 2.
 */
class ExportWindowTest {
  @TempDir Path directory;

  private String file(String name) {
    return directory.resolve(name).toString();
  }

  @Test
  void untilRunsAScenarioAsRunUntilDoes() throws Exception {
    CommandLine run =
        execute("run", "raft/stale-read", "--until", "1s", "--history", file("run-1s.jsonl"));
    assertThat(run.out()).as(run.err()).contains("history: ");
    CommandLine export =
        execute(
            "export",
            "raft/stale-read",
            "--format",
            "history",
            "--until",
            "1s",
            "-o",
            file("e.jsonl"));
    assertThat(export.code()).as(export.err()).isZero();
    String cut = Files.readString(Path.of(file("e.jsonl")));
    assertThat(cut).isEqualTo(Files.readString(Path.of(file("run-1s.jsonl")))).isNotEmpty();
    execute("export", "raft/stale-read", "--format", "history", "-o", file("whole.jsonl"));
    assertThat(Files.readString(Path.of(file("whole.jsonl")))).hasSizeGreaterThan(cut.length());
  }

  @Test
  void untilKeepsATracesEventsUpToThen() throws Exception {
    CommandLine run = execute("run", "raft/stale-read", "--trace", file("t.jsonl"));
    assertThat(run.code()).as(run.err()).isEqualTo(1);
    assertThat(execute("export", file("t.jsonl"), "-o", file("whole.log")).code()).isZero();
    CommandLine cut = execute("export", file("t.jsonl"), "--until", "500ms", "-o", file("cut.log"));
    assertThat(cut.code()).as(cut.err()).isZero();
    List<String> whole = Files.readAllLines(Path.of(file("whole.log")));
    List<String> part = Files.readAllLines(Path.of(file("cut.log")));
    // ShiViz lines come in trace order with clocks from the events before them: the cut log is
    // the whole log's beginning, up to the last event at or before 500 ms.
    assertThat(part.size()).isBetween(3, whole.size() - 1);
    assertThat(whole.subList(0, part.size())).isEqualTo(part);
    assertThat(seconds(part.getLast())).isLessThanOrEqualTo(0.5);
    assertThat(seconds(whole.get(part.size()))).isGreaterThan(0.5);

    CommandLine picture =
        execute(
            "export", file("t.jsonl"), "--from", "200ms", "--until", "500ms", "-o", file("w.svg"));
    assertThat(picture.code()).as(picture.err()).isZero();
    CommandLine wholePicture = execute("export", file("t.jsonl"), "-o", file("whole.svg"));
    assertThat(events(picture.out())).isLessThan(events(wholePicture.out()));
    assertThat(Files.readString(Path.of(file("w.svg"))))
        .contains("--from 200ms --until 500ms")
        .hasSizeLessThan(Files.readString(Path.of(file("whole.svg"))).length());
  }

  @Test
  void stepsUpToUntilLeaveOutTheLaterOnesAndSaySo() throws Exception {
    CommandLine result =
        execute(
            "export",
            "raft/split-brain",
            "--steps",
            file("slides"),
            "--until",
            "2s",
            "--format",
            "svg");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("wrote 3 steps", "step-01 step-02 step-03")
        .contains("left out: narration step 5 finds nothing");
    assertThat(Files.readString(directory.resolve("slides").resolve("step-01.svg")))
        .contains("raft/split-brain --seed 11 --until 2s");
    CommandLine from = execute("export", "raft/split-brain", "--steps", file("s"), "--from", "1s");
    assertThat(from.code()).isEqualTo(2);
    assertThat(from.err()).hasLineCount(1).contains("--from: not with --steps");
  }

  @Test
  void dashWritesADataFormatToStandardOutputAndTheSummaryToStandardError() throws Exception {
    CommandLine piped = execute("export", "paxos/basic", "--format", "shiviz", "-o", "-");
    assertThat(piped.code()).as(piped.err()).isZero();
    execute("export", "paxos/basic", "--format", "shiviz", "-o", file("basic.log"));
    assertThat(piped.out()).isEqualTo(Files.readString(Path.of(file("basic.log"))));
    assertThat(piped.err()).startsWith("wrote standard output: ShiViz log,").hasLineCount(1);
    CommandLine history = execute("export", "raft/stale-read", "--format", "history", "--out", "-");
    assertThat(history.out().lines().count()).isEqualTo(274);
    assertThat(history.err()).as("check cannot read standard output back").doesNotContain("check");
    try (var left = Files.list(directory)) {
      assertThat(left.map(path -> path.getFileName().toString())).containsExactly("basic.log");
    }
  }

  @Test
  void aReaderThatGoesAwayStopsTheExport() {
    ClosingAfter reader = new ClosingAfter(100_000);
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new PrintWriter(reader, false, StandardCharsets.UTF_8),
            new PrintWriter(err),
            "export",
            "raft/stale-read",
            "--format",
            "perfetto",
            "-o",
            "-");
    assertThat(code)
        .as("128 + SIGPIPE, as a shell reports a filter whose reader left")
        .isEqualTo(141);
    assertThat(err.toString()).as("a reader that leaves is not an error").isEmpty();
    assertThat(reader.attempts).as("writes after the close").isLessThan(3);
  }

  @Test
  void optionsThatDoNotApplyToTheFormatAreOneLineAndExitTwo() {
    assertRefused(
        "--width applies to pictures (svg, png, --steps), not to the shiviz format",
        "export",
        "paxos/basic",
        "--format",
        "shiviz",
        "-o",
        file("x.log"),
        "--width",
        "800");
    assertRefused(
        "--font-size applies to pictures (svg, png, --steps), not to the perfetto format",
        "export",
        "paxos/basic",
        "-o",
        file("x.json"),
        "--font-size",
        "20");
    assertRefused(
        "--from applies to pictures (svg, png), not to the edn format",
        "export",
        "paxos/basic",
        "-o",
        file("x.edn"),
        "--from",
        "1s");
    assertRefused(
        "--out -: a picture is not written to standard output; name a .svg file",
        "export",
        "paxos/basic",
        "--format",
        "svg",
        "-o",
        "-");
    assertRefused(
        "--out -: give the format to write to standard output: --format shiviz",
        "export",
        "paxos/basic",
        "-o",
        "-");
    assertRefused(
        "--from 2s must come before --until 1s",
        "export",
        "paxos/basic",
        "-o",
        file("x.svg"),
        "--from",
        "2s",
        "--until",
        "1s");
    assertRefused(
        "--from 10s: the run ends at ",
        "export",
        "paxos/basic",
        "-o",
        file("x.svg"),
        "--from",
        "10s");
    assertRefused(
        "--until: must be longer than 0s",
        "export",
        "paxos/basic",
        "-o",
        file("x.log"),
        "--until",
        "0s");
    assertRefused(
        "--from: not a duration", "export", "paxos/basic", "-o", file("x.svg"), "--from", "soon");
    try (var left = Files.list(directory)) {
      assertThat(left).as("nothing written").isEmpty();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void assertRefused(String says, String... args) {
    CommandLine result = execute(args);
    assertThat(result.code()).as(String.join(" ", args) + "\n" + result.err()).isEqualTo(2);
    assertThat(result.err()).hasLineCount(1).startsWith("faultline: ").contains(says);
  }

  /** The true time of a ShiViz log line, in seconds ({@code n2 {...} 0.012500000s INFO ...}). */
  private static double seconds(String line) {
    String[] words = line.split(" ");
    for (String word : words) {
      if (word.matches("\\d+\\.\\d{9}s")) {
        return Double.parseDouble(word.substring(0, word.length() - 1));
      }
    }
    throw new AssertionError("no time in " + line);
  }

  /** The event count in {@code wrote x.svg (svg, 1,234 events)}. */
  private static int events(String wrote) {
    String count = wrote.replaceFirst("(?s).*\\(\\w+, ([\\d,]+) events\\).*", "$1");
    return Integer.parseInt(count.replace(",", ""));
  }

  /** Standard output whose reader goes away (a pipe into head) after some bytes. */
  private static final class ClosingAfter extends OutputStream {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int limit;
    int attempts;

    ClosingAfter(int limit) {
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (kept.size() + length > limit) {
        attempts++;
        throw new IOException("Broken pipe");
      }
      kept.write(bytes, offset, length);
    }
  }
}
