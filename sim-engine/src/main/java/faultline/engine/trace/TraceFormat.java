package faultline.engine.trace;

/** Constants of the {@code faultline-trace} JSON Lines format, version 1. */
public final class TraceFormat {
  public static final String FORMAT_NAME = "faultline-trace";
  public static final int VERSION = 1;

  private TraceFormat() {}
}
