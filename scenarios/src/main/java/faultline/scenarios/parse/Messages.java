package faultline.scenarios.parse;

import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Pieces of error messages. Every message is one line, so user text is quoted with escapes, and
 * "did you mean" suggestions come from a small edit distance.
 */
public final class Messages {
  /** Longer user strings are cut in messages; the location points at the whole of it anyway. */
  private static final int QUOTE_LENGTH_MAX = 60;

  /** Suggestions stay within this many edits (insert, delete, substitute, swap neighbours). */
  private static final int SUGGESTION_DISTANCE_MAX = 2;

  /** Names this long are never suggested, which keeps the distance table small. */
  private static final int COMPARED_LENGTH_MAX = 200;

  private Messages() {}

  /**
   * {@code "text"} with JSON-style escapes for quotes, backslashes and anything unprintable, cut
   * after a while; {@code null} (unquoted) for null.
   */
  public static String quote(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder quoted = new StringBuilder("\"");
    int end = Math.min(text.length(), QUOTE_LENGTH_MAX);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    if (end < text.length()) {
      quoted.append('…');
    }
    return quoted.append('"').toString();
  }

  /** Makes a free-form reason (from Jackson, say) safe for a one-line message. */
  public static String oneLine(String text) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean breaks = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028;
      line.append(breaks || c == 0x2029 ? ' ' : c);
    }
    return line.toString().strip();
  }

  /** {@code a, b, c}, in the collection's order. */
  static String list(Collection<?> items) {
    return items.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  /** {@code "a", "b", "c"}, in the collection's order. */
  static String quotedList(Collection<String> items) {
    return items.stream().map(Messages::quote).collect(Collectors.joining(", "));
  }

  /**
   * {@code ; did you mean "x"?} for the closest candidate within a small edit distance, or the
   * empty string. A candidate qualifies only if fewer edits separate it from {@code text} than
   * either has characters, so that {@code "to"} does not suggest {@code "at"}.
   */
  public static String didYouMean(String text, Collection<String> candidates) {
    return closest(text, candidates).map(best -> "; did you mean " + quote(best) + "?").orElse("");
  }

  /**
   * The candidate closest to {@code text} within a small edit distance, if any: what a "did you
   * mean" names. A candidate qualifies only if fewer edits separate it from {@code text} than
   * either has characters.
   */
  public static Optional<String> closest(String text, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(text, candidate);
      boolean close =
          distance <= SUGGESTION_DISTANCE_MAX
              && distance < Math.min(text.length(), candidate.length());
      if (close && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Optimal string alignment distance: Levenshtein plus swaps of adjacent characters. */
  static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > SUGGESTION_DISTANCE_MAX
        || Math.min(a.length(), b.length()) > COMPARED_LENGTH_MAX) {
      return Integer.MAX_VALUE; // Too far to suggest, or too long to be a name worth comparing.
    }
    int[][] table = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      table[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      table[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best =
            Math.min(
                Math.min(table[i - 1][j] + 1, table[i][j - 1] + 1), table[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, table[i - 2][j - 2] + 1);
        }
        table[i][j] = best;
      }
    }
    return table[a.length()][b.length()];
  }
}
