package faultline.scenarios.sweep;

import java.util.function.Function;

/**
 * One part of a sweep split across machines: shard {@code index} of {@code count} (counted from 0,
 * as Kubernetes numbers the pods of an Indexed Job) takes a contiguous block of the seed list, the
 * blocks differing in size by at most one seed. {@code auto/n} takes the index from the batch
 * system: {@code JOB_COMPLETION_INDEX} (Kubernetes Indexed Jobs), else {@code SLURM_ARRAY_TASK_ID}
 * (Slurm job arrays, submitted with {@code --array=0-(n-1)}).
 */
public record Shard(int index, int count) {
  public static final Shard WHOLE = new Shard(0, 1);
  static final String KUBERNETES_INDEX = "JOB_COMPLETION_INDEX";
  static final String SLURM_INDEX = "SLURM_ARRAY_TASK_ID";

  /**
   * Parses {@code i/n} or {@code auto/n}, reading the environment through {@code environment}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Shard parse(String text, Function<String, String> environment) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException(
          "'" + text + "' is not i/n (like 0/4) or auto/n (index from the batch system)");
    }
    int count = number(text.substring(slash + 1), "n", text);
    if (count < 1) {
      throw new IllegalArgumentException("'" + text + "': n must be at least 1");
    }
    String indexText = text.substring(0, slash).strip();
    int index;
    if (indexText.equals("auto")) {
      index = indexFromEnvironment(environment, text);
    } else {
      index = number(indexText, "i", text);
    }
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "'" + text + "': shard index " + index + " is outside 0.." + (count - 1) + " (from 0)");
    }
    return new Shard(index, count);
  }

  private static int indexFromEnvironment(Function<String, String> environment, String text) {
    for (String variable : new String[] {KUBERNETES_INDEX, SLURM_INDEX}) {
      String value = environment.apply(variable);
      if (value != null && !value.isBlank()) {
        return number(value, variable, text);
      }
    }
    throw new IllegalArgumentException(
        "'"
            + text
            + "': neither "
            + KUBERNETES_INDEX
            + " nor "
            + SLURM_INDEX
            + " is set; give the index yourself, like 0/"
            + text.substring(text.indexOf('/') + 1));
  }

  private static int number(String value, String what, String text) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "': " + what + " is '" + value.strip() + "', not a whole number");
    }
  }

  /** The first position in a list of {@code total} seeds that this shard runs. */
  public int from(int total) {
    return (int) ((long) total * index / count);
  }

  /** One past the last position in a list of {@code total} seeds that this shard runs. */
  public int to(int total) {
    return (int) ((long) total * (index + 1) / count);
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
