package faultline.scenarios.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's parse errors in the words of the file's author. Jackson writes for programmers: it
 * names its own settings ("enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"), its
 * limits' getters ("from `StreamReadConstraints.getMaxNestingDepth()`") and a redacted source; none
 * of that helps someone fixing a JSON file, so it is rewritten or cut, keeping the part that says
 * what is wrong.
 */
public final class JsonErrors {
  private record Rewrite(Pattern pattern, String replacement) {
    String apply(String text) {
      return pattern.matcher(text).replaceAll(replacement);
    }
  }

  private static final List<Rewrite> REWRITES =
      List.of(
          // Where: "[Source: REDACTED (...); line: 1, column: 1]" -> "line 1, column 1".
          rewrite("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2"),
          rewrite(
              "Non-standard token '([^']*)': enable .*? to allow",
              "'$1' is not a JSON value (JSON has no NaN or Infinity)"),
          rewrite("maybe a \\(non-standard\\) comment\\?.*", "comments are not allowed here"),
          rewrite(
              "Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)(?:, from `[^`]*`)?\\)",
              "the document is nested more than $2 levels deep, the limit"),
          rewrite(
              "Number value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)(?:, from `[^`]*`)?\\)",
              "a number of $1 digits; at most $2 are allowed"),
          rewrite(
              "String value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)(?:, from `[^`]*`)?\\)",
              "a string of $1 characters; at most $2 are allowed"),
          rewrite(
              "Name length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)(?:, from `[^`]*`)?\\)",
              "a field name of $1 characters; at most $2 are allowed"),
          // "('x' (code 120))" -> "'x'": the character is enough.
          rewrite("\\(('.{1,2}') \\(code \\d+\\)\\)", "$1"),
          rewrite("\\(\\(CTRL-CHAR, code (\\d+)\\)\\)", "(control character $1)"),
          rewrite(" ?\\(code \\d+\\)", ""),
          // Any other "enable `SomeFeature` to allow" or "(..., from `Getter()`)".
          rewrite(":? ?(?:enable|Use|use) `[^`]*`[^:;)]*", ""),
          rewrite(",? ?from `[^`]*`", ""));

  /** Whatever is left in backticks is a library name, never a user's text. */
  private static final Pattern LEFTOVER = Pattern.compile("`[^`]*`");

  private JsonErrors() {}

  /** The reason {@code e} gives, rewritten for the file's author, on one line. */
  public static String reason(JsonProcessingException e) {
    String text = e.getOriginalMessage();
    if (text == null || text.isBlank()) {
      return "the JSON is malformed here";
    }
    return plain(text);
  }

  static String plain(String jacksonMessage) {
    String text = Messages.oneLine(jacksonMessage);
    for (Rewrite rewrite : REWRITES) {
      text = rewrite.apply(text);
    }
    Matcher leftover = LEFTOVER.matcher(text);
    return leftover.replaceAll("").replaceAll("\\s+", " ").replaceAll(" ([,.:)])", "$1").strip();
  }

  private static Rewrite rewrite(String regex, String replacement) {
    return new Rewrite(Pattern.compile(regex), replacement);
  }
}
