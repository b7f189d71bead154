package faultline.engine.check;

/**
 * A named safety property, checked after every event of a run (continuously, and so cheaply: keep
 * incremental state rather than rescanning history) and optionally once more at the end.
 *
 * <p>An invariant reports a violation through {@link InvariantContext#fail}; the engine records it
 * in the trace with the sequence number and, by default, stops the run.
 *
 * <p><b>The causal history.</b> A step's ground-truth {@link Step#truth() stamp} and {@link
 * InvariantContext#causalFloor} cost the engine a vector per sending step and a vector merge per
 * delivery. It tracks them only when some check of the run (an invariant, an {@link Observer}, a
 * {@link Sometimes} or {@link Eventually} property) may read them: every check is assumed to,
 * unless it declares otherwise by overriding {@link #readsCausalHistory()} to return false. When
 * every check of a run declares so, the engine keeps only each node's count of steps ({@link
 * Step#index()} still works), and {@code truth()} or {@code causalFloor} then throw an {@link
 * IllegalStateException} naming the check that asked: a declaration that is wrong fails loudly,
 * never silently.
 */
public interface Invariant {
  /** A stable, dotted, human-readable name such as {@code clocks.lamport-clock-condition}. */
  String name();

  /** One sentence that says what must hold, shown to users next to a violation. */
  String description();

  void afterEvent(InvariantContext context);

  /** Checks that need the whole run (a history, a liveness goal). */
  default void atEnd(InvariantContext context) {}

  /**
   * Whether this invariant reads the run's causal history ({@link Step#truth()}, {@link
   * InvariantContext#causalFloor}); true unless overridden, so that an invariant that says nothing
   * is always given it. Return false only when it never reads either: see the class comment.
   */
  default boolean readsCausalHistory() {
    return true;
  }
}
