package faultline.scenarios.trace;

import faultline.engine.trace.TraceSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Compares a run's trace lines, as the run writes them, with a trace file read alongside, and keeps
 * the first line where they differ; nothing else is held, so a replay of any length runs in bounded
 * memory. The end lines are not compared: they follow from the lines before them.
 */
public final class TraceComparison implements TraceSink {
  private final TraceFile recorded;
  private long lineNumber;
  private long difference = -1;
  private String recordedLine;
  private String replayedLine;
  private String replayedHeader;
  private boolean recordedEnded;

  /** Opens {@code path} (checked already) to compare it with the run about to be made. */
  public TraceComparison(Path path) {
    this.recorded = TraceFile.open(path);
  }

  @Override
  public void accept(byte[] line) {
    accept(line, 0, line.length);
  }

  @Override
  public void accept(byte[] buffer, int offset, int length) {
    lineNumber++;
    if (difference >= 0) {
      return;
    }
    String replayed = new String(buffer, offset, length - 1, StandardCharsets.UTF_8);
    if (lineNumber == 1) {
      replayedHeader = replayed;
    }
    String expected = nextRecorded();
    boolean replayedEnds = replayed.startsWith("{\"type\":\"end\"");
    if (expected == null && replayedEnds) {
      return; // Both ended after the same lines.
    }
    if (expected == null || !expected.equals(replayed)) {
      difference = lineNumber;
      recordedLine = expected;
      replayedLine = replayedEnds ? null : replayed;
    }
  }

  private String nextRecorded() {
    if (lineNumber == 1) {
      return replayedHeader;
    }
    if (recordedEnded || recorded.next() == null) {
      recordedEnded = true;
      return null;
    }
    return recorded.line();
  }

  /** How many lines the run has written so far, its header included. */
  public long linesCompared() {
    return lineNumber;
  }

  /** The number of the first line that differs, from 1, or -1 when none does. */
  public long difference() {
    return difference;
  }

  /** The recorded line at the difference, or null when the recording had ended there. */
  public String recordedLine() {
    return recordedLine;
  }

  /** The replayed line at the difference, or null when the replay had ended there. */
  public String replayedLine() {
    return replayedLine;
  }

  @Override
  public void close() {
    recorded.close();
  }
}
