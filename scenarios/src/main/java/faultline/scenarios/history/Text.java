package faultline.scenarios.history;

import faultline.scenarios.parse.Messages;

/**
 * Field names in history error paths; quoting and one-line text come from the parser's Messages.
 */
final class Text {
  private Text() {}

  /** A field name as the path of an error: bare when it is a plain word, quoted otherwise. */
  static String field(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : Messages.quote(name);
  }
}
