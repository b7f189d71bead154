package faultline.protocols.history;

import java.util.List;

/** How operation values read in explanations: strings quoted, lists in brackets, null as null. */
final class Values {
  private Values() {}

  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String text) {
      return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
    if (value instanceof List<?> list) {
      StringBuilder text = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        text.append(i == 0 ? "" : ", ").append(describe(list.get(i)));
      }
      return text.append(']').toString();
    }
    return String.valueOf(value);
  }
}
