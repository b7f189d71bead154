package faultline.scenarios.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Reads a file line by line as a stream, never holding more than one line, and refuses a line
 * longer than a bound before it allocates past it: so {@code /dev/zero}, or a file with no newline
 * in gigabytes, is an error after a few megabytes instead of an exhausted heap. Feeds the bytes of
 * every line but the last read to a digest (a trace's hash covers everything before its end line),
 * so the caller can check a file's hash without reading it twice.
 */
final class BoundedLines implements AutoCloseable {
  /** What stopped a line from being read. */
  enum Problem {
    TOO_LONG,
    NO_NEWLINE
  }

  /** Thrown for a line over the bound or a last line without its newline. */
  static final class LineException extends IOException {
    final Problem problem;
    final long lineNumber;

    LineException(Problem problem, long lineNumber) {
      super(problem + " at line " + lineNumber);
      this.problem = problem;
      this.lineNumber = lineNumber;
    }
  }

  private final InputStream in;
  private final int lineBytesMax;
  private final MessageDigest digest;
  private byte[] chunk = new byte[1 << 16];
  private int chunkStart;
  private int chunkEnd;
  private byte[] line = new byte[256];
  private int lineLength;
  private long lineNumber;
  private boolean undigested; // The line returned last is not in the digest yet.

  BoundedLines(InputStream in, int lineBytesMax, MessageDigest digest) {
    this.in = in;
    this.lineBytesMax = lineBytesMax;
    this.digest = digest;
  }

  long lineNumber() {
    return lineNumber;
  }

  /** The next line without its newline, or null at the end of the file. */
  String next() throws IOException {
    if (undigested) {
      digest.update(line, 0, lineLength);
      digest.update((byte) '\n');
      undigested = false;
    }
    lineLength = 0;
    while (true) {
      if (chunkStart == chunkEnd && !fill()) {
        if (lineLength == 0) {
          return null;
        }
        throw new LineException(Problem.NO_NEWLINE, lineNumber + 1);
      }
      int newline = indexOfNewline();
      int end = newline < 0 ? chunkEnd : newline;
      append(end - chunkStart);
      if (newline >= 0) {
        chunkStart = newline + 1;
        lineNumber++;
        undigested = true;
        return new String(line, 0, lineLength, StandardCharsets.UTF_8);
      }
      chunkStart = chunkEnd;
    }
  }

  private int indexOfNewline() {
    for (int i = chunkStart; i < chunkEnd; i++) {
      if (chunk[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void append(int count) throws LineException {
    if ((long) lineLength + count > lineBytesMax) {
      throw new LineException(Problem.TOO_LONG, lineNumber + 1);
    }
    if (lineLength + count > line.length) {
      line =
          Arrays.copyOf(
              line, Math.min(lineBytesMax, Math.max(line.length * 2, lineLength + count)));
    }
    System.arraycopy(chunk, chunkStart, line, lineLength, count);
    lineLength += count;
  }

  private boolean fill() throws IOException {
    int read = in.read(chunk, 0, chunk.length);
    if (read <= 0) {
      return false;
    }
    chunkStart = 0;
    chunkEnd = read;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
