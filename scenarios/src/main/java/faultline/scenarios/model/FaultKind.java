package faultline.scenarios.model;

import faultline.engine.fault.Fault;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fault kinds a scenario can schedule: the one table that the scenario reader, the JSON Schema,
 * the README, the timeline's what-if menu and the grader's trace reading are derived from or tested
 * against. Each kind is one record of the engine's sealed {@link Fault}; {@code FaultKindTest}
 * fails when a record has no kind here, and the reader's {@code switch} over this enum has no
 * default, so a new kind that the reader cannot build does not compile.
 *
 * <p>Adding a fault kind: the record in {@link Fault} (and its effect in the engine, which the
 * compiler asks for), a constant here, its branch in the scenario reader's {@code FaultReader}, its
 * text in {@code describe}'s {@code FaultText} (the compiler asks for both), its variant in {@code
 * scenario.schema.json} and its row in {@code scenarios/README.md} (tests compare both with this
 * table).
 */
public enum FaultKind {
  PARTITION(
      "partition", Fault.Partition.class, List.of("groups"), "\"groups\": [[\"%1$s\"], [%2$s]]"),
  HEAL("heal", Fault.Heal.class, List.of(), ""),
  BLOCK("block", Fault.Block.class, List.of("from", "to"), "\"from\": \"%1$s\", \"to\": \"%3$s\""),
  UNBLOCK(
      "unblock",
      Fault.Unblock.class,
      List.of("from", "to"),
      "\"from\": \"%1$s\", \"to\": \"%3$s\""),
  CRASH("crash", Fault.Crash.class, List.of("node", "loseUnsyncedWrites"), "\"node\": \"%1$s\""),
  RESTART("restart", Fault.Restart.class, List.of("node"), "\"node\": \"%1$s\""),
  PAUSE(
      "pause",
      Fault.Pause.class,
      List.of("node", "duration"),
      "\"node\": \"%1$s\", \"duration\": \"50ms\"",
      "pause",
      "resume"),
  CLOCK_OFFSET(
      "clock-offset",
      Fault.ClockOffset.class,
      List.of("node", "offset"),
      "\"node\": \"%1$s\", \"offset\": \"+100ms\"",
      "clock"),
  CLOCK_DRIFT(
      "clock-drift",
      Fault.ClockDrift.class,
      List.of("node", "drift"),
      "\"node\": \"%1$s\", \"drift\": \"200ppm\"",
      "clock"),
  CLOCK_JUMP(
      "clock-jump",
      Fault.ClockJump.class,
      List.of("node", "by"),
      "\"node\": \"%1$s\", \"by\": \"+500ms\"",
      "clock"),
  LINK(
      "link",
      Fault.LinkChange.class,
      List.of("from", "to", "latency", "loss", "duplicate", "reorder", "fifo"),
      "\"to\": \"%1$s\", \"loss\": 0.2");

  private final String typeName;
  private final Class<? extends Fault> recordClass;
  private final List<String> fields;
  private final String example;
  private final List<String> traceTypes;

  FaultKind(
      String typeName,
      Class<? extends Fault> recordClass,
      List<String> fields,
      String example,
      String... traceTypes) {
    this.typeName = typeName;
    this.recordClass = recordClass;
    this.fields = fields;
    this.example = example;
    this.traceTypes = traceTypes.length == 0 ? List.of(typeName) : List.of(traceTypes);
  }

  /** The {@code type} a scenario file gives the fault, such as {@code clock-jump}. */
  public String typeName() {
    return typeName;
  }

  /** The engine's record for this kind. */
  public Class<? extends Fault> recordClass() {
    return recordClass;
  }

  /** The fields the fault takes besides {@code at} and {@code type}, in documentation order. */
  public List<String> fields() {
    return fields;
  }

  /**
   * The {@code type}s of the trace events the engine writes when it applies a fault of this kind (a
   * pause also writes its {@code resume}; every clock fault writes {@code clock}). A fault that
   * cannot apply, such as a crash of a node that is down, writes a {@code note} instead.
   */
  public List<String> traceTypes() {
    return traceTypes;
  }

  /**
   * The fields of a sensible new fault of this kind on these nodes, as JSON members without braces,
   * such as {@code "node": "n1", "duration": "100ms"}: what the timeline's what-if editor starts
   * from. {@code FaultKindTest} loads every kind's example.
   */
  public String exampleFields(List<String> nodes) {
    String first = nodes.isEmpty() ? "n1" : nodes.getFirst();
    String second = nodes.size() > 1 ? nodes.get(1) : first;
    String others =
        String.join(", ", nodes.stream().skip(1).map(node -> "\"" + node + "\"").toList());
    return String.format(example, first, others, second);
  }

  /** The kind a scenario's {@code type} names. */
  public static Optional<FaultKind> named(String typeName) {
    return Arrays.stream(values()).filter(kind -> kind.typeName.equals(typeName)).findFirst();
  }

  /** The kind of an engine fault. */
  public static FaultKind of(Fault fault) {
    return Arrays.stream(values())
        .filter(kind -> kind.recordClass.isInstance(fault))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no fault kind for " + fault));
  }

  /** Every kind's {@code type}, in this table's order. */
  public static List<String> typeNames() {
    return Arrays.stream(values()).map(FaultKind::typeName).toList();
  }

  /** Every trace event type that records a fault, in this table's order, each once. */
  public static Set<String> allTraceTypes() {
    Set<String> types = new LinkedHashSet<>();
    for (FaultKind kind : values()) {
      types.addAll(kind.traceTypes);
    }
    return Collections.unmodifiableSet(types);
  }
}
