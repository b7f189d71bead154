package faultline.scenarios.parse;

import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.net.LinkPolicy;
import faultline.engine.node.NodeId;
import faultline.scenarios.model.ClockSpec;
import faultline.scenarios.model.FaultKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code faults}: each an object with {@code at}, {@code type} and the type's fields. */
final class FaultReader {
  /** Every field some fault takes, for "did you mean" before the type is known. */
  private static final Set<String> ALL_FIELDS = allFields();

  private final KnownNodes nodes;
  private final long runDurationNanos;

  /** How far each node's wall clock could be set or stepped away from true time, in total. */
  private final Map<NodeId, ClockReach> clockReach = new HashMap<>();

  private FaultReader(KnownNodes nodes, long runDurationNanos) {
    this.nodes = nodes;
    this.runDurationNanos = runDurationNanos;
  }

  /**
   * The faults, sorted by time; faults at the same time keep their order in the file.
   *
   * @param clocks each node's clock at time zero, for bounding offsets and jumps
   */
  static List<ScheduledFault> faults(
      Cursor faults, KnownNodes nodes, long runDurationNanos, Map<NodeId, ClockSpec> clocks) {
    if (!faults.present()) {
      return List.of();
    }
    FaultReader reader = new FaultReader(nodes, runDurationNanos);
    clocks.forEach(
        (node, clock) -> reader.reach(node).offsetMaxNanos = Math.abs(clock.offsetNanos()));
    List<ScheduledFault> scheduled = new ArrayList<>();
    List<Cursor> elements = faults.elements();
    for (int index = 0; index < elements.size(); index++) {
      LoadProgress.checkingFault(index, elements.size());
      scheduled.add(reader.scheduled(elements.get(index)));
    }
    LoadProgress.done();
    scheduled.sort(Comparator.comparingLong(ScheduledFault::atNanos)); // List.sort is stable.
    return List.copyOf(scheduled);
  }

  private ScheduledFault scheduled(Cursor fault) {
    fault.expectObject().onlyFields(ALL_FIELDS);
    Cursor typeField = fault.required("type");
    String type = typeField.text();
    FaultKind kind =
        FaultKind.named(type)
            .orElseThrow(
                () ->
                    typeField.error(
                        "unknown fault type "
                            + Messages.quote(type)
                            + Messages.didYouMean(type, FaultKind.typeNames())
                            + " (known types: "
                            + Messages.list(FaultKind.typeNames())
                            + ")"));
    for (String name : fault.fieldNames()) {
      if (!name.equals("at") && !name.equals("type") && !kind.fields().contains(name)) {
        throw fault.field(name).nameError(misplaced(name, type, kind.fields()));
      }
    }
    Cursor atField = fault.required("at");
    long atNanos = atField.durationNanos();
    if (atNanos > runDurationNanos) {
      throw atField.error("after the end of the run (" + Durations.format(runDurationNanos) + ")");
    }
    return new ScheduledFault(atNanos, fault(fault, kind));
  }

  private static String misplaced(String name, String type, List<String> fields) {
    String takes =
        fields.isEmpty() ? "it takes only at and type" : "it takes " + Messages.list(fields);
    return "field "
        + Messages.quote(name)
        + " does not apply to a "
        + type
        + " fault ("
        + takes
        + ")";
  }

  /** Builds the fault; no default branch, so a kind added to the table must be read here. */
  private Fault fault(Cursor fault, FaultKind kind) {
    return switch (kind) {
      case PARTITION -> new Fault.Partition(groups(fault.required("groups")));
      case HEAL -> new Fault.Heal();
      case BLOCK -> new Fault.Block(from(fault), to(fault));
      case UNBLOCK -> new Fault.Unblock(from(fault), to(fault));
      case CRASH -> new Fault.Crash(node(fault), loseUnsyncedWrites(fault));
      case RESTART -> new Fault.Restart(node(fault));
      case PAUSE ->
          new Fault.Pause(node(fault), fault.required("duration").positiveDurationNanos());
      case CLOCK_OFFSET -> clockOffset(fault);
      case CLOCK_DRIFT -> new Fault.ClockDrift(node(fault), fault.required("drift").driftPpb());
      case CLOCK_JUMP -> clockJump(fault);
      case LINK -> link(fault);
    };
  }

