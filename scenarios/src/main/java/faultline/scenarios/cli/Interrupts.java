package faultline.scenarios.cli;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C. The JVM turns it into a shutdown, and this hook turns the shutdown into a request: long
 * work (a run, a sweep) sees {@link #requested()} between events, stops where it is and says so,
 * writing what it has (a trace up to that point with its end line, the sweep's results so far). The
 * hook waits a few seconds for that; work that does not stop in time is cut off with one line that
 * says what it was doing. Either way the process exits with 130, the shell's code for an interrupt.
 */
public final class Interrupts {
  /** How long the command gets to stop by itself and print its summary. */
  private static final long GRACE_SECONDS = 5;

  private static volatile boolean requested;
  private static final CountDownLatch commandDone = new CountDownLatch(1);

  private Interrupts() {}

  /** Installs the hook; {@code err} is where a command cut off says so. */
  static void install(PrintStream err) {
    Thread hook = new Thread(() -> onShutdown(err), "faultline-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** True once the user has asked to stop. */
  public static boolean requested() {
    return requested;
  }

  /** The command has returned (normally or stopped): the hook need not wait any longer. */
  static void commandDone() {
    commandDone.countDown();
  }

  private static void onShutdown(PrintStream err) {
    if (commandDone.getCount() == 0) {
      return; // An ordinary exit, not an interrupt.
    }
    requested = true;
    boolean stopped;
    try {
      stopped = commandDone.await(GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      stopped = false;
    }
    if (!stopped) {
      String activity = Activity.describe();
      ProgressLine.clearNow();
      err.println(
          "faultline: interrupted"
              + (activity == null ? "" : " while " + activity)
              + "; nothing more was written");
      err.flush();
    }
  }
}
