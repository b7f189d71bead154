package faultline.exercises.grading;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How long a check may take before it counts as hanging, measured in the CPU time of the thread
 * that runs it rather than in real time: a check's work is the same on every machine, but the real
 * time it takes is not (on a loaded machine a check that needs 1 s of CPU can take ten), and a
 * score must not depend on what else the machine is doing. A check that waits without using the CPU
 * (blocked, sleeping) makes no progress at all, so it hangs once its thread's CPU time has not
 * grown for as long as the whole budget after the budget has passed in real time.
 */
final class CheckBudget {
  private static final long POLL_MILLIS = 20;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CheckBudget() {}

  /**
   * Waits for {@code task}, run by {@code thread}, for at most {@code budgetMillis} of that
   * thread's CPU time.
   *
   * @return the task's result, or null when it used up its budget
   * @throws ExecutionException when the task threw
   */
  static <T> Optional<T> await(FutureTask<Optional<T>> task, Thread thread, long budgetMillis)
      throws ExecutionException, InterruptedException {
    long budgetNanos = TimeUnit.MILLISECONDS.toNanos(budgetMillis);
    boolean cpuTimed = THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    long startedNanos = System.nanoTime();
    long lastCpuNanos = 0;
    long cpuLastGrewNanos = startedNanos;
    while (true) {
      try {
        return task.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        long nowNanos = System.nanoTime();
        if (!cpuTimed) {
          if (nowNanos - startedNanos > budgetNanos) {
            return null;
          }
          continue;
        }
        long cpuNanos = THREADS.getThreadCpuTime(thread.threadId());
        if (cpuNanos > lastCpuNanos) {
          lastCpuNanos = cpuNanos;
          cpuLastGrewNanos = nowNanos;
        }
        boolean spent = cpuNanos > budgetNanos;
        boolean stuck =
            nowNanos - startedNanos > budgetNanos && nowNanos - cpuLastGrewNanos > budgetNanos;
        if (spent || stuck) {
          return null;
        }
      }
    }
  }
}
