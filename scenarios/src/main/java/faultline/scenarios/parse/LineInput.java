package faultline.scenarios.parse;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a JSON Lines file one line at a time, so that a file of any size costs memory only for the
 * line at hand, and refuses a line longer than a limit (a file with no line breaks, {@code
 * /dev/zero}) with a located {@link ScenarioException} instead of running out of memory. Lines end
 * at {@code \n}, {@code \r\n} or {@code \r}; a byte order mark before the first line is skipped;
 * every line must be UTF-8.
 */
public final class LineInput implements Closeable {
  private static final int CHUNK_BYTES = 64 * 1024;

  private final InputStream in;
  private final String displayFile;
  private final int lineBytesMax;
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  private final byte[] chunk = new byte[CHUNK_BYTES];
  private int chunkStart;
  private int chunkEnd;
  private byte[] line = new byte[256];
  private int lineLength;
  private boolean skipLineFeed;
  private boolean ended;
  private int lineNumber;
  private long bytesRead;

  public LineInput(InputStream in, String displayFile, int lineBytesMax) {
    this.in = in;
    this.displayFile = displayFile;
    this.lineBytesMax = lineBytesMax;
  }

  /** Opens {@code path}; a failure to open is a {@link ScenarioException} with a plain reason. */
  public static LineInput open(Path path, String displayFile, int lineBytesMax) {
    if (Files.isDirectory(path)) {
      throw new ScenarioException(displayFile, 0, 0, "", "is a folder, not a file");
    }
    try {
      return new LineInput(Files.newInputStream(path), displayFile, lineBytesMax);
    } catch (NoSuchFileException e) {
      throw new ScenarioException(displayFile, 0, 0, "", "no such file");
    } catch (IOException e) {
      throw new ScenarioException(displayFile, 0, 0, "", "cannot read it: " + InputFiles.reason(e));
    }
  }

  /** The next line, without its line break, or null after the last one. */
  public String next() {
    if (ended) {
      return null;
    }
    lineLength = 0;
    while (true) {
      if (chunkStart == chunkEnd && !fill()) {
        ended = true;
        if (lineLength == 0) {
          return null; // The file ended with a line break (or is empty).
        }
        return finishLine();
      }
      byte b = chunk[chunkStart++];
      if (skipLineFeed) {
        skipLineFeed = false;
        if (b == '\n') {
          continue;
        }
      }
      if (b == '\n' || b == '\r') {
        skipLineFeed = b == '\r';
        return finishLine();
      }
      append(b);
    }
  }

  /** The number of the line {@link #next} returned last (1 for the first). */
  public int lineNumber() {
    return lineNumber;
  }

  /** Bytes read from the file so far, for progress reports. */
  public long bytesRead() {
    return bytesRead;
  }

  private boolean fill() {
    try {
      int read = in.read(chunk);
      if (read <= 0) {
        return false;
      }
      chunkStart = 0;
      chunkEnd = read;
      bytesRead += read;
      return true;
    } catch (IOException e) {
      throw new ScenarioException(
          displayFile, lineNumber + 1, 0, "", "cannot read it: " + InputFiles.reason(e));
    }
  }

  private void append(byte b) {
    if (lineLength == lineBytesMax) {
      throw new ScenarioException(
          displayFile,
          lineNumber + 1,
          1,
          "",
          "the line is longer than "
              + InputFiles.size(lineBytesMax)
              + ", the limit for one line (is this the right file?)");
    }
    if (lineLength == line.length) {
      line = Arrays.copyOf(line, (int) Math.min((long) line.length * 2, lineBytesMax));
    }
    line[lineLength++] = b;
  }

  private String finishLine() {
    if (lineNumber == Integer.MAX_VALUE) {
      throw new ScenarioException(displayFile, lineNumber, 0, "", "more lines than can be counted");
    }
    lineNumber++;
    int start = 0;
    if (lineNumber == 1 && lineLength >= 3 && isByteOrderMark()) {
      start = 3;
    }
    try {
      return utf8.decode(ByteBuffer.wrap(line, start, lineLength - start)).toString();
    } catch (CharacterCodingException e) {
      throw new ScenarioException(displayFile, lineNumber, 0, "", "the line is not UTF-8 text");
    }
  }

  private boolean isByteOrderMark() {
    return (line[0] & 0xff) == 0xef && (line[1] & 0xff) == 0xbb && (line[2] & 0xff) == 0xbf;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // Nothing was written; a failure to close an input changes nothing.
    }
  }
}
