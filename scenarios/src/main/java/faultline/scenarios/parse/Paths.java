package faultline.scenarios.parse;

import java.util.regex.Pattern;

/**
 * Two spellings of a place in a document: the JSON pointer that keys the {@link SourceMap} ({@code
 * /faults/2/at}) and the path shown to people ({@code faults[2].at}). A field name that is not a
 * plain identifier is shown quoted: {@code clocks["db.1"]}.
 */
final class Paths {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

  private Paths() {}

  static String pointer(String parent, String field) {
    return parent + "/" + field.replace("~", "~0").replace("/", "~1");
  }

  static String pointer(String parent, int index) {
    return parent + "/" + index;
  }

  static String field(String parent, String field) {
    if (!PLAIN.matcher(field).matches()) {
      return parent + "[" + Messages.quote(field) + "]";
    }
    return parent.isEmpty() ? field : parent + "." + field;
  }

  static String element(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
