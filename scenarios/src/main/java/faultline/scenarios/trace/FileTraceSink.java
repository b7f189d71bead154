package faultline.scenarios.trace;

import faultline.engine.trace.TraceSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes trace lines to a file, gathered in an array that the file channel writes a quarter of a
 * megabyte at a time: a trace of a long run is hundreds of megabytes in lines of some 200 bytes,
 * and a stream would take a lock per line. A line is copied into the array by {@code
 * System.arraycopy}, which for a line of 200 bytes costs less than a {@code put} into a buffer
 * outside the heap (measured in {@code TraceEncodingCpuTime file}); the channel copies each full
 * array out of the heap once, in one piece.
 */
public final class FileTraceSink implements TraceSink {
  private static final int BUFFER_BYTES = 1 << 18;

  private final Path path;
  private final FileChannel file;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private final ByteBuffer wholeBuffer = ByteBuffer.wrap(buffer);
  private int buffered;

  /**
   * Opens {@code path} for writing, replacing what was there.
   *
   * @throws IOException when the file cannot be created
   */
  public FileTraceSink(Path path) throws IOException {
    this.path = path;
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    this.file =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
  }

  @Override
  public void accept(byte[] line) {
    accept(line, 0, line.length);
  }

  @Override
  public void accept(byte[] bytes, int offset, int length) {
    try {
      if (length > BUFFER_BYTES - buffered) {
        writeBuffer();
        if (length > BUFFER_BYTES) {
          writeFully(ByteBuffer.wrap(bytes, offset, length));
          return;
        }
      }
      System.arraycopy(bytes, offset, buffer, buffered, length);
      buffered += length;
    } catch (IOException e) {
      throw new UncheckedIOException("writing trace " + path, e);
    }
  }

  private void writeBuffer() throws IOException {
    writeFully(wholeBuffer.clear().limit(buffered));
    buffered = 0;
  }

  private void writeFully(ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      file.write(bytes);
    }
  }

  @Override
  public void close() {
    try (FileChannel closing = file) {
      writeBuffer();
    } catch (IOException e) {
      throw new UncheckedIOException("closing trace " + path, e);
    }
  }
}
