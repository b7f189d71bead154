package faultline.visualizer.app;

import faultline.scenarios.run.Shell;
import java.util.Optional;

/**
 * The ways a window cannot open on this machine, told apart from bugs: JavaFX reports a missing GTK
 * 3 or an unreachable X display as an exception from its launcher, and a user needs to read what to
 * install or set, not "internal error, please report it". Each explanation also points at {@code
 * export}, which draws the same timeline without a display.
 */
final class DisplayProblem {
  private DisplayProblem() {}

  /** One line for the user when {@code thrown} is the machine's doing, or empty for a bug. */
  static Optional<String> explain(Throwable thrown, String argument, String display) {
    String instead =
        "; to draw the run without a window: ./faultline export "
            + (argument == null ? "<scenario>" : Shell.quote(argument))
            + " --format png --out run.png";
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      if (message.contains("Unable to load glass GTK library")) {
        return Optional.of(
            "viz needs GTK 3, which JavaFX draws its windows with, and it is not installed here:"
                + " on Debian or Ubuntu, sudo apt-get install libgtk-3-0 (libgtk-3-0t64 on"
                + " Ubuntu 24.04 and later); on Fedora, sudo dnf install gtk3"
                + instead);
      }
      if (message.contains("Unable to open DISPLAY")) {
        return Optional.of(
            "viz cannot open the display DISPLAY="
                + display
                + " (no X server there, or this user may not use it)"
                + instead);
      }
    }
    return Optional.empty();
  }
}
