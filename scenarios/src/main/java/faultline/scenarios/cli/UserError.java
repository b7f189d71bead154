package faultline.scenarios.cli;

/** A user's mistake outside any scenario file (a missing file, a bad option value): exit 2. */
final class UserError extends RuntimeException {
  UserError(String message) {
    super(message);
  }
}
