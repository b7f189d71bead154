package faultline.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.scenarios.run.Shell;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands {@code run} and {@code sweep} print for a user to paste: they name the scenario as
 * it was given (a bundled name, or the path of a file, never the file's {@code name} field), every
 * word shell-quoted, and pasted they repeat the run.
 */
class ReproduceCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A copy of a bundled scenario that claims the bundled scenario's name. */
  private static final String IMPOSTOR =
      """
      {"name": "clocks/lww-skew", "description": "Claims a bundled name; differs from it.",
       "protocol": "lww-register", "nodes": ["n1", "n2"], "seed": 7, "run": {"until": "1s"},
       "params": {"writes": [{"at": "10ms", "node": "n1", "value": "a"}]}}
      """;

  @TempDir Path temp;

  record Result(int exitCode, String out, String err) {}

  static Result faultline(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void aFileIsNamedByItsPathQuotedNotByItsNameField() throws IOException {
    Path file = temp.resolve("my base; touch x.json");
    Files.writeString(file, IMPOSTOR);

    Result run = faultline("run", file.toString(), "--json");
    String reproduce = JSON.readTree(run.out()).get("reproduce").asText();

    assertThat(reproduce).isEqualTo("./faultline run '" + file + "' --seed 7");
    assertThat(pastedRepeatsTheRun(reproduce, run.out())).isTrue();
  }

  @Test
  void theHumanSummaryQuotesTheTracePathToo() throws IOException {
    Path file = temp.resolve("base.json");
    Files.writeString(file, IMPOSTOR);
    Path trace = temp.resolve("a trace.jsonl");

    Result run = faultline("run", file.toString(), "--trace", trace.toString());

    assertThat(run.out())
        .contains("reproduce: ./faultline run " + file + " --seed 7 --trace '" + trace + "'");
  }

  @Test
  void aFileWhoseNameCannotBeANameGetsAPrintableOne() throws IOException {
    Path file = temp.resolve("two\nlines.json");
    Files.writeString(file, IMPOSTOR.replace("\"name\": \"clocks/lww-skew\",", ""));

    Result run = faultline("run", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().findFirst().orElseThrow()).startsWith("two_lines  seed 7");
    assertThat(run.out()).contains("./faultline run $'" + temp + "/two\\nlines.json' --seed 7");
  }

  @Test
  void sweepReplayLinesNameThePathGiven() throws IOException {
    Path file = temp.resolve("a base.json");
    Files.writeString(file, IMPOSTOR);

    Result sweep = faultline("sweep", file.toString(), "--seeds", "3");

    JsonNode line = JSON.readTree(sweep.out().lines().findFirst().orElseThrow());
    assertThat(line.get("replay").asText()).isEqualTo("./faultline run '" + file + "' --seed 3");
  }

  /** Runs {@code command} (without its {@code ./faultline}) and compares the JSON summaries. */
  private static boolean pastedRepeatsTheRun(String command, String firstJson) throws IOException {
    List<String> words = shellWords(command.substring("./faultline ".length()));
    words.add("--json");
    Result again = faultline(words.toArray(String[]::new));
    JsonNode before = JSON.readTree(firstJson);
    JsonNode after = JSON.readTree(again.out());
    return before.get("fingerprint").equals(after.get("fingerprint"))
        && before.get("scenario").equals(after.get("scenario"));
  }

  /** The words a POSIX shell reads from {@code line}, by asking one. */
  private static List<String> shellWords(String line) throws IOException {
    // The script goes in as UTF-8 bytes on standard input: arguments would pass through the
    // platform's charset, which need not be UTF-8.
    Process shell = new ProcessBuilder("bash", "-s").redirectErrorStream(true).start();
    String script = "for word in " + line + "; do printf '%s\\0' \"$word\"; done\n";
    try (var in = shell.getOutputStream()) {
      in.write(script.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      shell.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<String> words = new ArrayList<>(List.of(out.split("\0", -1)));
    words.removeLast(); // After the last word's NUL.
    return words;
  }

  @Property(tries = 150)
  void theShellReadsAQuotedWordBackAsItWas(@ForAll @StringLength(max = 12) String word)
      throws IOException {
    if (word.indexOf('\0') >= 0 || word.chars().anyMatch(c -> Character.isSurrogate((char) c))) {
      return; // No shell word can hold a NUL (nor a path), and half a character is not text.
    }
    assertThat(shellWords(Shell.quote(word))).containsExactly(word);
  }
}
