package faultline.scenarios.bind;

import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import faultline.scenarios.parse.ParamReader;
import faultline.scenarios.parse.ScenarioException;
import java.util.List;
import java.util.Optional;

/**
 * One parameter of a protocol binding, declared once in the binding's {@link Parameters} table with
 * its type, default and meaning, and read through this object: the name, the default and the
 * allowed values a reader passes to {@link ParamReader} are the declared ones, so what {@code
 * ./faultline protocols} documents is what the binding accepts.
 *
 * <p>A default is fixed (written in the table and used by every read), computed (the table says in
 * words how, such as "every node that is not a client", and the binding passes the value it
 * computed to the read), or absent for a required parameter. Reading a parameter in a way its
 * declaration does not allow is a programming error ({@link IllegalStateException}), which the
 * bindings' contract test meets on every bundled scenario.
 */
public final class Parameter {
  /** What values a parameter takes; {@link #label()} is how the documentation names it. */
  public enum Type {
    DURATION("duration"),
    INTEGER("integer"),
    BOOLEAN("boolean"),
    STRING("string"),
    CHOICE("one of"),
    CHOICES("list of"),
    NODE("node"),
    NODES("list of nodes"),
    PROBABILITY("probability"),
    OBJECT("object"),
    OBJECTS("list of objects");

    private final String label;

