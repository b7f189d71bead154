package faultline.engine;

import faultline.engine.check.Violation;
import java.util.List;
import java.util.SortedMap;

/**
 * How a run ended: why it stopped, at what virtual time, how many trace events it wrote, its
 * fingerprint (the run's identity: the SHA-256 of the canonical binary encoding of its trace), the
 * violations found, and its metrics.
 */
public record RunOutcome(
    StopReason stopReason,
    long endNanos,
    long events,
    String fingerprint,
    List<Violation> violations,
    SortedMap<String, Long> metrics) {

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
    VIOLATION("violation", "stopped at the first violation");

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

  public boolean violated() {
    return !violations.isEmpty();
  }
}
