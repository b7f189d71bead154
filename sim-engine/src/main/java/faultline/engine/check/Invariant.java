package faultline.engine.check;

/**
 * A named safety property, checked after every event of a run (continuously, and so cheaply: keep
 * incremental state rather than rescanning history) and optionally once more at the end.
 *
 * <p>An invariant reports a violation through {@link InvariantContext#fail}; the engine records it
 * in the trace with the sequence number and, by default, stops the run.
 */
public interface Invariant {
  /** A stable, dotted, human-readable name such as {@code clocks.lamport-clock-condition}. */
  String name();

  /** One sentence that says what must hold, shown to users next to a violation. */
  String description();

  void afterEvent(InvariantContext context);

  /** Checks that need the whole run (a history, a liveness goal). */
  default void atEnd(InvariantContext context) {}
}
