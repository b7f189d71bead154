package faultline.scenarios.parse;

import com.fasterxml.jackson.databind.JsonNode;
import faultline.engine.random.Ratio;
import faultline.scenarios.parse.SourceMap.Position;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * A located view of one value in a document: the value (or its absence), its path, and where it
 * starts in the text. Every typed read either returns a valid value or throws a {@link
 * ScenarioException} at this value, so callers never see Jackson's own types or exceptions.
 */
final class Cursor {
  /** Probabilities are exact decimals; 18 places keep the denominator within a long. */
  private static final int PROBABILITY_SCALE_MAX = 18;

  private final String file;
  private final SourceMap sourceMap;
  private final Cursor parent;
  private final String pointer;
  private final String path;
  private final JsonNode node;

  private Cursor(
      String file, SourceMap sourceMap, Cursor parent, String pointer, String path, JsonNode node) {
    this.file = file;
    this.sourceMap = sourceMap;
    this.parent = parent;
    this.pointer = pointer;
    this.path = path;
    this.node = node;
  }

  static Cursor root(String file, SourceMap sourceMap, JsonNode root) {
    return root(file, sourceMap, root, "");
  }

  /** A document's root shown under another path, for a fragment such as {@code params}. */
  static Cursor root(String file, SourceMap sourceMap, JsonNode root, String path) {
    return new Cursor(file, sourceMap, null, "", path, root);
  }

  String path() {
    return path;
  }

  /** The value, or null when this field is absent. */
  JsonNode node() {
    return node;
  }

  boolean present() {
    return node != null;
  }

  // Navigation.

  /** The field {@code name} of this object (absent if this is absent or lacks it). */
  Cursor field(String name) {
    JsonNode child = node == null ? null : node.get(name);
    return new Cursor(
        file, sourceMap, this, Paths.pointer(pointer, name), Paths.field(path, name), child);
  }

  /** A field that must be present. */
  Cursor required(String name) {
    Cursor child = field(name);
    if (!child.present()) {
      throw error("missing required field " + Messages.quote(name));
    }
    return child;
  }

  /** The field names of this object, in document order. */
  List<String> fieldNames() {
    expectObject();
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The elements of this array. */
  List<Cursor> elements() {
    expectArray();
    List<Cursor> elements = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      elements.add(
          new Cursor(
              file,
              sourceMap,
              this,
              Paths.pointer(pointer, i),
              Paths.element(path, i),
              node.get(i)));
    }
    return elements;
  }

  /** Rejects any field not in {@code known}, at the field's name, suggesting a close known one. */
  void onlyFields(Collection<String> known) {
    for (String name : fieldNames()) {
      if (!known.contains(name)) {
        throw field(name).nameError(unknownField(name, known));
      }
    }
  }

  static String unknownField(String name, Collection<String> known) {
    String suggestion = Messages.didYouMean(name, known);
    if (!suggestion.isEmpty()) {
      return "unknown field " + Messages.quote(name) + suggestion;
    }
    if (known.isEmpty()) {
      return "unknown field " + Messages.quote(name) + " (no fields are allowed here)";
    }
    return "unknown field "
        + Messages.quote(name)
        + " (known fields: "
        + Messages.list(known)
        + ")";
  }

  // Errors.

  /** An error at this value (or, when it is absent, at the nearest present enclosing value). */
  ScenarioException error(String reason) {
    Position position = null;
    for (Cursor at = this; at != null && position == null; at = at.parent) {
      position = sourceMap.value(at.pointer);
    }
    return error(position, reason);
  }

  /** An error at this field's name, for unknown and misplaced fields. */
  ScenarioException nameError(String reason) {
    Position position = sourceMap.name(pointer);
    return position == null ? error(reason) : error(position, reason);
  }

  /** Where this value is, kept for errors found later (a narration step resolved in a run). */
  faultline.scenarios.model.Narration.Spot spot() {
    Position position = null;
    for (Cursor at = this; at != null && position == null; at = at.parent) {
      position = sourceMap.value(at.pointer);
    }
    Position at = position == null ? Position.UNKNOWN : position;
    return new faultline.scenarios.model.Narration.Spot(file, at.line(), at.column(), path);
  }

  private ScenarioException error(Position position, String reason) {
    Position at = position == null ? Position.UNKNOWN : position;
    return new ScenarioException(file, at.line(), at.column(), path, Messages.oneLine(reason));
  }

  // Typed reads. Each requires a present value.

  Cursor expectObject() {
    if (node == null || !node.isObject()) {
      throw error("expected an object, got " + describe());
    }
    return this;
  }

  Cursor expectArray() {
    if (node == null || !node.isArray()) {
      throw error("expected an array, got " + describe());
    }
    return this;
  }

