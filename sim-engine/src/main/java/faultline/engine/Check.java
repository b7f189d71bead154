package faultline.engine;

/** Always-on assertions: a broken engine invariant stops the run instead of corrupting a trace. */
public final class Check {
  private Check() {}

  public static void state(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalStateException(String.format(format, args));
    }
  }

  public static void argument(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(format, args));
    }
  }
}
