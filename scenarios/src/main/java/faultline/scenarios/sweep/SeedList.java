package faultline.scenarios.sweep;

import java.util.Arrays;

/**
 * The seeds of a sweep, in the order they are reported: {@code 1..1000}, {@code 7}, or a comma list
 * of both, such as {@code 1..100,500,900..999}. Ranges are inclusive; a seed may appear only once.
 *
 * @param text the list as the user wrote it, recorded in every result line
 * @param seeds the seeds, in order
 */
public record SeedList(String text, long[] seeds) {
  /** More seeds than this in one sweep is almost certainly a typo (and would not fit in memory). */
  static final long SEEDS_MAX = 100_000_000;

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming what is wrong, for a one-line error message
   */
  public static SeedList parse(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("no seeds given; write them like 1..1000 or 1,5,9");
    }
    long count = 0;
    String[] parts = trimmed.split(",", -1);
    long[][] ranges = new long[parts.length][];
    for (int i = 0; i < parts.length; i++) {
      ranges[i] = range(parts[i].strip(), trimmed);
      count += ranges[i][1] - ranges[i][0] + 1;
      if (count > SEEDS_MAX) {
        throw new IllegalArgumentException(
            "'"
                + trimmed
                + "' has more than "
                + SEEDS_MAX
                + " seeds; split the sweep with --shard");
      }
    }
    long[] seeds = new long[(int) count];
    int next = 0;
    for (long[] range : ranges) {
      for (long seed = range[0]; ; seed++) {
        seeds[next++] = seed;
        if (seed == range[1]) {
          break;
        }
      }
    }
    long[] sorted = seeds.clone();
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        throw new IllegalArgumentException(
            "seed " + sorted[i] + " appears twice in '" + trimmed + "'");
      }
    }
    return new SeedList(trimmed, seeds);
  }

  private static long[] range(String part, String whole) {
    int dots = part.indexOf("..");
    try {
      if (dots < 0) {
        long seed = Long.parseLong(part);
        return new long[] {seed, seed};
      }
      long first = Long.parseLong(part.substring(0, dots).strip());
      long last = Long.parseLong(part.substring(dots + 2).strip());
      if (last < first) {
        throw new IllegalArgumentException(
            "range '" + part + "' in '" + whole + "' ends before it starts");
      }
      return new long[] {first, last};
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + part + "' in '" + whole + "' is not a seed or a range like 1..1000");
    }
  }

  public int size() {
    return seeds.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SeedList list && Arrays.equals(seeds, list.seeds);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(seeds);
  }

  @Override
  public String toString() {
    return text;
  }
}
