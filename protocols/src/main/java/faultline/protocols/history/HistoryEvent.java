package faultline.protocols.history;

/**
 * One line of a client history, Jepsen style: a process invokes an operation, then the operation
 * completes as {@code ok} (it took effect, with its result), {@code fail} (it certainly did not
 * take effect) or {@code info} (unknown: it may take effect at any point after its invocation, or
 * never). Events are kept in real-time order.
 *
 * @param process the client process, which has at most one operation outstanding
 * @param type invoke, ok, fail or info
 * @param f the operation: {@code read}, {@code write}, {@code cas} (model register) or {@code get},
 *     {@code put}, {@code append} (model kv)
 * @param key the key, or null for the single register of a history without keys
 * @param value the argument on invoke, the result on ok: a String, a Long, null, or for {@code cas}
 *     a two-element {@code List} of expected and new value
 * @param timeNanos when it happened, by the recorder's clock (for reports; order is what counts)
 */
public record HistoryEvent(
    int process, Type type, String f, String key, Object value, long timeNanos) {
  public enum Type {
    INVOKE,
    OK,
    FAIL,
    INFO
  }

  public HistoryEvent {
    // Written out, not Check.argument: its varargs made an array for every event of every client
    // history, and each is made twice (the client's and the collector's copy).
    if (process < 0) {
      throw new IllegalArgumentException("process must not be negative: " + process);
    }
    if (type == null || f == null) {
      throw new IllegalArgumentException("type and f are required");
    }
  }
}
