package faultline.benchmarks.hold;

/**
 * One event-list implementation driven through the classic hold model: {@link #fill} schedules
 * {@code pending} events, then each {@link #hold} step fires the earliest event and schedules one
 * more at its time plus the next delay, so the number of pending events stays constant.
 *
 * <p>Every engine reads the same {@link ExponentialDraws} in the same order and folds each fire
 * time into a running checksum, so two engines that order events correctly return equal checksums.
 * Each engine keeps its whole loop in its own final class, so that the measured code is
 * monomorphic.
 */
public abstract class HoldEngine {
  protected final ExponentialDraws draws;
  protected long checksum;

  protected HoldEngine(ExponentialDraws draws) {
    this.draws = draws;
  }

  /** Schedules {@code pending} events at delays drawn from time zero. */
  public abstract void fill(int pending);

  /** Fires {@code count} events, each scheduling one more; returns the running checksum. */
  public abstract long hold(int count);

  /** The object graph that holds the pending events, for measuring its size. */
  public abstract Object structure();

  /** Folds a fire time into the checksum; order matters, so a misordered fire shows. */
  protected static long fold(long checksum, long timeNanos) {
    return (checksum + timeNanos) * 0x9E3779B97F4A7C15L;
  }
}
