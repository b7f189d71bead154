package faultline.scenarios.analysis;

import static faultline.engine.time.Nanos.MILLI;

import java.util.List;

/**
 * One line of Raft's Figure 16: election timeouts drawn uniformly from {@code [min, max]}, the
 * leader's heartbeat every {@code min / 2} (the paper: "its heartbeat interval, which was half of
 * the minimum election timeout for all tests").
 *
 * @param panel which graph of the figure the line belongs to: {@link #RANDOMNESS} (top) or {@link
 *     #SCALE} (bottom)
 * @param trialShare the paper's trials for this line as a share of the others' 1,000: 150-150 had
 *     100
 */
public record ElectionTimeouts(long minNanos, long maxNanos, String panel, double trialShare) {
  /** The top graph: the minimum fixed at 150 ms, the randomness varied. */
  public static final String RANDOMNESS = "randomness";

  /** The bottom graph: the minimum scaled, the randomness as wide as the minimum. */
  public static final String SCALE = "scale";

  /** The figure's eleven lines, top graph first, in the paper's order. */
  public static List<ElectionTimeouts> figure16() {
    return List.of(
        new ElectionTimeouts(150 * MILLI, 150 * MILLI, RANDOMNESS, 0.1),
        new ElectionTimeouts(150 * MILLI, 151 * MILLI, RANDOMNESS, 1),
        new ElectionTimeouts(150 * MILLI, 155 * MILLI, RANDOMNESS, 1),
        new ElectionTimeouts(150 * MILLI, 175 * MILLI, RANDOMNESS, 1),
        new ElectionTimeouts(150 * MILLI, 200 * MILLI, RANDOMNESS, 1),
        new ElectionTimeouts(150 * MILLI, 300 * MILLI, RANDOMNESS, 1),
        new ElectionTimeouts(12 * MILLI, 24 * MILLI, SCALE, 1),
        new ElectionTimeouts(25 * MILLI, 50 * MILLI, SCALE, 1),
        new ElectionTimeouts(50 * MILLI, 100 * MILLI, SCALE, 1),
        new ElectionTimeouts(100 * MILLI, 200 * MILLI, SCALE, 1),
        new ElectionTimeouts(150 * MILLI, 300 * MILLI, SCALE, 1));
  }

  public long heartbeatNanos() {
    return minNanos / 2;
  }

  /** The paper's label, such as {@code 150-155ms}. */
  public String label() {
    return minNanos / MILLI + "-" + maxNanos / MILLI + "ms";
  }
}
