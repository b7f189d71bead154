package faultline.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code faultline check} as users meet it: the bundled example histories with their verdicts, the
 * witness printed for a history that is not linearizable, exit 2 with one located line for a bad
 * file, and exit 4 when the search gives up.
 */
class CheckCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  record Result(int exitCode, String out, String err) {}

  static Result faultline(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  private Path bundled(String name) throws IOException {
    Path path = temp.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/histories/" + name)) {
      Files.write(path, in.readAllBytes());
    }
    return path;
  }

  @ParameterizedTest(name = "{0} --model {1} exits {2}")
  @CsvSource({
    "register-linearizable.jsonl, register, 0",
    "register-stale-read.jsonl, register, 1",
    "kv-lost-append.jsonl, kv, 1"
  })
  void bundledExamplesHaveTheirDocumentedVerdicts(String name, String model, int exitCode)
      throws IOException {
    Result result = faultline("check", bundled(name).toString(), "--model", model);
    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(exitCode);
    assertThat(result.err()).isEmpty();
  }

  @Test
  void aStaleReadPrintsTheWitness() throws IOException {
    Result result =
        faultline("check", bundled("register-stale-read.jsonl").toString(), "--model", "register");
    assertThat(result.out())
        .contains("NOT linearizable (register model, key \"x\"")
        .contains("Cannot be placed after that prefix:")
        .containsPattern("process 1 +read +\"x\" +-> 1 +\\(lines 7-8\\)")
        .contains("Longest linearizable prefix found (3 operations)")
        .containsPattern("1\\. process 0 +write +\"x\" +1 +\\(lines 1-2\\)")
        .contains("needs the register at 1");
  }

  /** Thai digits under th-TH with the Thai numbering system: the report must stay ASCII. */
  @Test
  void theWitnessIsPrintedTheSameUnderAnyDefaultLocale() throws IOException {
    Path history = bundled("register-stale-read.jsonl");
    Locale before = Locale.getDefault();
    String thai;
    try {
      Locale.setDefault(Locale.forLanguageTag("th-TH-u-nu-thai"));
      thai = faultline("check", history.toString(), "--model", "register").out();
    } finally {
      Locale.setDefault(before);
    }
    assertThat(thai).matches("(?s)[\\x00-\\x7f]*").contains("     1. process 0    write");
  }

  @Test
  void jsonCarriesTheVerdictAndTheWitness() throws IOException {
    Result result =
        faultline("check", bundled("kv-lost-append.jsonl").toString(), "--model", "kv", "--json");
    assertThat(result.exitCode()).isEqualTo(1);
    JsonNode json = JSON.readTree(result.out());
    assertThat(json.get("verdict").asText()).isEqualTo("not-linearizable");
    assertThat(json.get("key").asText()).isEqualTo("cart");
    assertThat(json.get("unplaceable").get(0).get("output").asText()).isEqualTo("ac");
    assertThat(json.get("unplaceable").get(0).get("invokeLine").asInt()).isEqualTo(7);
    assertThat(json.get("longestPrefix")).hasSize(3);
    assertThat(json.get("explanation").asText()).contains("line 7");
  }

  @Test
  void aBadHistoryExitsTwoWithOneLocatedLine() throws IOException {
    Path history = temp.resolve("bad.jsonl");
    Files.writeString(
        history,
        "{\"process\":0,\"type\":\"invoke\",\"f\":\"write\",\"value\":1}\n"
            + "{\"process\":1,\"type\":\"ok\",\"f\":\"write\",\"value\":1}\n");
    Result result = faultline("check", history.toString(), "--model", "register");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().strip())
        .isEqualTo(
            "faultline: "
                + history
                + ":2:21: type: an ok completion, but process 1 has no operation outstanding");
  }

  @Test
  void badOptionsExitTwo() throws IOException {
    Path history = bundled("register-linearizable.jsonl");
    assertThat(faultline("check", history.toString(), "--model", "queue").err())
        .contains("--model: expected register or kv, got queue");
    assertThat(faultline("check", history.toString()).exitCode()).isEqualTo(2);
    assertThat(
            faultline("check", history.toString(), "--model", "kv", "--max-states", "0").exitCode())
        .isEqualTo(2);
    assertThat(faultline("check", temp.resolve("missing.jsonl").toString(), "--model", "kv").err())
        .contains("missing.jsonl: no such file");
  }

  @Test
  void aSearchThatGivesUpExitsFour() throws IOException {
    Result result =
        faultline(
            "check",
            bundled("register-linearizable.jsonl").toString(),
            "--model",
            "register",
            "--max-states",
            "1");
    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.out()).contains("UNDECIDED", "gave up after 1 state ");
  }

  @Test
  void theSearchStopsAtExactlyTheBudgetItWasGiven() throws IOException {
    // raft/stale-read's history is not linearizable; the search needs 18 states to prove it.
    Path history = temp.resolve("stale-read.jsonl");
    assertThat(faultline("run", "raft/stale-read", "--history", history.toString()).exitCode())
        .isEqualTo(1);
    for (long budget : new long[] {3, 10}) {
      Result result =
          faultline("check", history.toString(), "--model", "kv", "--max-states", "" + budget);
      assertThat(result.exitCode()).as("budget %d", budget).isEqualTo(4);
      assertThat(result.out())
          .as("budget %d", budget)
          .contains("gave up after " + budget + " states", budget + " states searched");
    }
  }
}
