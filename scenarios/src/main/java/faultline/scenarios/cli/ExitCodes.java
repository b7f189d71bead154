package faultline.scenarios.cli;

import faultline.engine.RunOutcome;

/** The exit codes every command shares; part of the command-line contract. */
public final class ExitCodes {
  public static final int OK = 0;

  /** An invariant was violated, a replay differed, a history was not linearizable. */
  public static final int FAILED_CHECK = 1;

  /** Bad usage or bad input: the user's mistake, explained in one line. */
  public static final int BAD_INPUT = 2;

  /** A bug in Faultline itself. */
  public static final int INTERNAL_ERROR = 3;

  /**
   * {@code check} could not decide within its search limit: neither a pass nor a failure, and not
   * the user's mistake, so it gets a code of its own.
   */
  static final int UNDECIDED = 4;

  /**
   * {@code run} (and {@code sweep}) could not conclude: a limit stopped the run before its end, or
   * a check was undecided. Not a pass, not a violation.
   */
  public static final int INCONCLUSIVE = 5;

  /** The exit code of a run with this verdict. */
  public static int of(RunOutcome.Verdict verdict) {
    return switch (verdict) {
      case PASSED -> OK;
      case VIOLATED -> FAILED_CHECK;
      case INCONCLUSIVE -> INCONCLUSIVE;
    };
  }

  /** Memory ran out: said in one line with how to give Java more; never mistaken for 1. */
  public static final int OUT_OF_MEMORY = 6;

  /** Ctrl-C: 128 + SIGINT, as shells report a process an interrupt ended. */
  public static final int INTERRUPTED = 130;

  /**
   * The reader of standard output went away before the end (export -o - piped into {@code head}):
   * 128 + SIGPIPE, quietly, as shells report any filter whose reader left ({@code yes | head}).
   */
  public static final int READER_GONE = 141;

  private ExitCodes() {}
}
