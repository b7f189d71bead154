package faultline.scenarios.parse;

import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A {@link ParamReader} over one JSON object of a loaded scenario, with the locations of its text.
 *
 * <p>Every field a binding asks about (through any getter, or {@link #has}) counts as known; {@link
 * #finish()} then rejects the first field in document order that was never asked about, suggesting
 * the closest known name, and finishes the nested readers that {@link #object} and {@link #objects}
 * handed out, so that a binding cannot forget them. Reading is repeatable: a scenario run many
 * times asks the same questions and gets the same answers (and the same nested readers).
 */
public final class JsonParamReader implements ParamReader {
  private final Cursor cursor;
  private final KnownNodes nodes;

  // Guarded by `this`: a scenario may be run from several threads at once.
  private final Set<String> askedFields = new LinkedHashSet<>();
  private final Map<String, List<JsonParamReader>> children = new LinkedHashMap<>();

  JsonParamReader(Cursor cursor, KnownNodes nodes) {
    if (cursor.present()) {
      cursor.expectObject();
    }
    this.cursor = cursor;
    this.nodes = nodes;
  }

  /**
   * A reader over a JSON object given as text (comments allowed), for tests of protocol bindings.
   *
   * @param displayFile the file name that messages start with
   * @param path the path of the object, such as {@code params}
   * @param json the object's text
   * @param nodes the scenario's nodes, against which node names are checked
   * @throws ScenarioException if the text is not a JSON object
   */
  public static JsonParamReader fromText(
      String displayFile, String path, String json, Collection<NodeId> nodes) {
    JsonDocuments.Parsed parsed = JsonDocuments.parseObject(displayFile, json);
    Cursor root = Cursor.root(displayFile, parsed.sourceMap(), parsed.root(), path);
    return new JsonParamReader(root, new KnownNodes(nodes));
  }

  @Override
  public String path() {
    return cursor.path();
  }

  @Override
  public boolean has(String field) {
    return take(field).present();
  }

  @Override
  public String string(String field, String defaultValue) {
    Cursor value = take(field);
    return value.present() ? value.text() : defaultValue;
  }

  @Override
  public String choice(String field, String defaultValue, List<String> allowed) {
    Cursor value = take(field);
    if (!value.present()) {
      return defaultValue;
    }
    String text = value.text();
    if (!allowed.contains(text)) {
      throw value.error(notAllowed(text, allowed));
    }
    return text;
  }

  private static String notAllowed(String text, List<String> allowed) {
    return Messages.quote(text)
        + " is not one of "
        + Messages.quotedList(allowed)
        + Messages.didYouMean(text, allowed);
  }

  @Override
  public List<String> strings(String field, List<String> allowed) {
    Cursor value = take(field);
    if (!value.present()) {
      return List.of();
    }
    Set<String> strings = new LinkedHashSet<>();
    for (Cursor element : value.elements()) {
      String text = element.text();
      if (!allowed.contains(text)) {
        throw element.error(notAllowed(text, allowed));
      }
      if (!strings.add(text)) {
        throw element.error(Messages.quote(text) + " is listed twice");
      }
    }
    return List.copyOf(strings);
  }

  @Override
  public long integer(String field, long defaultValue, long min, long max) {
    Cursor value = take(field);
    return value.present() ? value.integer(min, max) : defaultValue;
  }

  @Override
  public boolean bool(String field, boolean defaultValue) {
    Cursor value = take(field);
    return value.present() ? value.bool() : defaultValue;
  }

  @Override
  public long durationNanos(String field, long defaultNanos) {
    Cursor value = take(field);
    return value.present() ? value.durationNanos() : defaultNanos;
  }

  @Override
  public long signedDurationNanos(String field, long defaultNanos) {
    Cursor value = take(field);
    return value.present() ? value.signedDurationNanos() : defaultNanos;
  }

  @Override
  public Ratio probability(String field, Ratio defaultValue) {
    Cursor value = take(field);
    return value.present() ? value.probability() : defaultValue;
  }

  @Override
  public NodeId node(String field) {
    take(field);
    return nodes.node(cursor.required(field));
  }

  @Override
  public Optional<NodeId> optionalNode(String field) {
    Cursor value = take(field);
    return value.present() ? Optional.of(nodes.node(value)) : Optional.empty();
  }

  @Override
  public List<NodeId> nodes(String field, List<NodeId> defaultValue) {
    Cursor value = take(field);
    return value.present() ? nodes.distinctNodes(value) : defaultValue;
  }

  @Override
  public List<ParamReader> objects(String field) {
    Cursor value = take(field);
    return List.copyOf(children(field, () -> elementReaders(value)));
  }

  @Override
  public ParamReader object(String field) {
    Cursor value = take(field);
    return children(field, () -> List.of(new JsonParamReader(value, nodes))).get(0);
  }

  @Override
  public ScenarioException error(String field, String reason) {
    return cursor.field(field).error(reason);
  }

  @Override
  public void finish() {
    List<String> known;
    List<JsonParamReader> nested = new ArrayList<>();
    synchronized (this) {
      known = List.copyOf(askedFields);
      children.values().forEach(nested::addAll);
    }
    if (cursor.present()) {
      for (String name : cursor.fieldNames()) {
        if (!known.contains(name)) {
          throw cursor.field(name).nameError(Cursor.unknownField(name, known));
        }
      }
    }
    nested.forEach(JsonParamReader::finish);
  }

  private Cursor take(String field) {
    synchronized (this) {
      askedFields.add(field);
    }
    return cursor.field(field);
  }

  private List<JsonParamReader> elementReaders(Cursor value) {
    if (!value.present()) {
      return List.of();
    }
    List<JsonParamReader> readers = new ArrayList<>();
    for (Cursor element : value.elements()) {
      readers.add(new JsonParamReader(element, nodes));
    }
    return List.copyOf(readers);
  }

  /** The nested readers of a field, made once so that repeated reads share their state. */
  private List<JsonParamReader> children(String field, Supplier<List<JsonParamReader>> make) {
    synchronized (this) {
      List<JsonParamReader> existing = children.get(field);
      if (existing != null) {
        return existing;
      }
    }
    List<JsonParamReader> made = make.get(); // May throw; then nothing is cached.
    synchronized (this) {
      return children.computeIfAbsent(field, unused -> made);
    }
  }

  @Override
  public String toString() {
    return "JsonParamReader[" + path() + "]";
  }
}
