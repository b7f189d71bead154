package faultline.scenarios.parse;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.scenarios.model.Scenario;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Breaks valid scenario files at random (deleting, inserting and swapping characters, replacing a
 * value with garbage, inserting unknown fields, truncating) and checks that the loader either
 * accepts the result or rejects it with a one-line {@code file[:line[:column]]: reason} message,
 * never with any other exception. Whatever it accepts, the JSON Schema must accept too: the schema
 * is the looser of the two, never the stricter.
 */
class ScenarioMutationProperties {
  private static final String FILE = "mutant.json";
  private static final Pattern MESSAGE =
      Pattern.compile("^" + Pattern.quote(FILE) + "(:\\d+(:\\d+)?)?: .+");

  private static final List<String> BASES =
      Fixtures.jsonFiles(Fixtures.VALID).stream().map(Fixtures::read).toList();

  /** A JSON string, number or literal, as a place to put garbage. */
  private static final Pattern VALUE =
      Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9][0-9.eE+-]*|true|false|null");

  private static final List<String> GARBAGE =
      List.of(
          "\"-5s\"",
          "\"-0.5ms\"",
          "\"+3s\"",
          "\"1.5ns\"",
          "\"99999999999999999999h\"",
          "\"9223372036854775807ns\"",
          "\"5\"",
          "\"5 ms\"",
          "\"1ms..\"",
          "\"10ms..1ms\"",
          "\"600000ppm\"",
          "\"0.0001ppm\"",
          "\"-50ppm\"",
          "\"n99\"",
          "\"n1\"",
          "\"\"",
          "\"\\u0000\\n\\u2028\"",
          "\"crash\"",
          "\"link\"",
          "\"partition\"",
          "-1",
          "0",
          "1.5",
          "1e400",
          "1e99999999999",
          "-1e-99999999999",
          "1e-400",
          "-0.0",
          "0.1234567890123456789",
          "99999999999999999999999999",
          "9223372036854775808",
          "1024",
          "1025",
          "true",
          "null",
          "{}",
          "[]",
          "[[]]",
          "[\"n1\", \"n1\"]",
          "{\"bogus\": 1}",
          "{\"distribution\": \"normal\", \"mean\": \"5ms\"}",
          "{\"distribution\": \"exponential\", \"mean\": \"1ms\", \"max\": \"1ms\"}",
          "[{\"at\": \"1s\", \"type\": \"heal\", \"node\": \"n1\"}]",
          // Narration: selectors, zooms and steps in the wrong shape.
          "{\"type\": \"state\", \"where\": {\"state.role\": [\"LEADER\"]}}",
          "{\"type\": \"Violation\"}",
          "{\"state..role\": 1}",
          "{\"before\": \"1s\", \"to\": \"2s\"}",
          "{\"from\": \"2s\", \"to\": \"1s\"}",
          "[{\"at\": \"1s\", \"event\": {\"type\": \"crash\"}, \"caption\": \"x\"}]",
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

  private static final String INSERTABLE = "{}[]\":,/*\\ 0123456789.-+eE\nabnstu\u00e9\u0000";

  @Property(tries = 1500)
  void mutantsLoadOrFailWithALocatedMessage(@ForAll("mutants") String text) {
    ScenarioLoader loader = Fixtures.loader();
    try {
      Scenario scenario = loader.load(FILE, FILE, "mutant", text);
      assertThat(scenario.nodes()).isNotEmpty();
      Statistics.label("outcome").collect("loaded");
    } catch (ScenarioException e) {
      assertThat(e.getMessage()).matches(MESSAGE).doesNotContainPattern(LIBRARY_INTERNALS);
      assertThat(e.file()).isEqualTo(FILE);
      Statistics.label("outcome")
          .collect(e.reason().startsWith("malformed JSON") ? "malformed" : "rejected");
    }
  }

  @Property(tries = 600)
  void whatTheLoaderAcceptsTheSchemaAccepts(@ForAll("mutants") String text) {
    Scenario scenario;
    try {
      scenario = Fixtures.loader().load(FILE, FILE, "mutant", text);
    } catch (ScenarioException rejected) {
      return;
    }
    assertThat(ScenarioSchemaTest.validate(scenario.source())).isEmpty();
  }

  @Property(tries = 300)
  void theSourceLoadsAgainToTheSameScenario(@ForAll("mutants") String text) {
    Scenario scenario;
    try {
      scenario = Fixtures.loader().load(FILE, FILE, "mutant", text);
    } catch (ScenarioException rejected) {
      return;
    }
    Scenario again = Fixtures.loader().loadSource(FILE, FILE, "mutant", scenario.source());
    assertThat(again.faults()).isEqualTo(scenario.faults());
    assertThat(again.network()).isEqualTo(scenario.network());
    assertThat(again.links()).isEqualTo(scenario.links());
    assertThat(again.clocks()).isEqualTo(scenario.clocks());
    assertThat(again.run()).isEqualTo(scenario.run());
    assertThat(again.expect()).isEqualTo(scenario.expect());
  }

  @Provide
  Arbitrary<String> mutants() {
    Arbitrary<String> base = Arbitraries.of(BASES);
    Arbitrary<List<Mutation>> mutations = mutation().list().ofMinSize(1).ofMaxSize(3);
    return Combinators.combine(base, mutations)
        .as(
            (text, list) -> {
              String mutated = text;
              for (Mutation mutation : list) {
                mutated = mutation.apply(mutated);
              }
              return mutated;
            });
  }

  private static Arbitrary<Mutation> mutation() {
    return Combinators.combine(
            Arbitraries.of(Kind.values()),
            Arbitraries.integers().between(0, Integer.MAX_VALUE),
            Arbitraries.integers().between(0, Integer.MAX_VALUE))
        .as(Mutation::new);
  }

  private enum Kind {
    DELETE,
    INSERT,
    SWAP,
    REPLACE_VALUE,
    UNKNOWN_FIELD,
    TRUNCATE
  }

  /** One edit; the two numbers pick positions and garbage, modulo what the text offers. */
  private record Mutation(Kind kind, int first, int second) {
    String apply(String text) {
      if (text.isEmpty()) {
        return text;
      }
      int at = first % text.length();
      return switch (kind) {
        case DELETE -> text.substring(0, at) + text.substring(at + 1);
        case INSERT ->
            text.substring(0, at)
                + INSERTABLE.charAt(second % INSERTABLE.length())
                + text.substring(at);
        case SWAP -> {
          int other = second % text.length();
          char[] chars = text.toCharArray();
          chars[at] = text.charAt(other);
          chars[other] = text.charAt(at);
          yield new String(chars);
        }
        case REPLACE_VALUE -> replaceValue(text);
        case UNKNOWN_FIELD -> unknownField(text);
        case TRUNCATE -> text.substring(0, at);
      };
    }

    private String replaceValue(String text) {
      List<int[]> values =
          VALUE.matcher(text).results().map(r -> new int[] {r.start(), r.end()}).toList();
      if (values.isEmpty()) {
        return text;
      }
      int[] value = values.get(first % values.size());
      return text.substring(0, value[0])
          + GARBAGE.get(second % GARBAGE.size())
          + text.substring(value[1]);
    }

    private String unknownField(String text) {
      Matcher brace = Pattern.compile("\\{").matcher(text);
      List<Integer> braces = brace.results().map(r -> r.end()).toList();
      if (braces.isEmpty()) {
        return text;
      }
      int at = braces.get(first % braces.size());
      String[] names = {"bogus", "latncy", "nodez", "duraton", "typ", "offest", "$schema", "at"};
      return text.substring(0, at)
          + "\""
          + names[second % names.length]
          + "\": 1, "
          + text.substring(at);
    }
  }
}
