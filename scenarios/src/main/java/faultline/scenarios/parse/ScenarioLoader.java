package faultline.scenarios.parse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.net.LinkPolicy;
import faultline.engine.node.NodeId;
import faultline.scenarios.model.ClockSpec;
import faultline.scenarios.model.Expectation;
import faultline.scenarios.model.Narration;
import faultline.scenarios.model.RunSpec;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.sweep.SeedList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Loads scenario files strictly: every unknown field, unknown node, impossible value or malformed
 * piece of JSON is a {@link ScenarioException} whose message is {@code file:line:column: path:
 * reason}, and no other exception escapes for any input. The format is described field by field in
 * {@code scenarios/README.md} and in the JSON Schema {@code faultline/scenario.schema.json}.
 *
 * <p>The loader does not read {@code params}: it hands the protocol's binding a {@link
 * JsonParamReader}, which reads and checks them as strictly.
 */
public final class ScenarioLoader {
  static final long DEFAULT_SEED = 1;
  static final long DEFAULT_DURATION_NANOS = 10_000_000_000L;
  static final long DEFAULT_MAX_EVENTS = 10_000_000;
  static final int DEFAULT_MAX_QUEUE = 1_000_000;
  static final int NODES_MAX = 1024;
  static final int NAME_LENGTH_MAX = 100;

