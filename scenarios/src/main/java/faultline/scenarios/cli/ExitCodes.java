package faultline.scenarios.cli;

/** The exit codes every command shares; part of the command-line contract. */
final class ExitCodes {
  static final int OK = 0;

  /** An invariant was violated, a replay differed, a history was not linearizable. */
  static final int FAILED_CHECK = 1;

  /** Bad usage or bad input: the user's mistake, explained in one line. */
  static final int BAD_INPUT = 2;

  /** A bug in Faultline itself. */
  static final int INTERNAL_ERROR = 3;

  /**
   * {@code check} could not decide within its search limit: neither a pass nor a failure, and not
   * the user's mistake, so it gets a code of its own.
   */
  static final int UNDECIDED = 4;

  private ExitCodes() {}
}
