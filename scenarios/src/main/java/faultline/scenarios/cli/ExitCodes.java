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

  private ExitCodes() {}
}
