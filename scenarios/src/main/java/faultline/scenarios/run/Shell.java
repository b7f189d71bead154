package faultline.scenarios.run;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Words of a command a user may paste into a POSIX shell (sh, bash, zsh), quoted so that the shell
 * reads each back as exactly the text it stands for: a path with spaces, quotes, {@code ;} or a
 * line break stays one word and never runs anything.
 */
public final class Shell {
  /** Characters no shell treats specially anywhere in a word. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  private Shell() {}

  /**
   * {@code word} as it must be typed: unchanged when every character is plain, otherwise in single
   * quotes (where only the quote itself needs care), or, when it holds a control character such as
   * a line break, in ANSI-C quotes ({@code $'a\nb'}), so the printed command stays on one line.
   */
  public static String quote(String word) {
    if (!word.isEmpty() && PLAIN.matcher(word).matches()) {
      return word;
    }
    if (word.chars().anyMatch(Shell::isControl)) {
      return ansiC(word);
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  private static String ansiC(String word) {
    StringBuilder quoted = new StringBuilder("$'");
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      switch (c) {
        case '\'' -> quoted.append("\\'");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\t' -> quoted.append("\\t");
        case '\r' -> quoted.append("\\r");
        default -> {
          if (isControl(c)) {
            // As the bytes of its UTF-8 encoding, which every shell reads alike in any locale.
            for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
              quoted.append(String.format("\\%03o", b & 0xff));
            }
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('\'').toString();
  }

  private static boolean isControl(int c) {
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029;
  }
}
