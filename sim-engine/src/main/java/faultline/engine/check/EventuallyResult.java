package faultline.engine.check;

/**
 * How an {@link Eventually} property was judged: held, failed (with why), or not judged (the run
 * stopped before the judging moment: at a violation, at a limit, or before the quiet window after
 * the faults was over). {@code timeNanos} is the judging moment and {@code seq} the last trace
 * event before it; both are {@code -1} when it was not judged.
 */
public record EventuallyResult(
    String property, String description, Status status, long seq, long timeNanos, String message) {

  /** The three answers. */
  public enum Status {
    HELD("held"),
    FAILED("failed"),
    NOT_JUDGED("not judged");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public boolean failed() {
    return status == Status.FAILED;
  }
}
