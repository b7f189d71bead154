package faultline.scenarios.model;

import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import java.util.List;

/**
 * Faults drawn from the run's seed rather than scripted: every {@code every} (a random gap), one
 * fault of a random kind hits random nodes for a random {@code duration}, from {@code from} until
 * {@code until}. Every drawn fault is over by {@code until}, so the rest of the run is a liveness
 * phase on a healed system. The same seed always draws the same schedule.
 *
 * @param clockJumpMaxNanos the largest clock step, either way, of a {@code clock-jump}
 * @param loseUnsyncedWrites the chance that a drawn crash also loses the node's writes not yet
 *     synced (a power failure rather than a process crash); zero draws nothing, so a block without
 *     it draws the same schedule as before it existed
 */
public record RandomFaults(
    long fromNanos,
    long untilNanos,
    long gapMinNanos,
    long gapMaxNanos,
    long durationMinNanos,
    long durationMaxNanos,
    List<Kind> kinds,
    List<NodeId> nodes,
    long clockJumpMaxNanos,
    Ratio loseUnsyncedWrites) {

  /** What a drawn fault does. */
  public enum Kind {
    /** Cuts a random minority off from the rest, then heals. */
    PARTITION("partition"),
    /** Blocks one direction of one random link, then unblocks it. */
    ONE_WAY("one-way"),
    /**
     * Crashes a random node, then restarts it; its unsynced writes are kept, or lost with the
     * block's {@code loseUnsyncedWrites} chance.
     */
    CRASH("crash"),
    /** Freezes a random node in a stop-the-world pause. */
    PAUSE("pause"),
    /** Steps a random node's wall clock forward or back. */
    CLOCK_JUMP("clock-jump");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public RandomFaults {
    kinds = List.copyOf(kinds);
    nodes = List.copyOf(nodes);
  }

  /** The same block with its window ending at {@code nanos} at the latest. */
  public RandomFaults endingBy(long nanos) {
    return nanos >= untilNanos
        ? this
        : new RandomFaults(
            fromNanos,
            nanos,
            gapMinNanos,
            gapMaxNanos,
            durationMinNanos,
            durationMaxNanos,
            kinds,
            nodes,
            clockJumpMaxNanos,
            loseUnsyncedWrites);
  }
}
