package faultline.protocols.register;

import faultline.engine.Check;
import faultline.engine.node.NodeId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Configuration of the last-writer-wins register.
 *
 * @param resolveBy the timestamp that decides which write wins
 * @param writes scripted writes; {@code atNanos} is on the writer's monotonic clock, which equals
 *     true time for a node without drift
 * @param randomWrites random writes by every node, or null for none
 * @param bugs planted mistakes (the bug zoo); empty in every honest run
 */
public record RegisterConfig(
    Timestamping resolveBy,
    List<ScriptedWrite> writes,
    RandomWrites randomWrites,
    Set<RegisterBug> bugs) {
  public RegisterConfig {
    Check.argument(resolveBy != null, "resolveBy is required");
    writes = List.copyOf(writes);
    bugs = bugs.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(bugs));
  }

  public RegisterConfig(
      Timestamping resolveBy, List<ScriptedWrite> writes, RandomWrites randomWrites) {
    this(resolveBy, writes, randomWrites, Set.of());
  }

  boolean has(RegisterBug bug) {
    return bugs.contains(bug);
  }

  /** One write at a given time by a given node. */
  public record ScriptedWrite(long atNanos, NodeId node, String value) {}

  /** Each node writes after a random interval in {@code [min, max]}, until {@code untilNanos}. */
  public record RandomWrites(long intervalMinNanos, long intervalMaxNanos, long untilNanos) {
    public RandomWrites {
      Check.argument(
          0 < intervalMinNanos && intervalMinNanos <= intervalMaxNanos,
          "random write interval must satisfy 0 < min <= max");
    }
  }
}
