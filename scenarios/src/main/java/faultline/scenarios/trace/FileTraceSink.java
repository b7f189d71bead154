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
 * Writes trace lines to a file, gathered in a buffer outside the heap that the file channel writes
 * from as it is: a trace of a long run is hundreds of megabytes, and a stream's buffer would copy
 * every line once more on its way to the file (and take a lock per line).
 */
public final class FileTraceSink implements TraceSink {
  private static final int BUFFER_BYTES = 1 << 18;

  private final Path path;
  private final FileChannel file;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);

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
      if (length > buffer.remaining()) {
        writeBuffer();
        if (length > buffer.capacity()) {
          writeFully(ByteBuffer.wrap(bytes, offset, length));
          return;
        }
      }
      buffer.put(bytes, offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException("writing trace " + path, e);
    }
  }

  private void writeBuffer() throws IOException {
    buffer.flip();
    writeFully(buffer);
    buffer.clear();
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
