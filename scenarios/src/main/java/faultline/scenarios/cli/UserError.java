package faultline.scenarios.cli;

/** A user's mistake outside any scenario file (a missing file, a bad option value): exit 2. */
public final class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }
}
