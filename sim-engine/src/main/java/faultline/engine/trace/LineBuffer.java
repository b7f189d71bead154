package faultline.engine.trace;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * The bytes Jackson writes for a value that {@link JsonLine} hands it: an output stream whose array
 * is read in place and reused for the next value.
 */
final class LineBuffer extends OutputStream {
  private byte[] bytes = new byte[1024];
  private int length;

  @Override
  public void write(int b) {
    ensure(1);
    bytes[length++] = (byte) b;
  }

  @Override
  public void write(byte[] source, int offset, int count) {
    ensure(count);
    System.arraycopy(source, offset, bytes, length, count);
    length += count;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }

  void reset() {
    length = 0;
  }

  /** The array holding the line; only the first {@link #length()} bytes are the line's. */
  byte[] array() {
    return bytes;
  }

  int length() {
    return length;
  }
}
