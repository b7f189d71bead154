package faultline.exercises.grading;

/** Describes what the student's code threw, pointing at the student's own line. */
public final class StudentErrors {
  private static final String EXERCISE_PACKAGE_PREFIX = "faultline.exercises.e";

  private StudentErrors() {}

  /** For example {@code threw IllegalStateException: boom, at LamportNode.java:88}. */
  public static String describe(Throwable thrown) {
    if (thrown instanceof OutOfMemoryError) {
      return "ran out of memory (" + thrown.getMessage() + "): does a handler keep everything?";
    }
    if (thrown instanceof StackOverflowError) {
      return "overflowed the stack (endless recursion?)" + where(thrown);
    }
    String message = thrown.getMessage() == null ? "" : ": " + thrown.getMessage();
    return "threw " + thrown.getClass().getSimpleName() + message + where(thrown);
  }

  private static String where(Throwable thrown) {
    return where(thrown.getStackTrace());
  }

  /** {@code ", at LamportNode.java:88"}: the first frame in an exercise's package, else the top. */
  static String where(StackTraceElement[] frames) {
    for (StackTraceElement frame : frames) {
      if (frame.getClassName().startsWith(EXERCISE_PACKAGE_PREFIX)) {
        return ", at " + frame.getFileName() + ":" + frame.getLineNumber();
      }
    }
    return frames.length == 0 ? "" : ", at " + frames[0];
  }
}
