package faultline.exercises.handout;

/** The handout cannot be written: a malformed marker, or a folder that is not usable. */
public final class HandoutException extends RuntimeException {
  public HandoutException(String message) {
    super(message);
  }
}
