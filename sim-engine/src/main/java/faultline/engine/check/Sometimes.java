package faultline.engine.check;

/**
 * A named property that should hold at least once somewhere in a sweep (Antithesis's "sometimes"
 * assertions): a rare path the fault mix ought to exercise, such as a leader deposed while it held
 * uncommitted entries. Reaching it never changes a run's verdict; a sweep counts how many seeds
 * reached each one, so that a property no seed reached shows a path the faults never drove the
 * protocol down, and the safety checks along it were never tried.
 *
 * <p>Like an {@link Invariant} it watches the run's ground truth after every event, cheaply; once
 * it reports itself reached, the engine records when (true time and trace sequence number) and
 * never asks it again. It must not call {@link InvariantContext#fail} or {@link
 * InvariantContext#undecided}: it observes, it does not judge.
 */
public interface Sometimes {
  /** A stable, dotted name such as {@code raft.leader-deposed-with-uncommitted-entries}. */
  String name();

  /** One sentence that says what was reached, shown next to the coverage counts. */
  String description();

  /**
   * Whether the property holds now, after the event just processed. Called after every event until
   * it first returns true, then never again.
   */
  boolean reached(InvariantContext context);

  /**
   * Whether this property reads the run's causal history; true unless overridden, as {@link
   * Invariant#readsCausalHistory()} says.
   */
  default boolean readsCausalHistory() {
    return true;
  }
}
