package faultline.scenarios.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.trace.TraceEvent;
import faultline.engine.trace.TraceEvent.ProtocolRecord;
import faultline.engine.trace.TraceLines;
import faultline.engine.trace.TraceSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Passes trace lines on and writes the run's client operations as a history that {@code check}
 * reads: each {@code client} record of the trace, read back as a typed event ({@code process},
 * {@code phase}, {@code op}) becomes one line {@code
 * {"process":0,"type":"invoke","f":"put","key":"k0","value":"v","time":t}}, in trace order, which
 * is real-time order; {@code time} is the event's true time in nanoseconds. The trace itself goes
 * on to the next sink unchanged.
 */
public final class ClientHistorySink implements TraceSink {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] CLIENT_MARKER =
      "\"type\":\"client\"".getBytes(StandardCharsets.US_ASCII);
  private static final Set<String> REGISTER_FUNCTIONS = Set.of("read", "write", "cas");
  private static final Set<String> KV_FUNCTIONS = Set.of("get", "put", "append", "cas");

  private final TraceSink next;
  private final Path path;
  private final Writer out;
  private final Set<String> functions = new TreeSet<>();
  private long invocations;

  /**
   * Opens {@code path} for writing, replacing what was there.
   *
   * @throws IOException when the file cannot be created
   */
  public ClientHistorySink(Path path, TraceSink next) throws IOException {
    this.next = next;
    this.path = path;
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
  }

  /**
   * Writes the history to {@code out}, which this sink closes; {@code path} names it in messages.
   * Passes no trace on: for a caller that hands it operations through {@link #write}.
   */
  public ClientHistorySink(Path path, Writer out) {
    this.next = TraceSink.discard();
    this.path = path;
    this.out = out;
  }

  @Override
  public void accept(byte[] line) {
    accept(line, 0, line.length);
  }

  @Override
  public void accept(byte[] buffer, int offset, int length) {
    next.accept(buffer, offset, length);
    if (!contains(buffer, offset, length, CLIENT_MARKER)) {
      return;
    }
    String line = new String(buffer, offset, length - 1, StandardCharsets.UTF_8);
    operationOf(TraceLines.event(TraceLines.object(line))).ifPresent(this::write);
  }

  /**
   * The history operation a trace event stands for: a {@code client} record's {@code process},
   * {@code phase} as {@code type}, the fields of its {@code op}, and its true time; nothing for any
   * other event. {@code run --history} and {@code export --format history} both write these.
   */
  public static Optional<ObjectNode> operationOf(TraceEvent event) {
    if (!(event instanceof ProtocolRecord record) || !record.type().equals("client")) {
      return Optional.empty();
    }
    ObjectNode operation = JSON.createObjectNode();
    operation.set("process", record.fields().get("process"));
    operation.set("type", record.fields().get("phase"));
    for (Map.Entry<String, JsonNode> field : record.fields().path("op").properties()) {
      operation.set(field.getKey(), field.getValue());
    }
    operation.put("time", record.at().timeNanos());
    return Optional.of(operation);
  }

  /** Writes one operation (from {@link #operationOf}) as the history's next line. */
  public void write(ObjectNode operation) {
    functions.add(operation.path("f").asText());
    if ("invoke".equals(operation.path("type").asText())) {
      invocations++;
    }
    try {
      out.write(JSON.writeValueAsString(operation));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("writing history " + path, e);
    }
  }

  /** How many operations the run invoked. */
  public long invocations() {
    return invocations;
  }

  /** The {@code check} model whose operations cover every one in the history, if one does. */
  public Optional<String> model() {
    if (functions.isEmpty()) {
      return Optional.empty();
    }
    if (REGISTER_FUNCTIONS.containsAll(functions)) {
      return Optional.of("register");
    }
    return KV_FUNCTIONS.containsAll(functions) ? Optional.of("kv") : Optional.empty();
  }

  public Path path() {
    return path;
  }

  /** Closes the history file; the next sink is its opener's to close. */
  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing history " + path, e);
    }
  }

  private static boolean contains(byte[] buffer, int offset, int length, byte[] needle) {
    int end = offset + length;
    outer:
    for (int i = offset; i + needle.length <= end; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (buffer[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
