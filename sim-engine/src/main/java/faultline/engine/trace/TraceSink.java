package faultline.engine.trace;

import java.util.Arrays;

/**
 * Where encoded trace lines go: a file (written by the scenarios module), memory, or nowhere when
 * only the fingerprint is wanted. Each line arrives as UTF-8 bytes, newline included, in order.
 */
public interface TraceSink extends AutoCloseable {
  /**
   * Whether this sink wants the lines at all. A run whose sink does not never encodes JSON: it
   * computes only its fingerprint, which is much cheaper.
   */
  default boolean keepsLines() {
    return true;
  }

  void accept(byte[] line);

  /**
   * Takes one line held in {@code buffer} from {@code offset} for {@code length} bytes. The writer
   * reuses the buffer once this returns, so a sink that keeps the bytes must copy them, as this
   * default does; sinks that only pass bytes on override it and save the copy.
   */
  default void accept(byte[] buffer, int offset, int length) {
    accept(Arrays.copyOfRange(buffer, offset, offset + length));
  }

  @Override
  default void close() {}

  /** Keeps nothing; the run still computes its fingerprint. */
  static TraceSink discard() {
    return DiscardingTraceSink.INSTANCE;
  }
}
