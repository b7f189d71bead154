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
    int completeIndex) {}
