package faultline.scenarios.bind;

import static faultline.engine.time.Nanos.MICRO;
import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;

import faultline.engine.random.Ratio;
import faultline.scenarios.bind.Parameter.DefaultKind;
import faultline.scenarios.bind.Parameter.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A protocol binding's table of parameters: every field its {@code params} may have, nested ones
 * included, each declared once with its type, default and meaning. A binding declares its table in
 * static fields, one {@link Parameter} per field, and reads each value through that field, so the
 * table that {@code ./faultline protocols} prints is the one the reader uses:
 *
 * <pre>{@code
 * static final Parameters PARAMETERS = new Parameters();
 * static final Parameter HEARTBEAT =
 *     PARAMETERS.duration("heartbeat", 50 * MILLI, "how often a leader sends AppendEntries");
 * ...
 * long heartbeatNanos = HEARTBEAT.durationNanos(scenario.params());
 * }</pre>
 *
 * <p>A nested table ({@link #object} or {@link #objects}) shares its parent's list, so {@link
 * #all()} of the top table lists every parameter, in declaration order, with paths like {@code
 * clients.mix.get} and {@code electionTimeouts[].min}.
 */
public final class Parameters {
  private final String prefix;
  private final List<Parameter> declared;

  /** A new, empty top-level table. */
  public Parameters() {
    this("", new ArrayList<>());
  }

  private Parameters(String prefix, List<Parameter> declared) {
    this.prefix = prefix;
    this.declared = declared;
  }

  /** The table of a protocol without parameters. */
  public static Parameters none() {
    return new Parameters();
  }

  /** A default that the binding computes when it reads; {@code text} says how, for the docs. */
  public static Computed computed(String text) {
    return new Computed(text);
  }

  /** The words that document a computed default, such as "every node that is not a client". */
  public record Computed(String text) {}

  /** Every parameter declared in this table and the tables nested in it, in declaration order. */
  public List<Parameter> all() {
    synchronized (declared) {
      return List.copyOf(declared);
    }
  }

  /** The parameter at {@code path} ({@code clients.mix.get}), if declared. */
  public Optional<Parameter> find(String path) {
    return all().stream().filter(parameter -> parameter.path().equals(path)).findFirst();
  }

  public Parameter duration(String name, long defaultNanos, String meaning) {
    return add(name, Type.DURATION, defaultNanos, duration(defaultNanos), meaning);
  }

  public Parameter duration(String name, Computed defaultValue, String meaning) {
    return computed(name, Type.DURATION, defaultValue, meaning);
  }

  public Parameter requiredDuration(String name, String meaning) {
    return required(name, Type.DURATION, meaning);
  }

  public Parameter integer(String name, long defaultValue, long min, long max, String meaning) {
    return declare(
        name,
        Type.INTEGER,
        DefaultKind.FIXED,
        defaultValue,
        Long.toString(defaultValue),
        min,
        max,
        List.of(),
        meaning,
        null);
  }

  public Parameter integer(String name, Computed defaultValue, long min, long max, String meaning) {
    return declare(
        name,
        Type.INTEGER,
        DefaultKind.COMPUTED,
        null,
        defaultValue.text(),
        min,
        max,
        List.of(),
        meaning,
        null);
  }

  public Parameter bool(String name, boolean defaultValue, String meaning) {
    return add(name, Type.BOOLEAN, defaultValue, Boolean.toString(defaultValue), meaning);
  }

  public Parameter string(String name, String defaultValue, String meaning) {
    return add(name, Type.STRING, defaultValue, "\"" + defaultValue + "\"", meaning);
  }

  /** A required string, read with a null default that the binding reports in its own words. */
  public Parameter requiredString(String name, String meaning) {
    return required(name, Type.STRING, meaning);
  }

  public Parameter string(String name, Computed defaultValue, String meaning) {
    return computed(name, Type.STRING, defaultValue, meaning);
  }

  public Parameter choice(String name, String defaultValue, List<String> allowed, String meaning) {
    if (!allowed.contains(defaultValue)) {
      throw new IllegalArgumentException(name + ": the default is not one of " + allowed);
    }
    return declare(
        name,
        Type.CHOICE,
        DefaultKind.FIXED,
        defaultValue,
        "\"" + defaultValue + "\"",
        0,
        0,
        allowed,
        meaning,
        null);
  }

  public Parameter requiredChoice(String name, List<String> allowed, String meaning) {
    return declare(
        name, Type.CHOICE, DefaultKind.REQUIRED, null, "required", 0, 0, allowed, meaning, null);
  }

  /** A list of distinct values, each one of {@code allowed}; empty by default. */
  public Parameter choices(String name, List<String> allowed, String meaning) {
    return declare(
        name, Type.CHOICES, DefaultKind.FIXED, List.of(), "[]", 0, 0, allowed, meaning, null);
  }

  public Parameter node(String name, String meaning) {
    return required(name, Type.NODE, meaning);
  }

  /**
   * An optional node, read as an {@code Optional}; {@code defaultValue} says what absence means.
   */
  public Parameter node(String name, Computed defaultValue, String meaning) {
    return computed(name, Type.NODE, defaultValue, meaning);
  }

  /** A list of distinct node names; empty by default. */
  public Parameter nodes(String name, String meaning) {
    return add(name, Type.NODES, List.of(), "[]", meaning);
  }

  /** A required list of nodes, read with an empty default that the binding reports. */
  public Parameter requiredNodes(String name, String meaning) {
    return required(name, Type.NODES, meaning);
  }

  public Parameter nodes(String name, Computed defaultValue, String meaning) {
    return computed(name, Type.NODES, defaultValue, meaning);
  }

  public Parameter probability(String name, Ratio defaultValue, String meaning) {
    return add(name, Type.PROBABILITY, defaultValue, decimal(defaultValue), meaning);
  }

  /** A nested object; declare its fields in {@code fields()} of the result. */
  public Parameter object(String name, String meaning) {
    return nest(name, Type.OBJECT, "{}", ".", meaning);
  }

  /** A list of objects; declare each element's fields in {@code fields()} of the result. */
  public Parameter objects(String name, String meaning) {
    return nest(name, Type.OBJECTS, "[]", "[].", meaning);
  }

  private Parameter nest(String name, Type type, String empty, String separator, String meaning) {
    Parameters fields = new Parameters(prefix + name + separator, declared);
    return declare(name, type, DefaultKind.FIXED, null, empty, 0, 0, List.of(), meaning, fields);
  }

  private Parameter add(String name, Type type, Object value, String text, String meaning) {
    return declare(name, type, DefaultKind.FIXED, value, text, 0, 0, List.of(), meaning, null);
  }

  private Parameter computed(String name, Type type, Computed value, String meaning) {
    return declare(
        name, type, DefaultKind.COMPUTED, null, value.text(), 0, 0, List.of(), meaning, null);
  }

  private Parameter required(String name, Type type, String meaning) {
    return declare(
        name, type, DefaultKind.REQUIRED, null, "required", 0, 0, List.of(), meaning, null);
  }

  private Parameter declare(
      String name,
      Type type,
      DefaultKind kind,
      Object value,
      String text,
      long min,
      long max,
      List<String> allowed,
      String meaning,
      Parameters fields) {
    Parameter parameter =
        new Parameter(
            prefix + name, name, type, kind, value, text, min, max, allowed, meaning, fields);
    synchronized (declared) {
      if (declared.stream().anyMatch(other -> other.path().equals(parameter.path()))) {
        throw new IllegalArgumentException(parameter.path() + " is declared twice");
      }
      declared.add(parameter);
    }
    return parameter;
  }

  /**
   * A duration in the largest unit that keeps it whole, as people write them in scenarios: {@code
   * 300ms} rather than {@code 0.3s}, {@code 10s}. The loader reads every result back exactly.
   */
  public static String duration(long nanos) {
    String[] units = {"s", "ms", "us"};
    long[] sizes = {SECOND, MILLI, MICRO};
    for (int i = 0; i < units.length; i++) {
      if (nanos != 0 && nanos % sizes[i] == 0) {
        return nanos / sizes[i] + units[i];
      }
    }
    return nanos == 0 ? "0s" : nanos + "ns";
  }

  /** A probability as a decimal when it has a finite one ({@code 0.01}), else as a fraction. */
  static String decimal(Ratio ratio) {
    try {
      return new BigDecimal(ratio.numerator())
          .divide(new BigDecimal(ratio.denominator()))
          .stripTrailingZeros()
          .toPlainString();
    } catch (ArithmeticException e) {
      return ratio.toString();
    }
  }

  @Override
  public String toString() {
    return Collections.unmodifiableList(all()).toString();
  }
}
