package faultline.scenarios.trace;

import faultline.engine.trace.TraceSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes trace lines to a file through a buffer. */
public final class FileTraceSink implements TraceSink {
  private final Path path;
  private final OutputStream out;

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
    this.out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
  }

  @Override
  public void accept(byte[] line) {
    try {
      out.write(line);
    } catch (IOException e) {
      throw new UncheckedIOException("writing trace " + path, e);
    }
  }

  @Override
  public void accept(byte[] buffer, int offset, int length) {
    try {
      out.write(buffer, offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException("writing trace " + path, e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing trace " + path, e);
    }
  }
}
