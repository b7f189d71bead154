package faultline.scenarios.history;

/** One-line pieces of error messages: user text quoted with escapes, so a message never breaks. */
final class Text {
  private static final int QUOTE_LENGTH_MAX = 60;

  private Text() {}

  /** {@code "text"} with JSON-style escapes, cut after a while; {@code null} for null. */
  static String quote(String text) {
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

  /** A field name as the path of an error: bare when it is a plain word, quoted otherwise. */
  static String field(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : quote(name);
  }

  /** A free-form reason (from Jackson, say) made safe for a one-line message. */
  static String oneLine(String text) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean breaks =
          c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029;
      line.append(breaks ? ' ' : c);
    }
    return line.toString().strip();
  }
}
