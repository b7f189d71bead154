package faultline.scenarios.history;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.history.Model;
import faultline.scenarios.parse.ScenarioException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Breaks the bundled example histories at random (deleting, inserting, duplicating and swapping
 * characters and lines, replacing values with garbage) and checks that the parser either accepts
 * the result, which the checker must then decide without an exception, or rejects it with one
 * located line {@code file:line:column: reason}, never with any other exception.
 */
class HistoryMutationProperties {
  private static final String FILE = "mutant.jsonl";
  private static final Pattern MESSAGE =
      Pattern.compile("^" + Pattern.quote(FILE) + ":\\d+:\\d+: [^\\n]+$");

  /** Each example with the model it is written for, so that a mutant often still parses. */
  private static final List<String> BASES =
      List.of("register-linearizable.jsonl", "register-stale-read.jsonl", "kv-lost-append.jsonl")
          .stream()
          .map(name -> (name.startsWith("kv") ? "kv\n" : "register\n") + bundled(name))
          .toList();

  private static final List<String> GARBAGE =
      List.of(
          "null",
          "-1",
          "1.5",
          "1e400",
          "99999999999999999999",
          "\"\"",
          "\"\\u0000\\n\"",
          "[]",
          "[1]",
          "[1,2,3]",
          "[[1],2]",
          "{}",
          "true",
          "\"invoke\"",
          "\"ok\"",
          "\"info\"",
          "\"fail\"",
          "\"cas\"",
          "\"append\"",
          "\"read\"",
          "2147483648",
          "0",
          "{\"a\":1}",
          ",",
          "}",
          "\"",
          // What Jackson answers in its own terms: non-standard numbers, deep nesting.
          "NaN",
          "-Infinity",
          "+1",
          "01",
          "'x'",
          "[".repeat(1100));

  /** A library's vocabulary in a message: its settings, its limits' getters, its redactions. */
  private static final Pattern LIBRARY_INTERNALS =
      Pattern.compile("`|Source:|Feature|StreamRead|Constraints|\\(code \\d+\\)|jackson");

  private static final Pattern VALUE =
      Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9][0-9.eE+-]*|true|false|null|\\[[^\\]]*\\]");

  static String bundled(String name) {
    try (InputStream in =
        HistoryMutationProperties.class.getResourceAsStream("/histories/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<String> mutants() {
    Arbitrary<String> base = Arbitraries.of(BASES);
    return base.flatMap(
        text ->
            Arbitraries.integers()
                .between(1, 2)
                .flatMap(
                    times ->
                        Arbitraries.longs()
                            .map(seed -> mutate(text, times, new java.util.Random(seed)))));
  }

  private static String mutate(String based, int times, java.util.Random random) {
    int modelEnd = based.indexOf('\n');
    String result = based.substring(modelEnd + 1);
    for (int i = 0; i < times; i++) {
      result = mutateOnce(result, random);
    }
    return based.substring(0, modelEnd + 1) + result;
  }

  private static String mutateOnce(String text, java.util.Random random) {
    if (text.isEmpty()) {
      return GARBAGE.get(random.nextInt(GARBAGE.size()));
    }
    int at = random.nextInt(text.length());
    List<String> lines = List.of(text.split("\n", -1));
    return switch (random.nextInt(7)) {
      case 0 -> text.substring(0, at) + text.substring(at + 1);
      case 1 ->
          text.substring(0, at) + "{}[],:\"0an\n".charAt(random.nextInt(11)) + text.substring(at);
      case 2 -> text.substring(0, at);
      case 3 -> {
        int line = random.nextInt(lines.size());
        java.util.List<String> copy = new java.util.ArrayList<>(lines);
        copy.add(random.nextInt(copy.size() + 1), lines.get(line));
        yield String.join("\n", copy);
      }
      case 4 -> {
        java.util.List<String> copy = new java.util.ArrayList<>(lines);
        java.util.Collections.swap(copy, random.nextInt(copy.size()), random.nextInt(copy.size()));
        yield String.join("\n", copy);
      }
      default -> {
        var matcher = VALUE.matcher(text);
        java.util.List<int[]> spans = new java.util.ArrayList<>();
        while (matcher.find()) {
          spans.add(new int[] {matcher.start(), matcher.end()});
        }
        if (spans.isEmpty()) {
          yield text;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        yield text.substring(0, span[0])
            + GARBAGE.get(random.nextInt(GARBAGE.size()))
            + text.substring(span[1]);
      }
    };
  }

  @Property(tries = 3000)
  void parsedOrRejectedWithALocatedLine(@ForAll("mutants") String mutant) {
    int modelEnd = mutant.indexOf('\n');
    Model model = Model.named(mutant.substring(0, modelEnd));
    String text = mutant.substring(modelEnd + 1);
    try {
      ParsedHistory history = HistoryParser.parse(FILE, text, model);
      LinearizabilityChecker.check(history.events(), model, 10_000);
      Statistics.collect("parsed");
    } catch (ScenarioException e) {
      assertThat(e.getMessage()).matches(MESSAGE).doesNotContainPattern(LIBRARY_INTERNALS);
      Statistics.collect("rejected");
    }
  }
}
