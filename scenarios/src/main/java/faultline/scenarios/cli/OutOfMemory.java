package faultline.scenarios.cli;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * Running out of memory, anywhere: one line that says so, what the command was doing, how much heap
 * it had and how to give it more, and an exit code of its own ({@link ExitCodes#OUT_OF_MEMORY}),
 * never 1, which means an invariant was violated. A little memory is held in reserve from the start
 * and let go first, so that the message can be made at all.
 */
public final class OutOfMemory {
  private static final int RESERVE_BYTES = 4 * 1024 * 1024;

  @SuppressWarnings("unused") // Held only to be let go.
  private static volatile byte[] reserve = new byte[RESERVE_BYTES];

  private OutOfMemory() {}

  /** True when {@code thrown} is, or was caused by, running out of memory. */
  public static boolean isCause(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  /** Says that memory ran out and returns the exit code. */
  public static int report(PrintWriter err) {
    reserve = null;
    String activity = Activity.describe();
    long heapMiB = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    ProgressLine.clearNow();
    err.println(
        "faultline: out of memory"
            + (activity == null ? "" : " while " + activity)
            + " (the Java heap may grow to "
            + heapMiB
            + " MiB); give it more, as in FAULTLINE_JAVA_OPTS=-Xmx"
            + Math.max(2, 2 * heapMiB / 1024 + 1)
            + "g ./faultline ..., or make the work smaller (a shorter --until, fewer seeds or"
            + " --jobs, a lower --max-states)");
    err.flush();
    return ExitCodes.OUT_OF_MEMORY;
  }

  /** For threads nobody joins (a window's, say): memory running out there ends the process too. */
  static void installForEveryThread(PrintStream err) {
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, thrown) -> {
          if (isCause(thrown)) {
            Runtime.getRuntime().halt(report(new PrintWriter(err, true)));
          } else if (previous != null) {
            previous.uncaughtException(thread, thrown);
          } else {
            thrown.printStackTrace(err);
          }
        });
  }
}
