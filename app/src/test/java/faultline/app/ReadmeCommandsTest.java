package faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.scenarios.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ./faultline} command the README shows, run in the order it shows them (a later one
 * reads what an earlier one wrote), with its exit code checked and, where the README quotes a
 * result that is deterministic, that result. A command added to the README without an entry in
 * {@link #EXIT_CODES} (0 is the default) or a figure that drifts fails here, so the README cannot
 * quietly stop being true.
 *
 * <p>Files the commands name ({@code run.jsonl}, {@code ../lab}) live in a fresh folder. {@code
 * viz} is left out: it opens a window. Seed sweeps are slow, so the default build runs each on its
 * first two seeds, which proves the command line still works; {@code
 * -Dfaultline.readme.sweeps=full} (which {@code .ci/run} passes) runs them as written.
 */
class ReadmeCommandsTest {
  private static final Path README = findReadme();

  /** The commands that exit with something other than 0, and why. */
  private static final Map<String, Integer> EXIT_CODES =
      Map.ofEntries(
          // Demonstrations: each violates an invariant on purpose (exit 1, expectations met).
          Map.entry("run clocks/lww-skew", 1),
          Map.entry("run clocks/lww-skew --trace run.jsonl", 1),
          Map.entry("run clocks/truetime-no-commit-wait", 1),
          Map.entry("run clocks/truetime-clock-beyond-epsilon", 1),
          Map.entry("run locks/gc-pause-unfenced", 1),
          Map.entry("run locks/ignored-timeout", 1),
          Map.entry("run locks/service-clock-jump", 1),
          Map.entry("run redlock/clock-jump", 1),
          Map.entry("run redlock/paused-replies-unchecked", 1),
          Map.entry("run redlock/store-restart", 1),
          Map.entry("run leases/partitioned-leader", 1),
          Map.entry("run leases/clock-ahead", 1),
          Map.entry("run raft/figure-8", 1),
          // Fails swim.members-agree on purpose: loss never stops, so the views never agree.
          Map.entry("run swim/lossy-network", 1),
          Map.entry("run figure-8-small.json", 1), // The shrunk Figure 8 still fails.
          Map.entry("run paxos/highest-accepted-ignored", 1),
          Map.entry("run raft/stale-read --history h.jsonl", 1),
          Map.entry("check h.jsonl --model kv", 1),
          Map.entry("check stale-read.jsonl --model kv", 1));

  /** What the README says a command prints, where that is deterministic. */
  private static final Map<String, String> QUOTED =
      Map.of(
          "run clocks/lww-skew", "expectations: met",
          "replay run.jsonl", "identical",
          "run raft/stale-read --history h.jsonl", "history: 137 operations written to ",
          "check h.jsonl --model kv", "NOT linearizable",
          "check stale-read.jsonl --model kv", "NOT linearizable",
          "shrink raft/figure-8 --out figure-8-small.json",
              "events                    962            306",
          "grade e01", "Points: 45/45",
          "run raft/figure-8",
              "  reached     raft.leader-deposed-with-uncommitted-entries at 450ms (seq 158)",
          // The README says Raft as shipped passes the seed its cluster example uses.
          "run raft/random-faults --seed 48213 --trace seed-48213.jsonl", "invariants: all held");

  private static final Set<String> OPENS_A_WINDOW = Set.of("viz");
  private static final Pattern SEEDS = Pattern.compile("--seeds (\\d+)\\.\\.(\\d+)");

  @TempDir static Path temp;

  /** One command as the README shows it: the text after {@code ./faultline}, comment cut. */
  record Shown(int line, String command) {}

  static List<Shown> shownCommands() throws IOException {
    List<Shown> shown = new ArrayList<>();
    boolean inShellBlock = false;
    List<String> lines = Files.readAllLines(README);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("```")) {
        inShellBlock = !inShellBlock && line.equals("```sh");
        continue;
      }
      if (inShellBlock && line.startsWith("./faultline ")) {
        String command = line.substring("./faultline ".length()).replaceFirst("\\s+#.*$", "");
        command = command.replaceFirst("\\s*\\|.*$", "").strip();
        shown.add(new Shown(i + 1, command));
      }
    }
    return shown;
  }

  @Test
  void theReadmeShowsCommandsAndEveryListedOneIsStillShown() throws IOException {
    List<String> commands = shownCommands().stream().map(Shown::command).toList();
    assertThat(commands).hasSizeGreaterThan(40).contains("run clocks/lww-skew");
    assertThat(commands).as("commands the README no longer shows").containsAll(EXIT_CODES.keySet());
    assertThat(commands).containsAll(QUOTED.keySet());
  }

  @TestFactory
  Stream<DynamicTest> everyShownCommandGivesTheExitCodeAndFigureTheReadmeSays() throws IOException {
    Path work = Files.createDirectories(temp.resolve("work"));
    return shownCommands().stream()
        .filter(shown -> !OPENS_A_WINDOW.contains(shown.command().split(" ")[0]))
        .map(
            shown ->
                DynamicTest.dynamicTest(
                    "README line " + shown.line() + ": ./faultline " + shown.command(),
                    () -> runAsShown(shown, work)));
  }

  private static void runAsShown(Shown shown, Path work) {
    String command = fullSweeps() ? shown.command() : firstTwoSeeds(shown.command());
    String[] args = command.split("\\s+");
    for (int i = 0; i < args.length; i++) {
      // A folder the command writes into (export --steps DIR) lives in the fresh folder too.
      boolean folder = i > 0 && args[i - 1].equals("--steps");
      args[i] = folder ? work.resolve(args[i]).normalize().toString() : inFolder(args[i], work);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    String printed = out + "\n" + err;
    int expected = EXIT_CODES.getOrDefault(shown.command(), 0);
    assertThat(exitCode)
        .as(
            "exit code of ./faultline %s (README line %d); it printed:%n%s",
            command, shown.line(), printed)
        .isEqualTo(expected);
    assertThat(printed).doesNotContain("\tat ", "internal error");
    String quoted = QUOTED.get(shown.command());
    if (quoted != null) {
      assertThat(printed).as("what README line %d quotes", shown.line()).contains(quoted);
    }
  }

  private static boolean fullSweeps() {
    return "full".equals(System.getProperty("faultline.readme.sweeps"));
  }

  /** {@code --seeds 1..500} becomes {@code --seeds 1..2}: the same command, over in seconds. */
  static String firstTwoSeeds(String command) {
    Matcher seeds = SEEDS.matcher(command);
    if (!seeds.find()) {
      return command;
    }
    long first = Long.parseLong(seeds.group(1));
    long last = Math.min(Long.parseLong(seeds.group(2)), first + 1);
    return seeds.replaceFirst("--seeds " + first + ".." + last);
  }

  /** A file name the README uses, moved into the test's folder; other arguments as they are. */
  private static String inFolder(String arg, Path work) {
    boolean file =
        arg.startsWith("../")
            // Any bare file name with an extension (figure-16.csv, stale-read.edn), so that a
            // new kind of output cannot land, unseen, in the module's folder. Durations such as
            // 0.2ms..1ms and seed ranges never end in a dot and a letter; a dotted name that is
            // not a file (an invariant such as kv.linearizable) would fail its command loudly.
            || arg.matches("[\\w.-]+\\.[A-Za-z]\\w*") && !arg.contains("/");
    return file ? work.resolve(arg).normalize().toString() : arg;
  }

  private static Path findReadme() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no README.md above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("README.md");
  }
}
