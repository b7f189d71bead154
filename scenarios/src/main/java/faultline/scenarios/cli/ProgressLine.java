package faultline.scenarios.cli;

import java.io.PrintStream;

/**
 * Shows what the command is doing ({@link Activity}) on one line of standard error, redrawn in
 * place a few times a second, when standard error is a terminal; nothing at all otherwise, so that
 * logs, pipes and tests see only results. Work that ends within a second never draws: the line is
 * for what keeps a user waiting. Whatever else prints on the terminal moves it aside first ({@link
 * #aside}).
 *
 * <p>Java cannot tell whether standard error is a terminal; the launcher can, and says so with
 * {@code -Dfaultline.progress=true}. {@code FAULTLINE_PROGRESS=0} or {@code 1} overrides it.
 */
public final class ProgressLine {
  private static final long FIRST_DRAW_AFTER_MILLIS = 1000;
  private static final long REDRAW_EVERY_MILLIS = 250;
  private static final int WIDTH_DEFAULT = 100;

  private static final Object LOCK = new Object();
  private static PrintStream terminal; // Null unless drawing is on; guarded by LOCK.
  private static int drawnLength; // Guarded by LOCK.
  private static Thread drawer;

  private ProgressLine() {}

  /** Whether this process should draw progress, from the launcher's word and the environment. */
  static boolean wanted() {
    String override = System.getenv("FAULTLINE_PROGRESS");
    if (override != null && !override.isBlank()) {
      return !override.strip().equals("0");
    }
    return Boolean.getBoolean("faultline.progress");
  }

  /** Starts drawing on {@code err}. */
  static void start(PrintStream err) {
    synchronized (LOCK) {
      terminal = err;
    }
    drawer = new Thread(ProgressLine::drawUntilStopped, "faultline-progress");
    drawer.setDaemon(true);
    drawer.start();
  }

  /** Stops drawing and leaves the line empty. */
  static void stop() {
    if (drawer != null) {
      drawer.interrupt();
    }
    synchronized (LOCK) {
      clear();
      terminal = null;
    }
  }

  /** Empties the line now (before a message that must be read). */
  public static void clearNow() {
    synchronized (LOCK) {
      clear();
    }
  }

  /** Runs {@code print}, which writes to the terminal, with the progress line out of its way. */
  public static void aside(Runnable print) {
    synchronized (LOCK) {
      clear();
      print.run();
    }
  }

  private static void drawUntilStopped() {
    try {
      Thread.sleep(FIRST_DRAW_AFTER_MILLIS);
      while (true) {
        synchronized (LOCK) {
          draw(Activity.describe());
        }
        Thread.sleep(REDRAW_EVERY_MILLIS);
      }
    } catch (InterruptedException e) {
      // Stopped: the command is over.
    }
  }

  private static void draw(String text) {
    if (terminal == null) {
      return;
    }
    if (text == null) {
      clear();
      return;
    }
    String line = fit(text);
    StringBuilder drawn = new StringBuilder("\r").append(line);
    drawn.append(" ".repeat(Math.max(0, drawnLength - line.length()))).append('\r');
    drawn.append(line);
    terminal.print(drawn);
    terminal.flush();
    drawnLength = line.length();
  }

  private static void clear() {
    if (terminal != null && drawnLength > 0) {
      terminal.print("\r" + " ".repeat(drawnLength) + "\r");
      terminal.flush();
      drawnLength = 0;
    }
  }

  /** One line that fits the terminal: the width from COLUMNS when the shell exports it. */
  private static String fit(String text) {
    int width = WIDTH_DEFAULT;
    try {
      String columns = System.getenv("COLUMNS");
      if (columns != null) {
        width = Math.max(20, Integer.parseInt(columns.strip()));
      }
    } catch (NumberFormatException e) {
      // Keep the default.
    }
    String line = text.replaceAll("\\s+", " ");
    return line.length() < width ? line : line.substring(0, width - 2) + "…";
  }
}
