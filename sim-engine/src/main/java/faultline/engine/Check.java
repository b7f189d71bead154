package faultline.engine;

/**
 * Always-on assertions: a broken engine invariant stops the run instead of corrupting a trace.
 *
 * <p>The overloads with {@code long} arguments are for hot paths (a check after every handler, on
 * every message): a varargs call boxes its numbers and builds an array each time, even when the
 * check passes; these build nothing unless it fails.
 */
public final class Check {
  private Check() {}

  public static void state(boolean condition, String format, long value) {
    if (!condition) {
      throw new IllegalStateException(String.format(format, value));
    }
  }

  public static void state(boolean condition, String format, long first, long second) {
    if (!condition) {
      throw new IllegalStateException(String.format(format, first, second));
    }
  }

  public static void state(boolean condition, String format, Object subject, long value) {
    if (!condition) {
      throw new IllegalStateException(String.format(format, subject, value));
    }
  }

  public static void state(
      boolean condition, String format, Object subject, long first, long second) {
    if (!condition) {
      throw new IllegalStateException(String.format(format, subject, first, second));
    }
  }

  public static void state(
      boolean condition, String format, Object subject, Object other, long first, long second) {
    if (!condition) {
      throw new IllegalStateException(String.format(format, subject, other, first, second));
    }
  }

  /** One subject, no array: the outbox checks every effect a handler adds with this one. */
  public static void state(boolean condition, String format, Object subject) {
    if (!condition) {
      throw new IllegalStateException(String.format(format, subject));
    }
  }

  public static void state(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalStateException(String.format(format, args));
    }
  }

  /** One subject, no array: for checks on every message sent and every timer set. */
  public static void argument(boolean condition, String format, Object subject) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(format, subject));
    }
  }

  public static void argument(boolean condition, String format, Object subject, Object other) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(format, subject, other));
    }
  }

  public static void argument(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(format, args));
    }
  }
}
