package faultline.exercises.e12_linearizability;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The time a search may take on one history, in CPU time of the thread that runs it (so that a
 * loaded machine does not change a score). {@link Register#fits} looks at the clock every thousand
 * calls and stops a search over its budget by throwing {@link OutOfTime}, an {@link Error} that an
 * ordinary {@code catch (Exception e)} does not swallow; the time a search took is compared with
 * the budget again when it returns, for a search that stopped asking the register.
 */
final class SearchBudget {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final ThreadLocal<SearchBudget> CURRENT = new ThreadLocal<>();
  private static final int CALLS_BETWEEN_LOOKS = 1024;

  private final long budgetNanos;
  private final long startedNanos;
  private int calls;

  /** A search went over its budget. */
  static final class OutOfTime extends Error {
    OutOfTime(String message) {
      super(message, null, false, false);
    }
  }

  /** What a search returned, and the CPU time it took. */
  record Timed<T>(T result, long cpuNanos) {}

  private SearchBudget(long budgetNanos) {
    this.budgetNanos = budgetNanos;
    this.startedNanos = cpuNow();
  }

  /**
   * Runs {@code search} on this thread within {@code budgetNanos} of CPU time.
   *
   * @throws OutOfTime when it takes longer
   */
  static <T> Timed<T> run(long budgetNanos, Supplier<T> search) {
    SearchBudget budget = new SearchBudget(budgetNanos);
    CURRENT.set(budget);
    try {
      T result = search.get();
      long spent = budget.spent();
      if (spent > budgetNanos) {
        throw budget.outOfTime();
      }
      return new Timed<>(result, spent);
    } finally {
      CURRENT.remove();
    }
  }

  /** Counts one call of the register; every thousand, stops a search over its budget. */
  static void tick() {
    SearchBudget budget = CURRENT.get();
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
            "took more than its %.1f s of CPU time on this history (%,d calls of Register.fits"
                + " so far): does the search remember the configurations it has explored, and"
                + " try only the operations real time allows next?",
            budgetNanos / 1e9,
            calls));
  }

  private static long cpuNow() {
    return THREADS.isCurrentThreadCpuTimeSupported()
        ? THREADS.getCurrentThreadCpuTime()
        : System.nanoTime();
  }
}
