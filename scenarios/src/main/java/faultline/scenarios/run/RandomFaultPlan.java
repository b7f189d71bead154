package faultline.scenarios.run;

import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.lookup.LookupMap;
import faultline.engine.node.NodeId;
import faultline.engine.random.SimRandom;
import faultline.scenarios.model.RandomFaults;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a scenario's random faults from the run's {@code faults} stream (TigerBeetle's VOPR draws
 * its partitions and crashes the same way). Each fault ends by {@code until}; a fault that would
 * overlap one of the same kind on the same target (a second partition while one holds, a crash of a
 * node that is down) is left out, so every heal, unblock and restart undoes exactly its own fault.
 * The draw depends only on the seed and the block, so replaying a trace draws it again.
 */
public final class RandomFaultPlan {
  private RandomFaultPlan() {}

  public static List<ScheduledFault> draw(RandomFaults spec, SimRandom random) {
    List<ScheduledFault> faults = new ArrayList<>();
    LookupMap<String, Long> busyUntil = new LookupMap<>(); // Looked up, never iterated.
    long atNanos = spec.fromNanos() + gap(spec, random);
    while (atNanos < spec.untilNanos()) {
      RandomFaults.Kind kind = spec.kinds().get(random.nextInt(spec.kinds().size()));
      long endNanos =
          Math.min(
              spec.untilNanos(),
              atNanos + random.nextLongBetween(spec.durationMinNanos(), spec.durationMaxNanos()));
      List<NodeId> shuffled = shuffled(spec.nodes(), random);
      String target = targetOf(kind, shuffled);
      if (busyUntil.getOrDefault(target, Long.MIN_VALUE) <= atNanos) {
        busyUntil.put(target, endNanos);
        add(faults, kind, shuffled, atNanos, endNanos, spec, random);
      }
      atNanos += gap(spec, random);
    }
    return faults;
  }

  private static void add(
      List<ScheduledFault> faults,
      RandomFaults.Kind kind,
      List<NodeId> shuffled,
      long atNanos,
      long endNanos,
      RandomFaults spec,
      SimRandom random) {
    NodeId first = shuffled.get(0);
    switch (kind) {
      case PARTITION -> {
        // A minority, 1 to floor(n/2) nodes, is cut off from everyone else.
        int minority = 1 + random.nextInt(Math.max(1, shuffled.size() / 2));
        List<NodeId> cut = List.copyOf(shuffled.subList(0, minority).stream().sorted().toList());
        faults.add(new ScheduledFault(atNanos, new Fault.Partition(List.of(cut))));
        faults.add(new ScheduledFault(endNanos, new Fault.Heal()));
      }
      case ONE_WAY -> {
        NodeId to = shuffled.get(1);
        faults.add(new ScheduledFault(atNanos, new Fault.Block(first, to)));
        faults.add(new ScheduledFault(endNanos, new Fault.Unblock(first, to)));
      }
      case CRASH -> {
        boolean loseUnsynced = random.chance(spec.loseUnsyncedWrites()); // No draw when zero.
        faults.add(new ScheduledFault(atNanos, new Fault.Crash(first, loseUnsynced)));
        faults.add(new ScheduledFault(endNanos, new Fault.Restart(first)));
      }
      case PAUSE ->
          faults.add(new ScheduledFault(atNanos, new Fault.Pause(first, endNanos - atNanos)));
      case CLOCK_JUMP ->
          faults.add(
              new ScheduledFault(
                  atNanos,
                  new Fault.ClockJump(
                      first,
                      random.nextLongBetween(
                          -spec.clockJumpMaxNanos(), spec.clockJumpMaxNanos()))));
    }
  }

  /** What two faults must not both hold at once: the partition, a link, or a node. */
  private static String targetOf(RandomFaults.Kind kind, List<NodeId> shuffled) {
    return switch (kind) {
      case PARTITION -> "partition";
      case ONE_WAY -> "link " + shuffled.get(0) + "->" + shuffled.get(1);
      case CRASH, PAUSE -> "node " + shuffled.get(0);
      case CLOCK_JUMP -> "clock " + shuffled.get(0);
    };
  }

  private static long gap(RandomFaults spec, SimRandom random) {
    return random.nextLongBetween(spec.gapMinNanos(), spec.gapMaxNanos());
  }

  /** A Fisher–Yates shuffle on our own stream, so the order is the same on every JVM. */
  private static List<NodeId> shuffled(List<NodeId> nodes, SimRandom random) {
    List<NodeId> copy = new ArrayList<>(nodes);
    for (int i = copy.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      NodeId swap = copy.get(i);
      copy.set(i, copy.get(j));
      copy.set(j, swap);
    }
    return copy;
  }
}
