package faultline.scenarios.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * Describes the seeds a merge lacks in one line: each run of missing seeds with the result lines on
 * either side of it, so that a shard whose file was left out, or that stopped early, is named by
 * the files around its hole ("seeds 251..500 (250), after part-0.jsonl:250, before
 * part-2.jsonl:1").
 */
final class MissingSeeds {
  /** Holes listed in full; more are counted. */
  private static final int GAPS_LISTED_MAX = 3;

  private MissingSeeds() {}

  /**
   * The message for the seeds at the positions where {@code origins} is null, or null when none is
   * missing.
   *
   * @param seeds the sweep's seeds, in seed-list order
   * @param origins the file and line of each seed's result, null where it is missing
   */
  static String describe(String scenario, SeedList seeds, String[] origins) {
    List<int[]> gaps = gaps(origins);
    if (gaps.isEmpty()) {
      return null;
    }
    int missing = 0;
    for (int[] gap : gaps) {
      missing += gap[1] - gap[0];
    }
    List<String> described = new ArrayList<>();
    for (int[] gap : gaps.subList(0, Math.min(GAPS_LISTED_MAX, gaps.size()))) {
      described.add(gap(seeds.seeds(), origins, gap[0], gap[1]));
    }
    String more =
        gaps.size() > GAPS_LISTED_MAX
            ? "; and " + (gaps.size() - GAPS_LISTED_MAX) + " more runs of missing seeds"
            : "";
    return missing
        + " of the "
        + origins.length
        + " seeds of "
        + scenario
        + " ("
        + seeds.text()
        + ") are missing: "
        + String.join("; ", described)
        + more
        + ". Is a shard's file left out, or did a shard stop early?";
  }

  /** Runs of missing positions, each as {from, to} with {@code to} exclusive. */
  private static List<int[]> gaps(String[] origins) {
    List<int[]> gaps = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= origins.length; i++) {
      boolean missing = i < origins.length && origins[i] == null;
      if (missing && start < 0) {
        start = i;
      } else if (!missing && start >= 0) {
        gaps.add(new int[] {start, i});
        start = -1;
      }
    }
    return gaps;
  }

  private static String gap(long[] seeds, String[] origins, int from, int to) {
    long first = seeds[from];
    long last = seeds[to - 1];
    int count = to - from;
    String which;
    if (count == 1) {
      which = "seed " + first;
    } else if (last - first == count - 1) {
      which = "seeds " + first + ".." + last + " (" + count + ")";
    } else {
      which = count + " seeds from " + first + " to " + last;
    }
    String before = from == 0 ? "from the start" : "after " + origins[from - 1];
    String after = to == origins.length ? "to the end" : "before " + origins[to];
    return which + ", " + before + ", " + after;
  }
}
