package faultline.scenarios.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes Chrome's Trace Event Format, the JSON object form ({@code {"traceEvents": [...]}}) that
 * the Perfetto UI and {@code chrome://tracing} open: one event object per call, each with {@code
 * name}, {@code ph}, {@code pid}, {@code tid} and {@code ts} in microseconds (written with three
 * decimals, so the simulation's nanoseconds survive exactly). Events need not be in time order; the
 * viewers sort them.
 */
final class ChromeTraceWriter {
  static final int PID = 1;

  private final JsonGenerator json;
  private long events;

  ChromeTraceWriter(Writer out, List<Map.Entry<String, String>> otherData) throws IOException {
    this.json = new JsonFactory().createGenerator(out);
    json.writeStartObject();
    json.writeStringField("displayTimeUnit", "ns");
    json.writeObjectFieldStart("otherData");
    for (Map.Entry<String, String> entry : otherData) {
      json.writeStringField(entry.getKey(), entry.getValue());
    }
    json.writeEndObject();
    json.writeArrayFieldStart("traceEvents");
  }

  /** How many events were written. */
  long events() {
    return events;
  }

  /** A name for the process or a thread ({@code process_name}, {@code thread_name}). */
  void name(String what, int tid, String name) throws IOException {
    start("M", what, tid);
    json.writeObjectFieldStart("args");
    json.writeStringField("name", name);
    json.writeEndObject();
    end();
  }

  /** Where a thread goes among the others ({@code thread_sort_index}). */
  void sortIndex(int tid, int index) throws IOException {
    start("M", "thread_sort_index", tid);
    json.writeObjectFieldStart("args");
    json.writeNumberField("sort_index", index);
    json.writeEndObject();
    end();
  }

  /** A complete slice ({@code X}) from {@code startNanos}, {@code durationNanos} long. */
  void slice(int tid, String category, String name, long startNanos, long durationNanos, Args args)
      throws IOException {
    start("X", name, tid);
    json.writeStringField("cat", category);
    timestamp("ts", startNanos);
    timestamp("dur", durationNanos);
    args.write(json);
    end();
  }

  /** An instant event ({@code i}) on a thread ({@code s} = {@code t}) or the whole trace (g). */
  void instant(int tid, String category, String name, long atNanos, String scope, Args args)
      throws IOException {
    start("i", name, tid);
    json.writeStringField("cat", category);
    timestamp("ts", atNanos);
    json.writeStringField("s", scope);
    args.write(json);
    end();
  }

  /**
   * One end of a flow arrow: {@code s} starts it in the slice enclosing {@code atNanos} on the
   * thread, {@code f} ends it in the enclosing slice there ({@code bp} {@code e}). Its category is
   * that of the step slices it binds to, which both ends start with: viewers that bind a flow event
   * to the slice of the same category, thread and time (Chrome's) find it too.
   */
  void flow(String phase, int tid, String name, String id, long atNanos) throws IOException {
    start(phase, name, tid);
    json.writeStringField("cat", "step");
    json.writeStringField("id", id);
    timestamp("ts", atNanos);
    if (phase.equals("f")) {
      json.writeStringField("bp", "e");
    }
    end();
  }

  /** One end of an async span ({@code b} or {@code e}): spans of one id may overlap others. */
  void async(String phase, int tid, String category, String name, String id, long atNanos)
      throws IOException {
    start(phase, name, tid);
    json.writeStringField("cat", category);
    json.writeStringField("id", id);
    timestamp("ts", atNanos);
    end();
  }

  void finish() throws IOException {
    json.writeEndArray();
    json.writeEndObject();
    json.flush();
  }

  private void start(String phase, String name, int tid) throws IOException {
    json.writeStartObject();
    json.writeStringField("name", name);
    json.writeStringField("ph", phase);
    json.writeNumberField("pid", PID);
    json.writeNumberField("tid", tid);
  }

  private void end() throws IOException {
    json.writeEndObject();
    json.writeRaw('\n');
    events++;
  }

  private void timestamp(String field, long nanos) throws IOException {
    json.writeFieldName(field);
    json.writeNumber(BigDecimal.valueOf(nanos, 3).toPlainString());
  }

  /** The {@code args} of an event, in order: what the viewer shows when it is selected. */
  record Args(List<Map.Entry<String, Object>> values) {
    static final Args NONE = new Args(List.of());

    /** Names and values, alternating: {@code Args.of("seq", 12, "event", "start")}. */
    static Args of(Object... namesAndValues) {
      List<Map.Entry<String, Object>> values = new ArrayList<>();
      for (int i = 0; i < namesAndValues.length; i += 2) {
        values.add(Map.entry((String) namesAndValues[i], namesAndValues[i + 1]));
      }
      return new Args(values);
    }

    void write(JsonGenerator json) throws IOException {
      if (values.isEmpty()) {
        return;
      }
      json.writeObjectFieldStart("args");
      for (Map.Entry<String, Object> entry : values) {
        if (entry.getValue() instanceof Number number) {
          json.writeNumberField(entry.getKey(), number.longValue());
        } else {
          json.writeStringField(entry.getKey(), String.valueOf(entry.getValue()));
        }
      }
      json.writeEndObject();
    }
  }
}
