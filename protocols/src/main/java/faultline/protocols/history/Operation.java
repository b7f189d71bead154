package faultline.protocols.history;

/**
 * An invocation paired with its completion. {@code output} is the result for {@code ok}; for an
 * {@code info} operation (outcome unknown) {@code completed} is false and the operation may take
 * effect at any point after {@code invokeIndex}, or never.
 *
 * @param invokeIndex position of the invoke event in the history
 * @param completeIndex position of the completion, or {@code Integer.MAX_VALUE} when unknown
 */
public record Operation(
    int process,
    String f,
    String key,
    Object input,
    Object output,
    boolean completed,
    int invokeIndex,
    int completeIndex) {

  /**
   * The operation as a student reads it: {@code process 2 read x -> 5}, {@code process 0 write 3},
   * {@code process 1 cas x [3, 4] (outcome unknown)}.
   */
  public String describe() {
    StringBuilder text = new StringBuilder("process ").append(process).append(' ').append(f);
    if (key != null) {
      text.append(' ').append(key);
    }
    if (!isQuery()) {
      text.append(' ').append(Values.describe(input));
    } else if (completed) {
      text.append(" -> ").append(Values.describe(output));
    }
    if (!completed) {
      text.append(" (outcome unknown)");
    }
    return text.toString();
  }

  private boolean isQuery() {
    return f.equals("read") || f.equals("get");
  }
}