  /** Letters and digits of any script, and {@code . _ - + /}: nothing a terminal or shell reads. */
  private static final Pattern NAME =
      Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._+/-]{0," + (NAME_LENGTH_MAX - 1) + "}");

  /**
   * The largest scenario file read: far above any written by hand (the bundled ones are a few KiB)
   * or generated with a long fault schedule, and small enough to parse in a default heap.
   */
  public static final long FILE_BYTES_MAX = 64L * 1024 * 1024;

  static final List<String> ROOT_FIELDS =
      List.of(
          "$schema",
          "name",
          "description",
          "protocol",
          "nodes",
          "params",
          "network",
          "clocks",
          "faults",
          "randomFaults",
          "invariants",
          "run",
          "seed",
          "expect",
          "narration");
  private static final List<String> CLOCK_FIELDS = List.of("offset", "drift");
  private static final List<String> RUN_FIELDS =
      List.of("duration", "until", "maxEvents", "maxQueue", "stopOnViolation", "quietAfterFaults");
  private static final List<String> EXPECT_FIELDS =
      List.of("violations", "metrics", "mayBeUndecided", "rate");
  private static final List<String> RATE_FIELDS = List.of("seeds", "min", "max");
  private static final List<String> BOUND_FIELDS = List.of("min", "max");

  private final SortedMap<String, SortedSet<String>> invariantsByProtocol;
  private final SortedMap<String, SortedSet<String>> eventuallyByProtocol;

  /**
   * @param invariantsByProtocol the known protocols, each with the names of its invariants
   * @param eventuallyByProtocol the names of a protocol's eventually properties, where it has any.
   *     A scenario's {@code "invariants"} cannot choose them (every run judges them all), but its
   *     {@code expect.violations} may name one that a demonstration shows failing.
   */
  public ScenarioLoader(
      Map<String, SortedSet<String>> invariantsByProtocol,
      Map<String, SortedSet<String>> eventuallyByProtocol) {
    this.invariantsByProtocol = sortedCopy(invariantsByProtocol);
    this.eventuallyByProtocol = sortedCopy(eventuallyByProtocol);
  }

  private static SortedMap<String, SortedSet<String>> sortedCopy(
      Map<String, SortedSet<String>> namesByProtocol) {
    SortedMap<String, SortedSet<String>> copy = new TreeMap<>();
    namesByProtocol.forEach(
        (protocol, names) ->
            copy.put(protocol, Collections.unmodifiableSortedSet(new TreeSet<>(names))));
    return Collections.unmodifiableSortedMap(copy);
  }

  /**
   * Loads a file: messages name it as given, its origin is the path, and its default name is the
   * file name without its extension.
   */
  public Scenario loadFile(Path path) {
    String displayFile = path.toString();
    String text = InputFiles.readText(path, displayFile, FILE_BYTES_MAX);
    Path fileName = path.getFileName();
    String name = fileName == null ? displayFile : fileName.toString();
    int dot = name.lastIndexOf('.');
    return load(displayFile, displayFile, dot > 0 ? name.substring(0, dot) : name, text);
  }

  /**
   * Loads a scenario from its text.
   *
   * @param displayFile how messages name the file
   * @param origin where the scenario came from, such as a path or {@code bundled:clocks/lww-skew}
   * @param defaultName the name when the scenario does not give one
   * @param text the JSON text; {@code //} and {@code /* *}{@code /} comments are allowed
   */
  public Scenario load(String displayFile, String origin, String defaultName, String text) {
    Objects.requireNonNull(text, "text");
    JsonDocuments.Parsed parsed = JsonDocuments.parseObject(displayFile, text);
    Cursor root = Cursor.root(displayFile, parsed.sourceMap(), parsed.root());
    return build(root, parsed.root().deepCopy(), origin, defaultName);
  }

  /**
   * Loads a scenario from JSON that is already parsed, such as the copy in a trace header. Errors
   * carry no line or column. The default name is {@code displayFile}'s name without extension.
   */
  public Scenario loadSource(String displayFile, String origin, ObjectNode source) {
    String name = displayFile.substring(displayFile.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return loadSource(displayFile, origin, dot > 0 ? name.substring(0, dot) : name, source);
  }

  /** Like {@link #loadSource(String, String, ObjectNode)}, with an explicit default name. */
  public Scenario loadSource(
      String displayFile, String origin, String defaultName, ObjectNode source) {
    Cursor root = Cursor.root(displayFile, SourceMap.NONE, source.deepCopy());
    return build(root, source.deepCopy(), origin, defaultName);
  }

  /**
   * Reads the document under {@code root}. The scenario keeps {@code source}, a copy of it, so that
   * whoever changes the scenario's source cannot change what its params reader sees.
   */
  private Scenario build(Cursor root, ObjectNode source, String origin, String defaultName) {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(defaultName, "defaultName");
    root.onlyFields(ROOT_FIELDS);
    if (root.field("$schema").present()) {
      root.field("$schema").text(); // Editors use it; the loader does not.
    }
    String name = root.field("name").present() ? name(root.field("name")) : safeName(defaultName);
    String description = prose(root.required("description"));
    String protocol = protocol(root.required("protocol"));
    Checks known =
        new Checks(
            invariantsByProtocol.get(protocol),
            eventuallyByProtocol.getOrDefault(protocol, Collections.emptySortedSet()));
    List<NodeId> nodeList = nodes(root.required("nodes"));
    KnownNodes nodes = new KnownNodes(nodeList);
    RunSpec run = run(root.field("run"));
    LinkPolicy network = NetworkReader.network(root.field("network"));
    List<String> invariants = invariants(root.field("invariants"), protocol, known);
    SortedMap<NodeId, ClockSpec> clocks = clocks(root.field("clocks"), nodes);
    Narration narration = NarrationReader.read(root.field("narration"), nodes, run.durationNanos());
    return new Scenario(
        name,
        description,
        protocol,
        nodeList,
        params(root.field("params"), nodes),
        network,
        NetworkReader.links(root.field("network").field("links"), network, nodes),
        clocks,
        FaultReader.faults(root.field("faults"), nodes, run.durationNanos(), clocks),
        RandomFaultsReader.read(root.field("randomFaults"), nodes, nodeList, run.durationNanos()),
        invariants,
        run,
        seed(root.field("seed")),
        expectation(root.field("expect"), protocol, known, invariants),
        narration,
        source,
        origin);
  }

  /**
   * A scenario's name is printed at the head of every summary and written into traces and sweep
   * results, so it may not hold what could forge output or commands: line breaks, control or escape
   * characters, spaces, quotes, shell syntax.
   */
  private static String name(Cursor field) {
    String name = field.nonBlankText();
    if (!NAME.matcher(name).matches()) {
      throw field.error(
          "a scenario name starts with a letter or digit and has at most "
              + NAME_LENGTH_MAX
              + " letters, digits, '.', '_', '-', '+' or '/', got "
              + Messages.quote(name));
    }
    return name;
  }

  /** Text printed as it is: line breaks and tabs, but no escape or other control characters. */
  static String prose(Cursor field) {
    String text = field.nonBlankText();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = Character.isISOControl(c) || c == 0x2028 || c == 0x2029;
      if (control && c != '\n' && c != '\t' && c != '\r') {
        throw field.error(
            String.format(
                "contains the control character U+%04X at position %d; write it out in words",
                (int) c, i + 1));
      }
    }
    return text;
  }

  /**
   * The name of a file that gives none: its file name, each character a name cannot hold as '_'.
   */
  private static String safeName(String fileName) {
    StringBuilder name = new StringBuilder();
    fileName
        .codePoints()
        .limit(NAME_LENGTH_MAX)
        .forEach(
            c ->
                name.appendCodePoint(
                    Character.isLetterOrDigit(c) || ".-_+/".indexOf(c) >= 0 ? c : '_'));
    if (name.isEmpty() || !Character.isLetterOrDigit(name.codePointAt(0))) {
      name.insert(0, "scenario");
    }
    return name.toString();
  }

  private static long seed(Cursor seed) {
    return seed.present() ? seed.integer(Long.MIN_VALUE, Long.MAX_VALUE) : DEFAULT_SEED;
  }

  private String protocol(Cursor field) {
    String protocol = field.nonBlankText();
    if (!invariantsByProtocol.containsKey(protocol)) {
      Set<String> protocols = invariantsByProtocol.keySet();
      throw field.error(
          "unknown protocol "
              + Messages.quote(protocol)
              + Messages.didYouMean(protocol, protocols)
              + " (known: "
              + (protocols.isEmpty() ? "none" : Messages.list(protocols))
              + ")");
    }
    return protocol;
  }

  /** An array of distinct names, or a count N meaning n1..nN; sorted either way. */
  private static List<NodeId> nodes(Cursor field) {
    if (field.node().isIntegralNumber()) {
      int count = (int) field.integer(1, NODES_MAX);
      List<NodeId> nodes = new ArrayList<>();
      for (int i = 1; i <= count; i++) {
        nodes.add(NodeId.of("n" + i));
      }
      return List.copyOf(nodes);
    }
    if (!field.node().isArray()) {
      throw field.error("expected an array of node names or a node count, got " + field.describe());
    }
    List<Cursor> elements = field.elements();
    if (elements.isEmpty() || elements.size() > NODES_MAX) {
      throw field.error("a scenario has from 1 to " + NODES_MAX + " nodes, got " + elements.size());
    }
    Set<NodeId> nodes = new LinkedHashSet<>();
    for (Cursor element : elements) {
      String name = element.text();
      if (!KnownNodes.NAME.matcher(name).matches()) {
        throw element.error(
            "invalid node name "
                + Messages.quote(name)
                + ": a node name starts with a letter and has at most 64 letters, digits, '_',"
                + " '.' or '-'");
      }
      NodeId node = element.build(() -> NodeId.of(name));
      if (!nodes.add(node)) {
        throw element.error("node " + node + " is listed twice");
      }
    }
    return nodes.stream().sorted().toList();
  }

  private static RunSpec run(Cursor run) {
    if (run.present()) {
      run.expectObject().onlyFields(RUN_FIELDS);
    }
    Cursor duration = run.field("duration");
    Cursor maxEvents = run.field("maxEvents");
    Cursor maxQueue = run.field("maxQueue");
    Cursor stopOnViolation = run.field("stopOnViolation");
    Cursor until = run.field("until");
    Cursor quiet = run.field("quietAfterFaults");
    long durationNanos =
        duration.present() ? duration.positiveDurationNanos() : DEFAULT_DURATION_NANOS;
    return new RunSpec(
        durationNanos,
        maxEvents.present() ? maxEvents.integer(1, Long.MAX_VALUE) : DEFAULT_MAX_EVENTS,
        maxQueue.present() ? (int) maxQueue.integer(1, Integer.MAX_VALUE) : DEFAULT_MAX_QUEUE,
        !stopOnViolation.present() || stopOnViolation.bool(),
        until.present() ? until.positiveDurationNanos() : durationNanos,
        quiet.present() ? quiet.durationNanos() : RunSpec.AT_THE_END);
  }

  private static JsonParamReader params(Cursor params, KnownNodes nodes) {
    return new JsonParamReader(params, nodes);
  }

  private static SortedMap<NodeId, ClockSpec> clocks(Cursor clocks, KnownNodes nodes) {
    SortedMap<NodeId, ClockSpec> specs = new TreeMap<>();
    if (!clocks.present()) {
      return Collections.unmodifiableSortedMap(specs);
    }
    for (String name : clocks.fieldNames()) {
      Cursor clock = clocks.field(name);
      NodeId node = clockNode(clocks, name, nodes);
      clock.expectObject().onlyFields(CLOCK_FIELDS);
      long offsetNanos =
          clock.field("offset").present() ? clock.field("offset").signedDurationNanos() : 0;
      long driftPpb = clock.field("drift").present() ? clock.field("drift").driftPpb() : 0;
      specs.put(node, new ClockSpec(offsetNanos, driftPpb));
    }
    return Collections.unmodifiableSortedMap(specs);
  }

  /** A key of {@code clocks}, which must name a node; errors point at the key. */
  private static NodeId clockNode(Cursor clocks, String name, KnownNodes nodes) {
    NodeId node = nodes.find(name);
    if (node == null) {
      throw clocks.field(name).nameError(nodes.unknown(name));
    }
    return node;
  }

  /** A protocol's names: its invariants, and its eventually properties. */
  private record Checks(SortedSet<String> invariants, SortedSet<String> eventually) {}

  /** The invariants to check: the listed ones, or all of the protocol's. */
  private static List<String> invariants(Cursor field, String protocol, Checks known) {
    if (!field.present()) {
      return List.copyOf(known.invariants());
    }
    List<Cursor> elements = field.elements();
    if (elements.isEmpty()) {
      throw field.error(
          "list at least one invariant, or leave out \"invariants\" to check all of them");
    }
    Set<String> names = new LinkedHashSet<>();
    for (Cursor element : elements) {
      String name = element.text();
      if (known.eventually().contains(name)) {
        throw element.error(
            Messages.quote(name)
                + " is an eventually property of "
                + protocol
                + ", not an invariant: every run judges those; \"invariants\" chooses among "
                + Messages.list(known.invariants()));
      }
      requireKnownInvariant(element, name, protocol, known, known.invariants());
      if (!names.add(name)) {
        throw element.error("invariant " + Messages.quote(name) + " is listed twice");
      }
    }
    return List.copyOf(names);
  }

  /** Fails unless {@code name} is one of the protocol's invariants, suggesting {@code all}. */
  private static void requireKnownInvariant(
      Cursor element, String name, String protocol, Checks known, SortedSet<String> all) {
    if (known.invariants().contains(name)) {
      return;
    }
    throw element.error(
        "unknown "
            + (all.size() > known.invariants().size()
                ? "invariant or eventually property "
                : "invariant ")
            + Messages.quote(name)
            + " for protocol "
            + protocol
            + Messages.didYouMean(name, all)
            + " (known: "
            + (all.isEmpty() ? "none" : Messages.list(all))
            + ")");
  }

  private static Expectation expectation(
      Cursor expect, String protocol, Checks known, List<String> checked) {
    if (!expect.present()) {
      return new Expectation(
          List.of(), Collections.unmodifiableSortedMap(new TreeMap<>()), List.of(), null);
    }
    expect.expectObject().onlyFields(EXPECT_FIELDS);
    List<String> violations = expected(expect.field("violations"), protocol, known, checked, true);
    List<String> mayBeUndecided =
        expected(expect.field("mayBeUndecided"), protocol, known, checked, false);
    Expectation.SeedRate rate = rate(expect.field("rate"));
    if (rate != null && violations.isEmpty()) {
      throw expect.field("rate").error("a rate needs the violations it counts in \"violations\"");
    }
    return new Expectation(violations, metrics(expect.field("metrics")), mayBeUndecided, rate);
  }

  /**
   * A list of distinct names, each an invariant the scenario checks or (where {@code
   * eventuallyAllowed}: a violation, not an undecided check) an eventually property; empty when
   * absent.
   */
  private static List<String> expected(
      Cursor field,
      String protocol,
      Checks known,
      List<String> checked,
      boolean eventuallyAllowed) {
    if (!field.present()) {
      return List.of();
    }
    SortedSet<String> all = new TreeSet<>(known.invariants());
    if (eventuallyAllowed) {
      all.addAll(known.eventually());
    }
    Set<String> names = new LinkedHashSet<>();
    for (Cursor element : field.elements()) {
      String name = element.text();
      if (known.eventually().contains(name)) {
        if (!eventuallyAllowed) {
          throw element.error(
              Messages.quote(name)
                  + " is an eventually property: it is judged or not judged, never undecided");
        }
      } else {
        requireKnownInvariant(element, name, protocol, known, all);
        if (!checked.contains(name)) {
          throw element.error(
              "invariant "
                  + Messages.quote(name)
                  + " is not checked by this scenario (add it to \"invariants\")");
        }
      }
      if (!names.add(name)) {
        throw element.error(Messages.quote(name) + " is listed twice");
      }
    }
    return List.copyOf(names);
  }

  /** {@code {"seeds": "1..100", "min": 3, "max": 10}}, or null when absent. */
  private static Expectation.SeedRate rate(Cursor rate) {
    if (!rate.present()) {
      return null;
    }
    rate.expectObject().onlyFields(RATE_FIELDS);
    Cursor seedsField = rate.required("seeds");
    String seeds = seedsField.nonBlankText();
    long count;
    try {
      count = SeedList.parse(seeds).seeds().length;
    } catch (IllegalArgumentException e) {
      throw seedsField.error(e.getMessage());
    }
    Expectation.Bound violated = minMax(rate, "a rate needs min, max or both");
    if (violated.max() != null && violated.max() > count) {
      throw rate.field("max")
          .error("max (" + violated.max() + ") is above the " + count + " seeds");
    }
    if (violated.min() != null && violated.min() < 0) {
      throw rate.field("min").error("min must not be negative");
    }
    return new Expectation.SeedRate(seeds, violated);
  }

  private static SortedMap<String, Expectation.Bound> metrics(Cursor metrics) {
    SortedMap<String, Expectation.Bound> bounds = new TreeMap<>();
    if (metrics.present()) {
      for (String name : metrics.fieldNames()) {
        Cursor bound = metrics.field(name);
        if (name.isBlank()) {
          throw bound.nameError("a metric name must not be empty");
        }
        bounds.put(name, bound(bound));
      }
    }
    return Collections.unmodifiableSortedMap(bounds);
  }

  private static Expectation.Bound bound(Cursor bound) {
    bound.expectObject().onlyFields(BOUND_FIELDS);
    return minMax(bound, "a metric bound needs min, max or both");
  }

  /** The {@code min} and {@code max} of an object whose fields were checked by the caller. */
  private static Expectation.Bound minMax(Cursor bound, String neither) {
    Cursor minField = bound.field("min");
    Cursor maxField = bound.field("max");
    if (!minField.present() && !maxField.present()) {
      throw bound.error(neither);
    }
    Long min = minField.present() ? minField.integer(Long.MIN_VALUE, Long.MAX_VALUE) : null;
    Long max = maxField.present() ? maxField.integer(Long.MIN_VALUE, Long.MAX_VALUE) : null;
    if (min != null && max != null && max < min) {
      throw maxField.error("max (" + max + ") is below min (" + min + ")");
    }
    return new Expectation.Bound(min, max);
  }
}
