package faultline.exercises.grading;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A budget of CPU time for one call of the student's code inside a check (exercise 12 gives each
 * history its own), in CPU time of the thread that runs it, so that a loaded machine does not
 * change a score. Code the student must call often ({@code Register.fits} in exercise 12) calls
 * {@link #tick}, which looks at the clock every thousand calls and stops the student's code over
 * its budget by throwing {@link OutOfTime}, an {@link Error} that an ordinary {@code catch
 * (Exception e)} does not swallow; the time taken is compared with the budget again when the call
 * returns, for code that stopped ticking. Outside {@link #run}, {@link #tick} does nothing.
 */
public final class CpuBudget {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final ThreadLocal<CpuBudget> CURRENT = new ThreadLocal<>();
  private static final int CALLS_BETWEEN_LOOKS = 1024;

  private final long budgetNanos;
  private final long startedNanos;
  private int calls;

  /** The student's code went over its budget. */
  public static final class OutOfTime extends Error {
    OutOfTime(String message) {
      super(message, null, false, false);
    }
  }

  /** What the call returned, and the CPU time it took. */
  public record Timed<T>(T result, long cpuNanos) {}

  private CpuBudget(long budgetNanos) {
    this.budgetNanos = budgetNanos;
    this.startedNanos = cpuNow();
  }

  /**
   * Runs {@code call} on this thread within {@code budgetNanos} of CPU time.
   *
   * @throws OutOfTime when it takes longer
   */
  public static <T> Timed<T> run(long budgetNanos, Supplier<T> call) {
    CpuBudget budget = new CpuBudget(budgetNanos);
    CURRENT.set(budget);
    try {
      T result = call.get();
      long spent = budget.spent();
      if (spent > budgetNanos) {
        throw budget.outOfTime();
      }
      return new Timed<>(result, spent);
    } finally {
      CURRENT.remove();
    }
  }

  /** Counts one call; every thousand, stops the student's code if it is over its budget. */
  public static void tick() {
    CpuBudget budget = CURRENT.get();
    if (budget != null && ++budget.calls % CALLS_BETWEEN_LOOKS == 0) {
      if (budget.spent() > budget.budgetNanos) {
        throw budget.outOfTime();
      }
    }
  }

  private long spent() {
    return cpuNow() - startedNanos;
  }

  private OutOfTime outOfTime() {
    return new OutOfTime(
        String.format(
            Locale.ROOT,
            "took more than its %.1f s of CPU time (%,d calls so far)",
            budgetNanos / 1e9,
            calls));
  }

  private static long cpuNow() {
    return THREADS.isCurrentThreadCpuTimeSupported()
        ? THREADS.getCurrentThreadCpuTime()
        : System.nanoTime();
  }
}
