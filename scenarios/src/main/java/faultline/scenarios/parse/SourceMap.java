package faultline.scenarios.parse;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each value, and each field name, of a parsed document starts in its text, keyed by JSON
 * pointer ({@code /faults/2/at}). A document that did not come from text (a trace header's copy of
 * a scenario) has an empty map, and its errors carry no line or column.
 */
final class SourceMap {
  static final SourceMap NONE = new SourceMap();

  private final Map<String, Position> values = new HashMap<>();
  private final Map<String, Position> names = new HashMap<>();

  /** A 1-based line and column; zero when unknown. */
  record Position(int line, int column) {
    static final Position UNKNOWN = new Position(0, 0);
  }

  void putValue(String pointer, Position position) {
    values.put(pointer, position);
  }

  void putName(String pointer, Position position) {
    names.put(pointer, position);
  }

  /** Where the value at {@code pointer} starts, or null if unknown. */
  Position value(String pointer) {
    return values.get(pointer);
  }

  /** Where the field name of the value at {@code pointer} starts, or null if unknown. */
  Position name(String pointer) {
    return names.get(pointer);
  }
}
