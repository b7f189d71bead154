package faultline.engine.trace;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps every trace line as a string without its newline; for tests and the visualizer. */
public final class InMemoryTraceSink implements TraceSink {
  private final List<String> lines = new ArrayList<>();

  @Override
  public void accept(byte[] line) {
    accept(line, 0, line.length);
  }

  @Override
  public void accept(byte[] buffer, int offset, int length) {
    lines.add(new String(buffer, offset, length - 1, StandardCharsets.UTF_8));
  }

  public List<String> lines() {
    return Collections.unmodifiableList(lines);
  }
}