  private Fault clockOffset(Cursor fault) {
    NodeId node = node(fault);
    Cursor offset = fault.required("offset");
    long offsetNanos = offset.signedDurationNanos();
    ClockReach reach = reach(node);
    reach.offsetMaxNanos = Math.max(reach.offsetMaxNanos, Math.abs(offsetNanos));
    reach.check(offset, node);
    return new Fault.ClockOffset(node, offsetNanos);
  }

  private Fault clockJump(Cursor fault) {
    NodeId node = node(fault);
    Cursor by = fault.required("by");
    long byNanos = by.signedDurationNanos();
    ClockReach reach = reach(node);
    reach.jumpsNanos += Math.abs(byNanos); // Each is at most 100 years, and the sum is checked.
    reach.check(by, node);
    return new Fault.ClockJump(node, byNanos);
  }

  private ClockReach reach(NodeId node) {
    return clockReach.computeIfAbsent(node, unused -> new ClockReach());
  }

  /**
   * A bound on how far a node's wall clock can get from true time: its largest offset plus all its
   * jumps. Kept within the duration limit, the clock's readings always fit in a long.
   */
  private static final class ClockReach {
    long offsetMaxNanos;
    long jumpsNanos;

    void check(Cursor at, NodeId node) {
      if (offsetMaxNanos + jumpsNanos > Cursor.DURATION_MAX_NANOS) {
        throw at.error(
            "the offsets and jumps of "
                + node
                + "'s clock add up to more than "
                + Durations.format(Cursor.DURATION_MAX_NANOS)
                + " (100 years)");
      }
    }
  }

  private NodeId node(Cursor fault) {
    return nodes.node(fault.required("node"));
  }

  private NodeId from(Cursor fault) {
    return nodes.node(fault.required("from"));
  }

  /** The {@code to} node, which must differ from {@code from}. */
  private NodeId to(Cursor fault) {
    NodeId to = nodes.node(fault.required("to"));
    NetworkReader.requireDifferent(fault.field("to"), from(fault), to);
    return to;
  }

  private static boolean loseUnsyncedWrites(Cursor fault) {
    Cursor value = fault.field("loseUnsyncedWrites");
    return value.present() && value.bool();
  }

  /** The groups of a partition: at least one, none empty, no node in two. */
  private List<List<NodeId>> groups(Cursor groups) {
    List<Cursor> elements = groups.elements();
    if (elements.isEmpty()) {
      throw groups.error("a partition needs at least one group");
    }
    Map<NodeId, String> groupOf = new HashMap<>();
    List<List<NodeId>> result = new ArrayList<>();
    for (Cursor group : elements) {
      List<NodeId> members = new ArrayList<>();
      for (Cursor member : group.elements()) {
        NodeId node = nodes.node(member);
        String earlier = groupOf.putIfAbsent(node, group.path());
        if (earlier != null) {
          throw member.error("node " + node + " is already in " + earlier);
        }
        members.add(node);
      }
      if (members.isEmpty()) {
        throw group.error("a group needs at least one node");
      }
      result.add(List.copyOf(members));
    }
    return List.copyOf(result);
  }

  /** A change of link policies: null fields keep each link's current setting. */
  private Fault link(Cursor fault) {
    if (NetworkReader.POLICY_FIELDS.stream().noneMatch(name -> fault.field(name).present())) {
      throw fault.error(
          "a link fault needs at least one of " + Messages.list(NetworkReader.POLICY_FIELDS));
    }
    NodeId from = fault.field("from").present() ? from(fault) : null;
    NodeId to = fault.field("to").present() ? nodes.node(fault.field("to")) : null;
    if (from != null && to != null) {
      NetworkReader.requireDifferent(fault.field("to"), from, to);
    }
    // Read the settings over the defaults only to validate and convert them; keep just the set
    // ones.
    LinkPolicy read = NetworkReader.policy(fault, LinkPolicy.defaults());
    return new Fault.LinkChange(
        from,
        to,
        fault.field("latency").present() ? read.latency() : null,
        fault.field("loss").present() ? read.loss() : null,
        fault.field("duplicate").present() ? read.duplicate() : null,
        fault.field("reorder").present() ? read.reorder() : null,
        fault.field("fifo").present() ? read.fifo() : null);
  }

  private static Set<String> allFields() {
    Set<String> all = new LinkedHashSet<>(List.of("at", "type"));
    Arrays.stream(FaultKind.values()).forEach(kind -> all.addAll(kind.fields()));
    return Collections.unmodifiableSet(all);
  }
}