    Type(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** How a default is decided: fixed, computed by the binding, or none (required). */
  public enum DefaultKind {
    FIXED,
    COMPUTED,
    REQUIRED
  }

  private final String path;
  private final String name;
  private final Type type;
  private final DefaultKind defaultKind;
  private final Object fixedDefault;
  private final String defaultText;
  private final long min;
  private final long max;
  private final List<String> allowed;
  private final String meaning;
  private final Parameters fields;

  Parameter(
      String path,
      String name,
      Type type,
      DefaultKind defaultKind,
      Object fixedDefault,
      String defaultText,
      long min,
      long max,
      List<String> allowed,
      String meaning,
      Parameters fields) {
    this.path = path;
    this.name = name;
    this.type = type;
    this.defaultKind = defaultKind;
    this.fixedDefault = fixedDefault;
    this.defaultText = defaultText;
    this.min = min;
    this.max = max;
    this.allowed = List.copyOf(allowed);
    this.meaning = meaning;
    this.fields = fields;
  }

  /** Where it is in {@code params}: {@code clients.mix.get}, {@code electionTimeouts[].min}. */
  public String path() {
    return path;
  }

  /** The field name in its own object: {@code get}, {@code min}. */
  public String name() {
    return name;
  }

  public Type type() {
    return type;
  }

  public DefaultKind defaultKind() {
    return defaultKind;
  }

  /** The fixed default as read ({@code Long} nanoseconds, {@code Boolean}, ...), else null. */
  public Object fixedDefault() {
    return fixedDefault;
  }

  /** The default as the documentation shows it: {@code 150ms}, or words for a computed one. */
  public String defaultText() {
    return defaultText;
  }

  /** The least value of an {@link Type#INTEGER}. */
  public long min() {
    return min;
  }

  /** The greatest value of an {@link Type#INTEGER}. */
  public long max() {
    return max;
  }

  /** The values a {@link Type#CHOICE} or {@link Type#CHOICES} accepts; empty otherwise. */
  public List<String> allowed() {
    return allowed;
  }

  /** One sentence: what it does. */
  public String meaning() {
    return meaning;
  }

  /** The table of an {@link Type#OBJECT}'s fields or of each {@link Type#OBJECTS} element. */
  public Parameters fields() {
    check(type == Type.OBJECT || type == Type.OBJECTS, "has no fields");
    return fields;
  }

  /** The type as the documentation shows it, such as {@code integer 1..1000}. */
  public String typeText() {
    return switch (type) {
      case INTEGER -> "integer " + min + ".." + max;
      case CHOICE -> "one of " + quoted(allowed);
      case CHOICES -> "list of " + quoted(allowed);
      default -> type.label();
    };
  }

  /** Whether the object has this field at all. */
  public boolean isSetIn(ParamReader params) {
    return params.has(name);
  }

  public long durationNanos(ParamReader params) {
    expect(Type.DURATION, DefaultKind.FIXED);
    return params.durationNanos(name, (Long) fixedDefault);
  }

  /** A duration whose default the binding computed, or a required one (then the default is -1). */
  public long durationNanos(ParamReader params, long computedDefaultNanos) {
    expectComputedOrRequired(Type.DURATION);
    return params.durationNanos(name, computedDefaultNanos);
  }

  public long integer(ParamReader params) {
    expect(Type.INTEGER, DefaultKind.FIXED);
    return params.integer(name, (Long) fixedDefault, min, max);
  }

  public long integer(ParamReader params, long computedDefault) {
    expectComputedOrRequired(Type.INTEGER);
    return params.integer(name, computedDefault, min, max);
  }

  public boolean bool(ParamReader params) {
    expect(Type.BOOLEAN, DefaultKind.FIXED);
    return params.bool(name, (Boolean) fixedDefault);
  }

  public String string(ParamReader params) {
    expect(Type.STRING, DefaultKind.FIXED);
    return params.string(name, (String) fixedDefault);
  }

  /** A string whose default the binding computed, or null for a required one it then checks. */
  public String string(ParamReader params, String computedDefault) {
    expectComputedOrRequired(Type.STRING);
    return params.string(name, computedDefault);
  }

  public String choice(ParamReader params) {
    expect(Type.CHOICE, DefaultKind.FIXED);
    return params.choice(name, (String) fixedDefault, allowed);
  }

  /** A required choice: null when absent, for the binding to report in its own words. */
  public String requiredChoice(ParamReader params) {
    expect(Type.CHOICE, DefaultKind.REQUIRED);
    return params.choice(name, null, allowed);
  }

  /** The values listed, each one allowed, none twice; empty when absent. */
  public List<String> choices(ParamReader params) {
    expect(Type.CHOICES, DefaultKind.FIXED);
    return params.strings(name, allowed);
  }

  public NodeId node(ParamReader params) {
    expect(Type.NODE, DefaultKind.REQUIRED);
    return params.node(name);
  }

  /** An optional node: empty when absent. */
  public Optional<NodeId> optionalNode(ParamReader params) {
    expect(Type.NODE, DefaultKind.COMPUTED);
    return params.optionalNode(name);
  }

  public List<NodeId> nodes(ParamReader params, List<NodeId> computedDefault) {
    expectComputedOrRequired(Type.NODES);
    return params.nodes(name, computedDefault);
  }

  public List<NodeId> nodes(ParamReader params) {
    expect(Type.NODES, DefaultKind.FIXED);
    return params.nodes(name, List.of());
  }

  public Ratio probability(ParamReader params) {
    expect(Type.PROBABILITY, DefaultKind.FIXED);
    return params.probability(name, (Ratio) fixedDefault);
  }

  /** The nested object (an empty one when absent), to read with {@link #fields()}. */
  public ParamReader object(ParamReader params) {
    check(type == Type.OBJECT, "is not an object");
    return params.object(name);
  }

  /** Each element object (none when absent), to read with {@link #fields()}. */
  public List<ParamReader> objects(ParamReader params) {
    check(type == Type.OBJECTS, "is not a list of objects");
    return params.objects(name);
  }

  /** A located error about this parameter. */
  public ScenarioException error(ParamReader params, String reason) {
    return params.error(name, reason);
  }

  private void expect(Type wanted, DefaultKind kind) {
    check(type == wanted, "is declared as " + type.label() + ", not read as " + wanted.label());
    check(defaultKind == kind, "has a " + defaultKind + " default, not read as " + kind);
  }

  private void expectComputedOrRequired(Type wanted) {
    check(type == wanted, "is declared as " + type.label() + ", not read as " + wanted.label());
    check(defaultKind != DefaultKind.FIXED, "has a fixed default: read it without one");
  }

  private void check(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalStateException("parameter " + path + " " + problem);
    }
  }

  private static String quoted(List<String> values) {
    return String.join(", ", values.stream().map(value -> "\"" + value + "\"").toList());
  }

  @Override
  public String toString() {
    return path + " (" + typeText() + ", default " + defaultText + ")";
  }
}
