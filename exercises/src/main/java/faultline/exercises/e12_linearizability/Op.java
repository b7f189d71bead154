package faultline.exercises.e12_linearizability;

/**
 * One operation of a register's history: its invocation paired with its completion. Operations are
 * numbered by invocation ({@code id} is the operation's index in {@link History#ops()}), and their
 * events by position in the history ({@code invokedAt}, {@code completedAt}): one event happens
 * before another when its position is lower, which is all that real time means here.
 *
 * @param id this operation's index in {@link History#ops()}
 * @param process the client process; a process has at most one operation outstanding
 * @param kind read, write or compare-and-set
 * @param value for a read, the value it returned (when {@code OK}); for a write, the value it
 *     wrote; for a cas, the value it expected
 * @param newValue for a cas, the value it stores when it finds {@code value}; 0 otherwise
 * @param outcome how it completed: {@code OK} (it took effect, and a read returned {@code value}),
 *     {@code FAIL} (it certainly did not take effect) or {@code INFO} (nobody knows: it may have
 *     taken effect at any moment after its invocation, even after the history ends, or never)
 * @param invokedAt the position of its invocation in the history
 * @param completedAt the position of its {@code ok} or {@code fail}; {@link #NEVER} for {@code
 *     INFO}, which bounds nothing
 */
public record Op(
    int id,
    int process,
    Kind kind,
    long value,
    long newValue,
    Outcome outcome,
    int invokedAt,
    int completedAt) {
  /** The {@code completedAt} of an operation whose outcome is unknown. */
  public static final int NEVER = Integer.MAX_VALUE;

  public enum Kind {
    READ,
    WRITE,
    CAS
  }

  public enum Outcome {
    OK,
    FAIL,
    INFO
  }

  /** {@code process 2 read -> 5}, {@code process 0 write 3 (outcome unknown)}, ... */
  public String describe() {
    String what =
        switch (kind) {
          case READ -> "read" + (outcome == Outcome.OK ? " -> " + value : "");
          case WRITE -> "write " + value;
          case CAS -> "cas " + value + " -> " + newValue;
        };
    String how =
        switch (outcome) {
          case OK -> "";
          case FAIL -> " (failed)";
          case INFO -> " (outcome unknown)";
        };
    return "operation " + id + ": process " + process + " " + what + how;
  }
}
