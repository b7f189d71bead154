package faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.scenarios.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input known to have crashed, misled or confused a user, as one table: the files a case
 * needs, the command line, the exit code it must give and a fragment of the one line it must print.
 * Every row also proves there is no stack trace and no library's internals in what is printed. Add
 * a row for every new case; a row is never removed.
 *
 * <p>{@code {dir}} in an argument is a fresh folder holding the case's files.
 */
class BadInputTableTest {
  private static final int BAD_INPUT = 2;

  /** A scenario that is valid except for what a case puts in {@code %s}. */
  private static final String SCENARIO =
      """
      {"description": "A test scenario.", "protocol": "lww-register", "nodes": ["n1", "n2"],
       "run": {"until": "1s"} %s}
      """;

  /** One row: the files it needs, the arguments, and what must come out. */
  record Case(String name, List<Fixture> fixtures, List<String> args, int exitCode, String says) {
    @Override
    public String toString() {
      return name;
    }

    Case with(String file, String content) {
      return withFixture(dir -> Files.writeString(dir.resolve(file), content));
    }

    Case withFixture(Fixture fixture) {
      List<Fixture> more = new ArrayList<>(fixtures);
      more.add(fixture);
      return new Case(name, List.copyOf(more), args, exitCode, says);
    }
  }

  /** Prepares a case's files in its folder. */
  interface Fixture {
    void create(Path dir) throws IOException;
  }

  private static Case bad(String name, String says, String... args) {
    return new Case(name, List.of(), List.of(args), BAD_INPUT, says);
  }

  /** A case that is no usage error but must end with its own documented code, saying so. */
  private static Case exits(int exitCode, String name, String says, String... args) {
    return new Case(name, List.of(), List.of(args), exitCode, says);
  }

  /** {@code t.jsonl}: a real trace of clocks/lww-skew, then {@code edit} applied to its text. */
  private static Fixture trace(UnaryOperator<String> edit) {
    return dir -> {
      Path trace = dir.resolve("t.jsonl");
      StringWriter discard = new StringWriter();
      int exitCode =
          Main.execute(
              new PrintWriter(discard),
              new PrintWriter(discard),
              "run",
              "clocks/lww-skew",
              "--trace",
              trace.toString());
      assertThat(exitCode).as(discard.toString()).isEqualTo(1);
      Files.writeString(trace, edit.apply(Files.readString(trace)));
    };
  }

  /** A file of {@code bytes} zeros that takes no disk space (sparse). */
  private static Fixture sparse(String file, long bytes) {
    return dir -> {
      try (RandomAccessFile out = new RandomAccessFile(dir.resolve(file).toFile(), "rw")) {
        out.setLength(bytes);
      }
    };
  }

  private static final long GIB = 1024L * 1024 * 1024;

  /**
   * {@code file}, which exists but cannot be read: a file without permissions or, where permissions
   * do not stop the user (root), a link to a write-only kernel attribute (Linux's {@code
   * /sys/bus/<bus>/uevent}), which refuses a read to everyone.
   */
  private static Fixture unreadable(String file) {
    return dir -> {
      Path path = dir.resolve(file);
      Files.writeString(path, "{}");
      Files.setPosixFilePermissions(path, Set.of());
      if (readable(path)) {
        Files.delete(path);
        Path writeOnly = writeOnlyKernelFile();
        Assumptions.assumeTrue(writeOnly != null, "nothing here refuses this user a read");
        Files.createSymbolicLink(path, writeOnly);
      }
    };
  }

  private static Path writeOnlyKernelFile() throws IOException {
    Path buses = Path.of("/sys/bus");
    if (!Files.isDirectory(buses)) {
      return null;
    }
    try (Stream<Path> each = Files.list(buses)) {
      for (Path bus : each.sorted().toList()) {
        Path uevent = bus.resolve("uevent");
        if (Files.exists(uevent) && !readable(uevent)) {
          return uevent;
        }
      }
    }
    return null;
  }

