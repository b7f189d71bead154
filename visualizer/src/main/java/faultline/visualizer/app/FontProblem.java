package faultline.visualizer.app;

/**
 * PNG export draws text with JavaFX, which needs the FreeType library; where it is missing (a
 * minimal container image, a bare server) JavaFX fails to load its font library and then throws a
 * NullPointerException from deep inside its font code. A user needs to read what to install, or
 * that SVG needs nothing, not "internal error, please report it".
 */
final class FontProblem {
  static final String EXPLANATION =
      "PNG export draws text with the FreeType library, which is not installed here: on Debian or"
          + " Ubuntu, sudo apt-get install libfreetype6 fontconfig; on Fedora, sudo dnf install"
          + " freetype fontconfig; --format svg needs no library at all";

  private FontProblem() {}

  /** Whether {@code thrown}, with what JavaFX printed meanwhile, is FreeType missing. */
  static boolean isMissingFreeType(Throwable thrown, String printed) {
    if (printed.contains("libfreetype")) {
      return true;
    }
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnsatisfiedLinkError
          && String.valueOf(cause.getMessage()).contains("freetype")) {
        return true;
      }
    }
    return false;
  }
}
