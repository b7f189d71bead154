package faultline.engine;

import faultline.engine.check.EventuallyResult;
import faultline.engine.check.SometimesResult;
import faultline.engine.check.Undecided;
import faultline.engine.check.Violation;
import java.util.List;
import java.util.SortedMap;

/**
 * How a run ended: why it stopped, at what virtual time, how many trace events it wrote, its
 * fingerprint (the run's identity: the SHA-256 of the canonical binary encoding of its trace), the
 * violations found, the checks left undecided, and its metrics.
 *
 * <p>{@code sometimes} says which of the run's sometimes properties it reached, and when; {@code
 * eventually} how its eventually properties were judged.
 *
 * <p>A run has one of three verdicts ({@link #verdict}): violated when an invariant failed (a
 * violation is conclusive however the run ended) or an eventually property failed; otherwise
 * inconclusive when it stopped at a limit before its stated end, or a check could not decide;
 * otherwise passed.
 */
public record RunOutcome(
    StopReason stopReason,
    long endNanos,
    long events,
    String fingerprint,
    List<Violation> violations,
    List<Undecided> undecided,
    SortedMap<String, Long> metrics,
    List<SometimesResult> sometimes,
    List<EventuallyResult> eventually) {

  /** What a run shows. */
  public enum Verdict {
    PASSED("passed"),
    VIOLATED("violated"),
    INCONCLUSIVE("inconclusive");

    private final String label;

    Verdict(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public enum StopReason {
    /** Virtual time reached the run's limit. */
    TIME_LIMIT("time-limit", "reached the virtual-time limit"),
    /** Nothing was left to happen. */
    QUIESCENT("quiescent", "nothing left to happen"),
    /** The event limit was reached first. */
    EVENT_LIMIT("event-limit", "reached the event limit"),
    /** Too many events were pending at once: a protocol is flooding the queue. */
    QUEUE_LIMIT("queue-limit", "too many pending events (queue limit)"),
    /** An invariant failed and the run was set to stop at the first violation. */
    VIOLATION("violation", "stopped at the first violation"),
    /** The user stopped it (Ctrl-C), through a {@link RunMonitor}. */
    INTERRUPTED("interrupted", "stopped by the user (Ctrl-C)"),
    /** Its real-time budget ran out, through a {@link RunMonitor}. */
    WALL_CLOCK_LIMIT("wall-clock-limit", "reached its wall-clock limit");

    private final String label;
    private final String explanation;

    StopReason(String label, String explanation) {
      this.label = label;
      this.explanation = explanation;
    }

    public String label() {
      return label;
    }

    public String explanation() {
      return explanation;
    }
  }

  /**
   * True when an invariant was violated (a failed eventually property is {@link
   * #failedEventually}).
   */
  public boolean violated() {
    return !violations.isEmpty();
  }

  /** The eventually properties that failed, in declaration order. */
  public List<EventuallyResult> failedEventually() {
    return eventually.stream().filter(EventuallyResult::failed).toList();
  }

  /** True when a limit, not the run's stated end, stopped it: what came after was never seen. */
  public boolean stoppedByLimit() {
    return switch (stopReason) {
      case EVENT_LIMIT, QUEUE_LIMIT, INTERRUPTED, WALL_CLOCK_LIMIT -> true;
      case TIME_LIMIT, QUIESCENT, VIOLATION -> false;
    };
  }

  public Verdict verdict() {
    if (violated() || !failedEventually().isEmpty()) {
      return Verdict.VIOLATED;
    }
    return stoppedByLimit() || !undecided.isEmpty() ? Verdict.INCONCLUSIVE : Verdict.PASSED;
  }
}
