package faultline.engine.trace;

/**
 * Constants of the {@code faultline-trace} JSON Lines format. Version 2 (written since the run
 * fingerprint): the end line carries {@code fingerprint} and {@code fileSha256}. Version 1 (still
 * read): its end line carried {@code traceSha256}, the SHA-256 of the bytes before it, which was
 * the run's identity. Event lines are the same in both.
 */
public final class TraceFormat {
  public static final String FORMAT_NAME = "faultline-trace";
  public static final int VERSION = 2;

  /** The oldest version readers still accept. */
  public static final int OLDEST_READ = 1;

  private TraceFormat() {}
}