  private static boolean readable(Path path) {
    try (var in = Files.newInputStream(path)) {
      in.read();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        // Item 4: commands, options and names a newcomer mistypes.
        bad("misspelled command", "unknown command 'rnu'; did you mean 'run'?", "rnu"),
        bad(
            "misspelled option",
            "unknown option '--sed'; did you mean '--seed'?",
            "run",
            "clocks/lww-skew",
            "--sed",
            "3"),
        bad("misspelled scenario", "did you mean 'raft/split-brain'?", "run", "raft/split-brian"),
        bad(
            "scenario without its folder",
            "did you mean 'raft/split-brain'?",
            "describe",
            "split-brain"),
        bad(
            "seed not a number",
            "--seed: 'abc' is not a whole number",
            "run",
            "clocks/lww-skew",
            "--seed",
            "abc"),
        bad(
            "seed out of range",
            "--seed: '99999999999999999999' is out of range",
            "run",
            "clocks/lww-skew",
            "--seed",
            "99999999999999999999"),
        bad(
            "hint not a number",
            "--hint: 'x' is not a whole number",
            "grade",
            "e01",
            "--hint",
            "x"),
        bad("extra argument", "unexpected argument 'b'", "run", "clocks/lww-skew", "b"),
        bad("missing scenario", "missing <scenario>", "run"),
        bad(
                "history with NaN",
                "'NaN' is not a JSON value",
                "check",
                "{dir}/h.jsonl",
                "--model",
                "register")
            .with("h.jsonl", "{\"process\":0,\"type\":\"invoke\",\"f\":\"write\",\"value\":NaN}\n"),
        bad(
                "history nested too deep",
                "nested more than 1000 levels deep",
                "check",
                "{dir}/h.jsonl",
                "--model",
                "register")
            .with("h.jsonl", "{\"value\":" + "[".repeat(1200) + "\n"),
        bad("scenario with NaN", "'NaN' is not a JSON value", "run", "{dir}/s.json")
            .with("s.json", SCENARIO.formatted(", \"seed\": NaN")),
        bad(
                "history line with a single-quoted name",
                "h.jsonl:1:",
                "check",
                "{dir}/h.jsonl",
                "--model",
                "register")
            .with("h.jsonl", "{'process':0}\n"),

        // Item 10: a scenario's text cannot forge output or commands.
        bad(
                "name with a line break",
                "a scenario name starts with a letter or digit",
                "run",
                "{dir}/s.json")
            .with(
                "s.json",
                SCENARIO.formatted(", \"name\": \"x\\ninvariants: all held\\nexpectations: met\"")),
        bad(
                "name with shell syntax",
                "a scenario name starts with a letter or digit",
                "run",
                "{dir}/s.json")
            .with("s.json", SCENARIO.formatted(", \"name\": \"x; touch /tmp/x\"")),
        bad(
                "description with an escape sequence",
                "contains the control character U+001B",
                "describe",
                "{dir}/s.json")
            .with(
                "s.json",
                SCENARIO.formatted("").replace("A test scenario.", "A test \\u001b[2J scenario.")),

        // Item 13: files that are not what they seem.
        bad("folder as a scenario", "is a folder", "run", "{dir}"),
        bad(
            "missing scenario file",
            "no bundled scenario or file named",
            "run",
            "{dir}/missing.json"),
        bad(
            "missing history file",
            "no such file",
            "check",
            "{dir}/missing.jsonl",
            "--model",
            "register"),
        bad("folder as a history", "is a folder", "check", "{dir}", "--model", "register"),
        bad("empty --trace", "--trace: the path is empty", "run", "clocks/lww-skew", "--trace", ""),
        bad(
            "--trace is a folder",
            "is a folder; name a file",
            "run",
            "clocks/lww-skew",
            "--trace",
            "{dir}"),
        bad(
            "--trace and --history one file",
            "--trace and --history both name",
            "run",
            "clocks/lww-skew",
            "--trace",
            "{dir}/x.jsonl",
            "--history",
            "{dir}/x.jsonl"),
        bad(
            "NUL in an output path",
            "--trace: the path \"a\\u0000b\" contains a NUL",
            "run",
            "clocks/lww-skew",
            "--trace",
            "a\u0000b"),
        bad("NUL in a scenario path", "contains a NUL character", "run", "a\u0000b.json"),

        // Item 12: outputs that cannot be written are usage errors, with the reason.
        bad(
                "--trace under a file",
                "is a file, not a folder",
                "run",
                "clocks/lww-skew",
                "--trace",
                "{dir}/file/run.jsonl")
            .with("file", "x"),
        bad("handout --out is a file", "--out: ", "handout", "--out", "{dir}/file")
            .with("file", "x"),
        bad(
                "grade --traces under a file",
                "--traces: cannot write in",
                "grade",
                "e01",
                "--traces",
                "{dir}/file/traces")
            .with("file", "x"),
        bad(
                "sweep --out under a file",
                "is a file, not a folder",
                "sweep",
                "clocks/lww-skew",
                "--seeds",
                "1",
                "--out",
                "{dir}/file/out.jsonl")
            .with("file", "x"),

        // Item 7: inputs too large to read whole.
        bad("3 GiB history", "longer than 1 MiB", "check", "{dir}/big.jsonl", "--model", "register")
            .withFixture(sparse("big.jsonl", 3 * GIB)),
        bad("3 GiB scenario", "larger than 64 MiB", "run", "{dir}/big.json")
            .withFixture(sparse("big.json", 3 * GIB)),
        bad("3 GiB sweep part", "longer than 1 MiB", "sweep", "merge", "{dir}/big.jsonl")
            .withFixture(sparse("big.jsonl", 3 * GIB)),
        bad("3 GiB trace to replay", "line longer than 16 MiB", "replay", "{dir}/big.jsonl")
            .withFixture(sparse("big.jsonl", 3 * GIB)),
        bad(
                "3 GiB trace to export",
                "line longer than 16 MiB",
                "export",
                "{dir}/big.jsonl",
                "--format",
                "svg",
                "--out",
                "{dir}/big.svg")
            .withFixture(sparse("big.jsonl", 3 * GIB)),

        // Export options that do not apply to the format asked for.
        bad(
            "--width with a data format",
            "--width applies to pictures (svg, png, --steps), not to the shiviz format",
            "export",
            "clocks/lww-skew",
            "--format",
            "shiviz",
            "-o",
            "{dir}/x.log",
            "--width",
            "800"),
        bad(
            "a picture to standard output",
            "--out -: a picture is not written to standard output",
            "export",
            "clocks/lww-skew",
            "--format",
            "png",
            "-o",
            "-"),
        bad(
            "--from with a data format",
            "--from applies to pictures (svg, png), not to the perfetto format",
            "export",
            "clocks/lww-skew",
            "-o",
            "{dir}/x.json",
            "--from",
            "100ms"),

        // Item 9: a run that did not reach its end is inconclusive, never a success.
        exits(5, "run stopped by the event limit", "inconclusive", "run", "{dir}/s.json")
            .with(
                "s.json",
                SCENARIO
                    .formatted(", \"params\": {\"randomWrites\": {\"intervalMin\": \"1ms\"}}")
                    .replace("\"1s\"}", "\"1s\", \"maxEvents\": 3}")),

        // Item 13: one limit in one place, and damage named for what it is.
        bad(
            "--until past the limit every command shares",
            "--until: at most 876600h (100 years)",
            "run",
            "clocks/lww-skew",
            "--until",
            "1000000h"),
        bad(
                "trace format version over 2^31",
                "t.jsonl:1:1: version: trace format version 4294967298 is newer",
                "replay",
                "{dir}/t.jsonl")
            .withFixture(
                trace(text -> text.replaceFirst("\"version\":2", "\"version\":4294967298"))),
        bad(
                "unreadable scenario",
                "unreadable.json: cannot read it: permission denied",
                "run",
                "{dir}/unreadable.json")
            .withFixture(unreadable("unreadable.json")),
        bad(
                "unreadable trace",
                "unreadable.jsonl: cannot read it: permission denied",
                "replay",
                "{dir}/unreadable.jsonl")
            .withFixture(unreadable("unreadable.jsonl")),
        bad(
                "unreadable history",
                "unreadable.jsonl: cannot read it: permission denied",
                "check",
                "{dir}/unreadable.jsonl",
                "--model",
                "kv")
            .withFixture(unreadable("unreadable.jsonl")),
        bad(
            "missing trace to replay",
            "missing.jsonl: cannot read it: no such file",
            "replay",
            "{dir}/missing.jsonl"),
        bad(
            "missing trace to draw",
            "no bundled scenario or file named",
            "export",
            "{dir}/missing.jsonl",
            "--format",
            "svg",
            "--out",
            "{dir}/out.svg"),
        bad(
                "a line after the trace's end line",
                "a line follows the trace's end line",
                "replay",
                "{dir}/t.jsonl")
            .withFixture(trace(text -> text + "{\"type\":\"note\"}\n")),
        bad(
                "a trace cut before its end line",
                "the trace has no end line",
                "replay",
                "{dir}/t.jsonl")
            .withFixture(trace(text -> text.substring(0, text.lastIndexOf("{\"type\":\"end\"")))),
        bad(
                "history with a negative process",
                "process: expected a process number from 0 to 2147483647, got the integer -5",
                "check",
                "{dir}/h.jsonl",
                "--model",
                "register")
            .with("h.jsonl", "{\"process\":-5,\"type\":\"invoke\",\"f\":\"write\",\"value\":1}\n"),
        exits(
                4,
                "check out of --max-states",
                "gave up after 1 state ",
                "check",
                "{dir}/h.jsonl",
                "--model",
                "register",
                "--max-states",
                "1")
            .with(
                "h.jsonl",
                """
                {"process":0,"type":"invoke","f":"write","value":1}
                {"process":0,"type":"ok","f":"write","value":1}
                {"process":1,"type":"invoke","f":"write","value":2}
                {"process":2,"type":"invoke","f":"read","value":null}
                {"process":2,"type":"ok","f":"read","value":1}
                {"process":0,"type":"invoke","f":"cas","value":[2,3]}
                {"process":1,"type":"ok","f":"write","value":2}
                {"process":0,"type":"ok","f":"cas","value":[2,3]}
                """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void givesItsExitCodeAndOneClearLine(Case row, @TempDir Path dir) throws IOException {
    for (Fixture fixture : row.fixtures()) {
      fixture.create(dir);
    }
    String[] args =
        row.args().stream().map(arg -> arg.replace("{dir}", dir.toString())).toArray(String[]::new);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = Main.execute(new PrintWriter(out), new PrintWriter(err), args);

    String printed = err.toString();
    assertThat(exitCode)
        .as("exit code of %s; it printed:%n%s%s", Arrays.toString(args), out, printed)
        .isEqualTo(row.exitCode());
    if (row.exitCode() != BAD_INPUT) {
      // A verdict (undecided, inconclusive) is the command's report on standard output.
      assertThat(out + printed).contains(row.says()).doesNotContain("\tat ", "internal error");
      return;
    }
    List<String> lines = printed.lines().filter(line -> !line.startsWith("Try '")).toList();
    assertThat(lines).as("what %s printed", Arrays.toString(args)).isNotEmpty();
    String message = lines.getLast();
    assertThat(message).startsWith("faultline: ").contains(row.says());
    assertThat(printed)
        .doesNotContain("\tat ", "Exception", "java.", "com.fasterxml", "`", "Source:")
        .doesNotContain("internal error");
    assertThat(new String(printed.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
        .doesNotContain("\u0000");
  }
}
