package faultline.engine.trace;

/**
 * Where encoded trace lines go: a file (written by the scenarios module), memory, or nowhere when
 * only the hash is wanted. Each line arrives as UTF-8 bytes, newline included, in order.
 */
public interface TraceSink extends AutoCloseable {
  void accept(byte[] line);

  @Override
  default void close() {}

  /** Keeps nothing; the run still computes its trace hash. */
  static TraceSink discard() {
    return line -> {};
  }
}
