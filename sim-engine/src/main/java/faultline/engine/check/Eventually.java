package faultline.engine.check;

import java.util.Optional;

/**
 * A named liveness property judged once per run: at the run's end, or at the moment the faults have
 * been over for a quiet window (see {@code SimulationBuilder.judgeEventuallyAfterQuiet}). Something
 * the system must get back to once it is left alone: a leader exists, every live member agrees on
 * the membership, every client operation completed. A failed one is a verdict of its own kind,
 * beside the invariants' violations: the run is violated.
 *
 * <p>It is not asked after every event: it reads the state at the judging moment (through the same
 * ground-truth view invariants get, with no last step), or what an {@link Invariant} or {@link
 * Observer} of the same protocol kept along the way. It must not call {@link
 * InvariantContext#fail}: its answer is its return value.
 */
public interface Eventually {
  /** A stable, dotted name such as {@code raft.leader-exists}. */
  String name();

  /** One sentence that says what must have come about, shown next to a failure. */
  String description();

  /** Empty when the property holds at the judging moment; otherwise why it does not. */
  Optional<String> judge(InvariantContext context);

  /**
   * Whether this property reads the run's causal history; true unless overridden, as {@link
   * Invariant#readsCausalHistory()} says.
   */
  default boolean readsCausalHistory() {
    return true;
  }
}
