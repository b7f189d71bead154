package faultline.visualizer.app;

import static faultline.visualizer.app.CommandLine.execute;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.visualizer.trace.TraceFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --format shiviz|edn|history} through the real command line, from a scenario and
 * from a trace file: the files are written whole, the history is the one {@code run --history}
 * writes and {@code check} gives the run's verdict on it; an unknown format, a format with {@code
 * --steps}, and a trace found truncated are one line and exit 2, leaving no file behind.
 */
class DataExportCommandTest {
  @TempDir Path directory;

  private String file(String name) {
    return directory.resolve(name).toString();
  }

  @Test
  void historyFromATraceIsRunHistoryAndCheckGivesTheRunsVerdict() throws Exception {
    CommandLine run =
        execute(
            "run", "raft/stale-read", "--trace", file("t.jsonl"), "--history", file("run.jsonl"));
    assertThat(run.code()).as(run.err()).isEqualTo(1);
    CommandLine export =
        execute("export", file("t.jsonl"), "--format", "history", "--out", file("h.jsonl"));
    assertThat(export.code()).as(export.err()).isZero();
    assertThat(export.out())
        .startsWith("wrote " + file("h.jsonl") + ": history (JSON Lines), 274 operations")
        .contains("--model kv");
    assertThat(Files.readString(Path.of(file("h.jsonl"))))
        .isEqualTo(Files.readString(Path.of(file("run.jsonl"))));
    assertThat(execute("check", file("h.jsonl"), "--model", "kv").code()).isEqualTo(1);
    CommandLine jsonl =
        execute("export", "raft/stale-read", "--format", "jsonl", "--out", file("s.jsonl"));
    assertThat(jsonl.code()).isZero();
    assertThat(Files.readString(Path.of(file("s.jsonl"))))
        .isEqualTo(Files.readString(Path.of(file("run.jsonl"))));
  }

  @Test
  void shivizAndEdnFromAScenario() throws Exception {
    CommandLine shiviz =
        execute("export", "paxos/basic", "--format", "shiviz", "--out", file("basic.log"));
    assertThat(shiviz.code()).as(shiviz.err()).isZero();
    assertThat(shiviz.out()).contains("ShiViz log,", "events on 3 hosts");
    List<String> lines = Files.readAllLines(Path.of(file("basic.log")));
    assertThat(lines.get(0)).startsWith("^(?<host>");
    assertThat(lines.get(1)).isEmpty();
    assertThat(lines.get(2)).matches("n1 \\{\"n1\":1\\} 0\\.000000000s INFO \\d+ start");

    CommandLine edn =
        execute("export", "raft/stale-read", "--format", "edn", "--out", file("h.edn"));
    assertThat(edn.code()).as(edn.err()).isZero();
    assertThat(edn.out()).contains("Jepsen history (EDN), 274 operations, 137 invoked");
    assertThat(Files.readAllLines(Path.of(file("h.edn"))).getFirst())
        .startsWith("{:index 0, :time ")
        .contains(":type :invoke, :process ");
  }

  @Test
  void theFileNameSaysTheFormatAndTheFileIsReadableByOthers() throws Exception {
    CommandLine perfetto = execute("export", "paxos/basic", "--out", file("basic.json"));
    assertThat(perfetto.code()).as(perfetto.err()).isZero();
    assertThat(perfetto.out()).contains("Chrome trace JSON for Perfetto", " 0 violations");
    CommandLine shiviz = execute("export", "paxos/basic", "--out", file("basic.log"));
    assertThat(shiviz.out()).contains("ShiViz log,");
    CommandLine empty = execute("export", "paxos/basic", "--out", file("basic.edn"));
    assertThat(empty.out()).contains("Jepsen history (EDN), empty: no client operations");
    if (Files.getFileStore(directory).supportsFileAttributeView("posix")) {
      // The user's umask, as for any file they write, not a temporary file's owner-only mode,
      // which would keep a shared ShiViz or Perfetto page out.
      Path plain = Files.createFile(directory.resolve("plain"));
      assertThat(Files.getPosixFilePermissions(Path.of(file("basic.json"))))
          .isEqualTo(Files.getPosixFilePermissions(plain));
    }
  }

  @Test
  void badFormatsAndBadTracesAreOneLineAndExitTwo() throws Exception {
    CommandLine unknown =
        execute("export", "paxos/basic", "--format", "graphviz", "--out", file("x"));
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err())
        .hasLineCount(1)
        .contains("unknown format 'graphviz'", "svg, png, shiviz", "edn", "history (or jsonl)");
    assertThat(execute("export", "paxos/basic", "--out", file("x")).err()).contains("shiviz");
    CommandLine steps =
        execute("export", "paxos/basic", "--format", "edn", "--steps", file("slides"));
    assertThat(steps.code()).isEqualTo(2);
    assertThat(steps.err()).hasLineCount(1).contains("--steps draws pictures");

    List<String> trace = TraceFixtures.raftLike();
    Path cut = directory.resolve("cut.jsonl");
    Files.writeString(cut, String.join("\n", trace.subList(0, trace.size() - 1)) + "\n");
    CommandLine truncated =
        execute("export", cut.toString(), "--format", "shiviz", "--out", file("c.log"));
    assertThat(truncated.code()).isEqualTo(2);
    assertThat(truncated.err()).hasLineCount(1).contains("cut.jsonl:", "no end line");
    try (var left = Files.list(directory)) {
      assertThat(left.map(path -> path.getFileName().toString()))
          .as("no export, whole or partial")
          .containsExactly("cut.jsonl");
    }
  }
}
