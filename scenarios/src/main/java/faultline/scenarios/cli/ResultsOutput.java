package faultline.scenarios.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where sweep results go: a file named by {@code --out}, or standard output. */
final class ResultsOutput {
  private ResultsOutput() {}

  static Writer open(Path outPath, Writer standardOut, PrintWriter err) {
    if (outPath == null) {
      // Closing the results must not close the command line's own output.
      return new java.io.FilterWriter(standardOut) {
        @Override
        public void close() throws IOException {
          flush();
        }
      };
    }
    OutputPaths.prepareFile("--out", outPath, err);
    try {
      return Files.newBufferedWriter(outPath, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw OutputPaths.cannotWrite("--out", outPath, e);
    }
  }

  static void writeLine(Writer out, String line, Path outPath) {
    try {
      out.write(line);
      out.write('\n');
      if (!(out instanceof BufferedWriter)) {
        out.flush(); // Lines on standard output appear as their seeds finish.
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + (outPath == null ? "results" : outPath), e);
    }
  }
}
