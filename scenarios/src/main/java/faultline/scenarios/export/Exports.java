package faultline.scenarios.export;

import faultline.scenarios.cli.OutputPaths;
import faultline.scenarios.cli.UserError;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Writes a run in one of the {@link ExportFormat}s. The file appears whole or not at all: it is
 * written beside its destination under a temporary name and moved into place at the end, so a trace
 * found truncated half way leaves no half export behind.
 */
public final class Exports {
  private Exports() {}

  /**
   * Converts {@code run} into {@code out}; returns the one-line summary of what was written.
   *
   * @throws faultline.scenarios.parse.ScenarioException for a trace that is bad part way
   * @throws faultline.scenarios.cli.UserError when {@code out} cannot be written
   */
  public static String write(ExportFormat format, RunSource run, Path out) {
    Path directory = out.toAbsolutePath().getParent();
    Path partial = null;
    try {
      // Not Files.createTempFile: its file is private to the owner (0600), and an export is meant
      // to be shared (served to a ShiViz or Perfetto page, copied to a slide deck). A plain file
      // takes the user's umask like every other output.
      partial = directory.resolve("." + out.getFileName() + ".partial");
      Files.deleteIfExists(partial);
      Files.createFile(partial);
      String summary;
      try (Writer writer =
          new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8), 1 << 16)) {
        summary = convert(format.exporter(out), run, writer);
      }
      Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
      partial = null;
      return summary;
    } catch (IOException e) {
      throw OutputPaths.cannotWrite("--out", out, e);
    } catch (UncheckedIOException e) {
      throw OutputPaths.cannotWrite("--out", out, e.getCause());
    } finally {
      deleteQuietly(partial);
    }
  }

  /**
   * Converts {@code run} onto standard output ({@code --out -}), for a pipe; returns the summary,
   * or empty when the reader went away (such as {@code head}) before the end: the export stops at
   * the next block of output instead of converting the rest for nobody. That is the reader's
   * choice, not a mistake, so it is not an error. Standard output that fails while it is not a pipe
   * (a redirect to a full disk) is one: the export is then cut short, and says so. The command
   * line's writer is flushed, never closed.
   *
   * @param systemOut the process's standard output under {@code standardOut}, which keeps the
   *     errors {@code standardOut} cannot see (a {@link PrintStream} swallows them); null in tests,
   *     whose writer stands for a pipe
   * @throws faultline.scenarios.cli.UserError when standard output, not a pipe, failed
   */
  public static Optional<String> writeTo(
      ExportFormat format, RunSource run, PrintWriter standardOut, PrintStream systemOut) {
    StandardOutput unclosed = new StandardOutput(standardOut, systemOut);
    try (Writer writer = new BufferedWriter(unclosed, 1 << 16)) {
      return Optional.of(convert(format.exporter(null), run, writer));
    } catch (IOException | UncheckedIOException e) {
      if (!unclosed.failed) {
        throw e instanceof UncheckedIOException unchecked
            ? unchecked
            : new UncheckedIOException((IOException) e); // Not standard output's: reading the run.
      }
      if (systemOut != null && !standardOutputIsAPipe()) {
        throw new UserError(
            "--out -: writing standard output failed before the whole export was written");
      }
      return Optional.empty();
    }
  }

  /**
   * Whether this process's standard output is a pipe or a socket, as Linux names it in {@code
   * /proc}; true where that cannot be told, {@code -o -} being meant for a pipe.
   */
  private static boolean standardOutputIsAPipe() {
    try {
      return namesAPipe(Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString());
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return true;
    }
  }

  /** Whether a {@code /proc/self/fd} link's target is a pipe or a socket ({@code pipe:[4711]}). */
  static boolean namesAPipe(String fdTarget) {
    return fdTarget.startsWith("pipe:") || fdTarget.startsWith("socket:");
  }

  /** Converts {@code run} to text in {@code writer}; for tests, and for {@link #write}. */
  public static String convert(RunExport exporter, RunSource run, Writer writer)
      throws IOException {
    exporter.begin(run.header(), writer);
    run.forEach(
        event -> {
          try {
            exporter.accept(event);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    return exporter.finish();
  }

  /** Standard output that reports a closed reader, which a {@link PrintWriter} keeps to itself. */
  private static final class StandardOutput extends Writer {
    private final PrintWriter out;
    private final PrintStream systemOut;
    private boolean failed; // A write failed here: the reader left, or the output broke.

    StandardOutput(PrintWriter out, PrintStream systemOut) {
      this.out = out;
      this.systemOut = systemOut;
    }

    @Override
    public void write(char[] text, int offset, int length) throws IOException {
      out.write(text, offset, length);
      flush(); // Once per block of the buffer above: the only way to learn the reader is gone.
    }

    @Override
    public void flush() throws IOException {
      if (out.checkError() || (systemOut != null && systemOut.checkError())) {
        failed = true;
        throw new IOException("standard output closed");
      }
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  private static void deleteQuietly(Path partial) {
    if (partial == null) {
      return;
    }
    try {
      Files.deleteIfExists(partial);
    } catch (IOException e) {
      // The export failed already; a stray temporary file is the lesser problem.
    }
  }
}
