package faultline.scenarios.parse;

import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import faultline.scenarios.model.RandomFaults;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the {@code randomFaults} block of a scenario. */
final class RandomFaultsReader {
  static final List<String> FIELDS =
      List.of(
          "from",
          "until",
          "every",
          "duration",
          "kinds",
          "nodes",
          "clockJump",
          "loseUnsyncedWrites");

  private static final long DEFAULT_GAP_MIN_NANOS = 300_000_000L;
  private static final long DEFAULT_GAP_MAX_NANOS = 1_500_000_000L;
  private static final long DEFAULT_DURATION_MIN_NANOS = 200_000_000L;
  private static final long DEFAULT_DURATION_MAX_NANOS = 2_000_000_000L;
  private static final long DEFAULT_CLOCK_JUMP_NANOS = 500_000_000L;

  private RandomFaultsReader() {}

  /** The block, or null when the scenario has none. */
  static RandomFaults read(Cursor block, KnownNodes nodes, List<NodeId> allNodes, long runNanos) {
    if (!block.present()) {
      return null;
    }
    block.expectObject();
    block.onlyFields(FIELDS);
    long fromNanos = block.field("from").present() ? block.field("from").durationNanos() : 0;
    Cursor until = block.field("until");
    long untilNanos = until.present() ? until.positiveDurationNanos() : runNanos;
    if (untilNanos > runNanos) {
      throw until.error("after the end of the run (" + Durations.format(runNanos) + ")");
    }
    if (fromNanos >= untilNanos) {
      throw block.field("from").present()
          ? block
              .field("from")
              .error("must come before until (" + Durations.format(untilNanos) + ")")
          : until.error("must be after 0s");
    }
    long[] gap = range(block.field("every"), DEFAULT_GAP_MIN_NANOS, DEFAULT_GAP_MAX_NANOS);
    long[] duration =
        range(block.field("duration"), DEFAULT_DURATION_MIN_NANOS, DEFAULT_DURATION_MAX_NANOS);
    List<RandomFaults.Kind> kinds = kinds(block.field("kinds"));
    List<NodeId> targets =
        block.field("nodes").present()
            ? nodes.distinctNodes(block.field("nodes").expectArray())
            : allNodes;
    if (targets.size() < 2
        && (kinds.contains(RandomFaults.Kind.PARTITION)
            || kinds.contains(RandomFaults.Kind.ONE_WAY))) {
      throw (block.field("nodes").present() ? block.field("nodes") : block)
          .error("partitions and one-way cuts need at least two nodes to cut apart");
    }
    Cursor jump = block.field("clockJump");
    long clockJumpNanos = jump.present() ? jump.positiveDurationNanos() : DEFAULT_CLOCK_JUMP_NANOS;
    Cursor lose = block.field("loseUnsyncedWrites");
    Ratio loseUnsyncedWrites = lose.present() ? lose.probability() : Ratio.ZERO;
    return new RandomFaults(
        fromNanos,
        untilNanos,
        gap[0],
        gap[1],
        duration[0],
        duration[1],
        kinds,
        targets,
        clockJumpNanos,
        loseUnsyncedWrites);
  }

  /** {@code "300ms..1.5s"} or a single {@code "1s"}: both ends above zero, in order. */
  private static long[] range(Cursor field, long defaultMin, long defaultMax) {
    if (!field.present()) {
      return new long[] {defaultMin, defaultMax};
    }
    String text = field.text();
    int dots = text.indexOf("..");
    String[] ends =
        dots < 0
            ? new String[] {text, text}
            : new String[] {text.substring(0, dots), text.substring(dots + 2)};
    long[] nanos = new long[2];
    for (int i = 0; i < 2; i++) {
      try {
        nanos[i] = field.bounded(Durations.parse(ends[i].strip()));
      } catch (IllegalArgumentException e) {
        throw field.error(e.getMessage() + "; expected a duration or a range like \"300ms..1.5s\"");
      }
      if (nanos[i] == 0) {
        throw field.error("must be longer than 0s");
      }
    }
    if (nanos[0] > nanos[1]) {
      throw field.error("the range " + Messages.quote(text) + " ends before it starts");
    }
    return nanos;
  }

  private static List<RandomFaults.Kind> kinds(Cursor field) {
    List<String> labels =
        Arrays.stream(RandomFaults.Kind.values()).map(RandomFaults.Kind::label).toList();
    if (!field.present()) {
      return List.of(RandomFaults.Kind.values());
    }
    List<RandomFaults.Kind> kinds = new ArrayList<>();
    for (Cursor element : field.expectArray().elements()) {
      String label = element.text();
      RandomFaults.Kind kind =
          Arrays.stream(RandomFaults.Kind.values())
              .filter(candidate -> candidate.label().equals(label))
              .findFirst()
              .orElseThrow(
                  () ->
                      element.error(
                          "unknown fault kind "
                              + Messages.quote(label)
                              + "; the kinds are "
                              + Messages.quotedList(labels)));
      if (kinds.contains(kind)) {
        throw element.error("fault kind " + Messages.quote(label) + " is listed twice");
      }
      kinds.add(kind);
    }
    if (kinds.isEmpty()) {
      throw field.error("list at least one kind, or leave kinds out for all of them");
    }
    return kinds;
  }
}
