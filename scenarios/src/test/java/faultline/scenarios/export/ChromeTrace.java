package faultline.scenarios.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A Chrome trace-event JSON document read back: validated against the schema written from the
 * format's documentation ({@code trace-event-format.schema.json}), and its events as records with
 * times in nanoseconds again.
 */
record ChromeTrace(
    JsonNode document,
    List<Event> events,
    Map<String, Integer> threads,
    Map<Integer, List<Event>> slicesByThread) {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final JsonNode SCHEMA_NODE = readSchema();
  static final JsonSchema SCHEMA =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(SCHEMA_NODE);

  /** One trace event; {@code tsNanos} and {@code durNanos} are -1 when absent. */
  record Event(
      String name,
      String ph,
      String cat,
      int tid,
      long tsNanos,
      long durNanos,
      String id,
      JsonNode raw) {
    long endNanos() {
      return tsNanos + durNanos;
    }

    long seq() {
      return raw.path("args").path("seq").asLong(-1);
    }
  }

  static Set<ValidationMessage> validate(JsonNode document) {
    return SCHEMA.validate(document);
  }

  static ChromeTrace parse(String text) throws IOException {
    JsonNode document = JSON.readTree(text);
    assertThat(validate(document)).as("valid by the documented format").isEmpty();
    List<Event> events = new ArrayList<>();
    for (JsonNode event : document.get("traceEvents")) {
      events.add(
          new Event(
              event.get("name").asText(),
              event.get("ph").asText(),
              event.path("cat").asText(null),
              event.get("tid").asInt(),
              nanos(event.get("ts")),
              nanos(event.get("dur")),
              event.has("id") ? event.get("id").asText() : null,
              event));
    }
    return new ChromeTrace(document, events, new TreeMap<>(), new TreeMap<>());
  }

  /** Microseconds with three decimals back to whole nanoseconds, exactly. */
  private static long nanos(JsonNode microseconds) {
    if (microseconds == null) {
      return -1;
    }
    return new BigDecimal(microseconds.asText()).movePointRight(3).longValueExact();
  }

  List<Event> where(Predicate<Event> test) {
    return events.stream().filter(test).toList();
  }

  List<Event> slices(int tid) {
    return slicesByThread.computeIfAbsent(
        tid, thread -> where(e -> e.ph().equals("X") && e.tid() == thread));
  }

  /** The thread id a {@code thread_name} metadata event gives {@code name}. */
  int tidOf(String name) {
    return threads.computeIfAbsent(name, this::findTid);
  }

  private int findTid(String name) {
    List<Event> named =
        where(
            e ->
                e.ph().equals("M")
                    && e.name().equals("thread_name")
                    && e.raw().path("args").path("name").asText().equals(name));
    assertThat(named).as("one thread named " + name).hasSize(1);
    return named.getFirst().tid();
  }

  /**
   * Complete slices on one thread nest: sorted by start (longer first when two start together),
   * each lies within or wholly after every slice still open before it.
   */
  void assertSlicesNest() {
    TreeMap<Integer, List<Event>> byThread = new TreeMap<>();
    for (Event slice : where(e -> e.ph().equals("X"))) {
      byThread.computeIfAbsent(slice.tid(), tid -> new ArrayList<>()).add(slice);
    }
    for (List<Event> slices : byThread.values()) {
      List<Event> sorted =
          slices.stream()
              .sorted(
                  Comparator.comparingLong(Event::tsNanos)
                      .thenComparing(Comparator.comparingLong(Event::durNanos).reversed()))
              .toList();
      List<Event> open = new ArrayList<>();
      for (Event slice : sorted) {
        // A slice that ended where this one starts is its neighbour, not its parent.
        open.removeIf(
            parent ->
                parent.endNanos() < slice.tsNanos()
                    || parent.endNanos() == slice.tsNanos() && parent.tsNanos() < slice.tsNanos());
        if (!open.isEmpty()) {
          Event parent = open.getLast();
          assertThat(slice.endNanos())
              .as("%s nests in %s", slice.raw(), parent.raw())
              .isLessThanOrEqualTo(parent.endNanos());
        }
        open.add(slice);
      }
    }
  }

  private static JsonNode readSchema() {
    try (InputStream in =
        ChromeTrace.class.getResourceAsStream("/faultline/trace-event-format.schema.json")) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