  String text() {
    if (node == null || !node.isTextual()) {
      throw error("expected a string, got " + describe());
    }
    return node.textValue();
  }

  /** A string with something besides white space in it. */
  String nonBlankText() {
    String text = text();
    if (text.isBlank()) {
      throw error("must not be empty");
    }
    return text;
  }

  boolean bool() {
    if (node == null || !node.isBoolean()) {
      throw error("expected true or false, got " + describe());
    }
    return node.booleanValue();
  }

  /** An integer token (not {@code 5.0}) in {@code [min, max]}. */
  long integer(long min, long max) {
    if (node == null || !node.isIntegralNumber()) {
      throw error("expected an integer, got " + describe());
    }
    BigInteger value = node.bigIntegerValue();
    if (value.compareTo(BigInteger.valueOf(min)) < 0
        || value.compareTo(BigInteger.valueOf(max)) > 0) {
      throw error(rangeReason(value, min, max));
    }
    return value.longValueExact();
  }

  private static String rangeReason(BigInteger value, long min, long max) {
    if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
      return value + " does not fit in a signed 64-bit integer";
    }
    if (max == Long.MAX_VALUE) {
      return "must be at least " + min + ", got " + value;
    }
    if (min == Long.MIN_VALUE) {
      return "must be at most " + max + ", got " + value;
    }
    return "must be between " + min + " and " + max + ", got " + value;
  }

  /**
   * The longest duration, offset or jump a scenario may give: 100 years. Any run of such values
   * still adds up within a long of nanoseconds, so the engine's exact arithmetic never overflows.
   */
  static final long DURATION_MAX_NANOS = Durations.DURATION_MAX_NANOS;

  /** A duration string, not negative. */
  long durationNanos() {
    return bounded(parsed(Durations::parse, "a duration string with a unit, like \"150ms\""));
  }

  /** A duration string that must be greater than zero. */
  long positiveDurationNanos() {
    long nanos = durationNanos();
    if (nanos == 0) {
      throw error("must be greater than zero");
    }
    return nanos;
  }

  /** A duration string that may be negative, like {@code "-150ms"} or {@code "+5s"}. */
  long signedDurationNanos() {
    return bounded(
        parsed(Durations::parseSigned, "a duration string with a unit, like \"-150ms\""));
  }

  /** {@code nanos}, if within {@link #DURATION_MAX_NANOS} either way. */
  long bounded(long nanos) {
    if (Math.abs(nanos) > DURATION_MAX_NANOS) {
      throw error(
          "too long: at most "
              + Durations.format(DURATION_MAX_NANOS)
              + " (100 years) in a scenario");
    }
    return nanos;
  }

  /** A drift string like {@code "100ppm"}, in parts per billion. */
  long driftPpb() {
    return parsed(Durations::parseDriftPpb, "a drift string with a unit, like \"100ppm\"");
  }

  private long parsed(TextParser parser, String expected) {
    if (node == null || !node.isTextual()) {
      throw error("expected " + expected + ", got " + describe());
    }
    try {
      return parser.parse(node.textValue());
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
  }

  private interface TextParser {
    long parse(String text);
  }

  /**
   * A probability: a JSON number in [0, 1], read exactly and reduced, so that {@code 0.05}, {@code
   * 0.050} and {@code 5e-2} are all the same {@code 1/20} (and so draw the same random numbers).
   */
  Ratio probability() {
    if (node == null || !node.isNumber()) {
      throw error("expected a probability (a number from 0 to 1), got " + describe());
    }
    BigDecimal value = node.decimalValue();
    if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
      throw error("a probability must be between 0 and 1, got " + node.asText());
    }
    BigDecimal exact = value.stripTrailingZeros();
    if (exact.scale() > PROBABILITY_SCALE_MAX) {
      throw error("a probability may have at most " + PROBABILITY_SCALE_MAX + " decimal places");
    }
    if (exact.scale() <= 0) {
      return exact.signum() == 0 ? Ratio.ZERO : Ratio.ONE;
    }
    long numerator = exact.unscaledValue().longValueExact();
    long denominator = BigInteger.TEN.pow(exact.scale()).longValueExact();
    long divisor = BigInteger.valueOf(numerator).gcd(BigInteger.valueOf(denominator)).longValue();
    return Ratio.of(numerator / divisor, denominator / divisor);
  }

  /**
   * Builds an engine value, turning the engine's own argument check into an error here. The readers
   * check values first and say why in scenario terms; this is the backstop.
   */
  <T> T build(Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
  }

  /** The kind of this value, for "expected X, got Y" messages. */
  String describe() {
    if (node == null) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> node.isIntegralNumber() ? "an integer" : "a number";
      case BOOLEAN -> "a boolean";
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case NULL -> "null";
      default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " value";
    };
  }
}
