package faultline.scenarios.trace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.trace.MalformedTraceException;
import faultline.engine.trace.TraceEnd;
import faultline.engine.trace.TraceEvent;
import faultline.engine.trace.TraceFingerprint;
import faultline.engine.trace.TraceFormat;
import faultline.engine.trace.TraceHeader;
import faultline.engine.trace.TraceLimits;
import faultline.engine.trace.TraceLines;
import faultline.scenarios.parse.InputFiles;
import faultline.scenarios.parse.ScenarioException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A {@code faultline-trace} file read as a stream of typed events, checked on the way: a header of
 * this format and a version this build reads, lines no longer than {@link
 * TraceLimits#LINE_BYTES_MAX}, events that parse, an end line that counts them, nothing after it,
 * and a hash that matches every byte before it. A truncated, edited or foreign file is a {@link
 * ScenarioException} naming the file, the line and the field. Only one line is held at a time, so a
 * file of any size is read in bounded memory.
 *
 * <p>Read the events with {@link #next()} until it returns null; the end line has then been read
 * and checked.
 */
public final class TraceFile implements AutoCloseable {
  private final String file;
  private final BoundedLines lines;
  private final MessageDigest digest;
  private final TraceHeader header;
  private final String headerLine;
  private final TraceFingerprint fingerprint;
  private String line;
  private long events;
  private TraceEnd end;
  private String fingerprintValue;

  private TraceFile(String file, InputStream in) {
    this.file = file;
    this.digest = sha256();
    this.lines = new BoundedLines(in, TraceLimits.LINE_BYTES_MAX, digest);
    String first = read();
    if (first == null) {
      throw error(1, "", "empty file: not a faultline trace");
    }
    this.headerLine = first;
    this.header = header(first);
    this.fingerprint = new TraceFingerprint(header);
  }

  /**
   * Opens {@code path} and reads its header.
   *
   * @throws ScenarioException when it cannot be read or is not a trace this build reads
   */
  public static TraceFile open(Path path) {
    InputStream in;
    try {
      in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    } catch (IOException e) {
      throw new ScenarioException(
          path.toString(), 0, 0, "", "cannot read it: " + InputFiles.reason(e));
    }
    try {
      return new TraceFile(path.toString(), in);
    } catch (RuntimeException e) {
      closeQuietly(in);
      throw e;
    }
  }

  /**
   * Whether a command-line argument naming {@code path} means a trace rather than a scenario: a
   * {@code .jsonl} file, or any file whose first line is a trace header.
   */
  public static boolean looksLikeTrace(Path path) {
    if (!Files.isRegularFile(path)) {
      return false;
    }
    if (path.getFileName().toString().endsWith(".jsonl")) {
      return true;
    }
    try (InputStream in = Files.newInputStream(path)) {
      String start = new String(in.readNBytes(200), StandardCharsets.UTF_8);
      return start.startsWith("{\"type\":\"header\"") || start.contains(TraceFormat.FORMAT_NAME);
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads the whole file to check it, keeping nothing; returns its header. */
  public static TraceHeader verify(Path path) {
    try (TraceFile trace = open(path)) {
      while (trace.next() != null) {
        // Each event is parsed and checked as it is read.
      }
      return trace.header();
    }
  }

  public TraceHeader header() {
    return header;
  }

  /** The header line as written. */
  public String headerLine() {
    return headerLine;
  }

  /**
   * The next event, or null once the end line has been read and checked against the file.
   *
   * @throws ScenarioException for a line that is not an event, a missing or wrong end line
   */
  public TraceEvent next() {
    if (end != null) {
      return null;
    }
    line = read();
    if (line == null) {
      throw error(
          lines.lineNumber(),
          "type",
          "the trace has no end line; it was truncated or is still being written");
    }
    ObjectNode object = parse(line);
    if (TraceLines.isEnd(object)) {
      finish(object);
      return null;
    }
    events++;
    fingerprint.add(object);
    try {
      return TraceLines.event(object);
    } catch (MalformedTraceException e) {
      throw error(
          lines.lineNumber(), e.column(), e.field(), "not a trace event: " + e.getMessage());
    }
  }

  /** The line of the event {@link #next()} returned last, as written. */
  public String line() {
    return line;
  }

  /** The number of the line read last, from 1 (the header). */
  public long lineNumber() {
    return lines.lineNumber();
  }

  /** The end line, once {@link #next()} has returned null. */
  public TraceEnd end() {
    return end;
  }

  /** The run's fingerprint, once {@link #next()} has returned null. */
  public String fingerprint() {
    return fingerprintValue;
  }

  private void finish(ObjectNode object) {
    long endLine = lines.lineNumber();
    String actual = HexFormat.of().formatHex(digest.digest());
    TraceEnd read;
    try {
      read = TraceLines.end(object, header.version());
    } catch (MalformedTraceException e) {
      throw error(endLine, e.column(), e.field(), "not a trace's end line: " + e.getMessage());
    }
    if (read.events() != events) {
      throw error(
          endLine,
          "events",
          "the end line counts "
              + read.events()
              + " events but the file has "
              + events
              + "; lines were added or removed");
    }
    String hashField = header.version() == 1 ? "traceSha256" : "fileSha256";
    if (!actual.equals(read.fileSha256())) {
      throw error(
          endLine,
          hashField,
          "the trace was edited: its bytes hash to "
              + abbreviate(actual)
              + ", the end line says "
              + abbreviate(read.fileSha256()));
    }
    String computed = fingerprint.value();
    if (read.fingerprint() != null && !read.fingerprint().equals(computed)) {
      throw error(
          endLine,
          "fingerprint",
          "the events give the fingerprint "
              + abbreviate(computed)
              + ", the end line says "
              + abbreviate(read.fingerprint())
              + "; the file was rewritten after the run");
    }
    if (read() != null) {
      throw error(
          lines.lineNumber(),
          "",
          "a line follows the trace's end line (line "
              + endLine
              + "); something was appended to the file");
    }
    end = read;
    fingerprintValue = computed;
  }

  private TraceHeader header(String first) {
    ObjectNode line = parse(first);
    try {
      long version = TraceLines.version(line);
      if (version > TraceFormat.VERSION) {
        throw error(
            1,
            "version",
            "trace format version "
                + version
                + " is newer than this faultline understands ("
                + TraceFormat.VERSION
                + "); upgrade faultline to read it");
      }
      if (version < TraceFormat.OLDEST_READ) {
        throw error(1, "version", "unknown trace format version " + version);
      }
      return TraceLines.header(line);
    } catch (MalformedTraceException e) {
      throw error(1, e.column(), e.field(), e.getMessage());
    }
  }

  private ObjectNode parse(String text) {
    try {
      return TraceLines.object(text);
    } catch (MalformedTraceException e) {
      throw error(lines.lineNumber(), e.column(), e.field(), e.getMessage());
    }
  }

  private String read() {
    try {
      return lines.next();
    } catch (BoundedLines.LineException e) {
      throw switch (e.problem) {
        case TOO_LONG ->
            error(
                e.lineNumber,
                "",
                "line longer than "
                    + (TraceLimits.LINE_BYTES_MAX >> 20)
                    + " MiB: not a faultline trace (no line of a trace is that long)");
        case NO_NEWLINE ->
            error(
                e.lineNumber, "", "the last line is cut off (no newline): the trace was truncated");
      };
    } catch (IOException e) {
      throw error(lines.lineNumber() + 1, "", "cannot read it: " + InputFiles.reason(e));
    }
  }

  private ScenarioException error(long lineNumber, String field, String reason) {
    return error(lineNumber, 1, field, reason);
  }

  private ScenarioException error(long lineNumber, int column, String field, String reason) {
    int shown = (int) Math.min(Integer.MAX_VALUE, lineNumber);
    return new ScenarioException(file, shown, column, field, reason);
  }

  @Override
  public void close() {
    try {
      lines.close();
    } catch (IOException e) {
      // Nothing was written; a failure to close a file we only read changes nothing.
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // As in close().
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-256", e);
    }
  }

  private static String abbreviate(String hash) {
    if (hash == null) {
      return "nothing";
    }
    return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
  }
}
