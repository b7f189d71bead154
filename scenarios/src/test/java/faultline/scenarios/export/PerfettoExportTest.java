package faultline.scenarios.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import faultline.engine.trace.TraceEvent;
import faultline.scenarios.export.ChromeTrace.Event;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Perfetto export of real runs, validated against the JSON Schema written from the Trace Event
 * Format's documentation, then read back and compared with the trace: a named track per node and
 * per node's state; one step slice per start, restart, delivery and timer, in trace order; a state
 * slice per state event, a crashed slice per crash, a paused slice per pause; a partition slice per
 * partition; an instant per violation; and one flow arrow per delivered copy, from the send's time
 * on the sender's track to the delivery's on the receiver's, each end inside a slice it can bind
 * to. Slices on a track nest, as the viewers require.
 */
class PerfettoExportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theSchemaIsAValidDraft202012Schema() {
    JsonSchema metaSchema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    assertThat(metaSchema.validate(ChromeTrace.SCHEMA_NODE)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "raft/leader-election",
        "raft/gc-pause-leader",
        "clocks/hlc-faults",
        "raft/stale-read",
        "swim/one-way-link"
      })
  void theJsonIsValidAndHoldsTheTrace(String scenario) throws Exception {
    ObservedRun run = ObservedRun.of(scenario);
    StringWriter text = new StringWriter();
    String summary = Exports.convert(new PerfettoExport(), run.source(), text);
    ChromeTrace chrome = ChromeTrace.parse(text.toString());
    assertThat(summary).contains(String.format("%,d trace events", chrome.events().size()));
    chrome.assertSlicesNest();
    for (String node : run.source().header().nodes()) {
      assertNodeTracks(chrome, run.events(), node);
    }
    assertMessages(chrome, run.events());
    assertThat(chrome.where(e -> e.name().startsWith("violation ")))
        .hasSize(count(run, TraceEvent.Violation.class));
    assertThat(chrome.where(e -> e.ph().equals("X") && e.name().startsWith("partition ")))
        .hasSize(count(run, TraceEvent.Partition.class));
    assertThat(chrome.where(e -> e.ph().equals("b"))).hasSize(count(run, TraceEvent.Block.class));
  }

  private static int count(ObservedRun run, Class<? extends TraceEvent> type) {
    return (int) run.events().stream().filter(type::isInstance).count();
  }

  private static void assertNodeTracks(ChromeTrace chrome, List<TraceEvent> trace, String node) {
    List<TraceEvent> ofNode = trace.stream().filter(e -> node.equals(e.at().node())).toList();
    List<Long> stepSeqs =
        ofNode.stream()
            .filter(
                e ->
                    e instanceof TraceEvent.Start
                        || e instanceof TraceEvent.Restart
                        || e instanceof TraceEvent.Deliver
                        || e instanceof TraceEvent.Timer)
            .map(e -> e.at().seq())
            .toList();
    List<Event> steps = chrome.slices(chrome.tidOf(node));
    assertThat(steps.stream().map(Event::seq).toList()).as("steps of " + node).isEqualTo(stepSeqs);
    for (Event step : steps) {
      TraceEvent event = trace.get((int) step.seq() - 1);
      assertThat(step.tsNanos()).isEqualTo(event.at().timeNanos());
      assertThat(step.durNanos()).isBetween(0L, NodeTrack.STEP_NANOS);
      assertThat(step.raw().path("args").path("event").asText()).isEqualTo(EventText.of(event));
    }
    List<Event> state = chrome.slices(chrome.tidOf(node + " state"));
    assertThat(state.stream().filter(e -> e.cat().equals("state")).map(Event::seq).toList())
        .as("state slices of " + node)
        .isEqualTo(
            ofNode.stream()
                .filter(TraceEvent.State.class::isInstance)
                .map(e -> e.at().seq())
                .toList());
    assertThat(state.stream().filter(e -> e.name().equals("crashed")))
        .hasSize((int) ofNode.stream().filter(TraceEvent.Crash.class::isInstance).count());
    assertThat(state.stream().filter(e -> e.name().equals("paused")))
        .hasSize((int) ofNode.stream().filter(TraceEvent.Pause.class::isInstance).count());
  }

  private static void assertMessages(ChromeTrace chrome, List<TraceEvent> trace) {
    List<TraceEvent.Deliver> deliveries =
        trace.stream()
            .filter(TraceEvent.Deliver.class::isInstance)
            .map(TraceEvent.Deliver.class::cast)
            .toList();
    Map<Long, TraceEvent.Send> sends = new TreeMap<>();
    trace.stream()
        .filter(TraceEvent.Send.class::isInstance)
        .map(TraceEvent.Send.class::cast)
        .forEach(send -> sends.put(send.id(), send));
    List<Event> starts = chrome.where(e -> e.ph().equals("s"));
    List<Event> ends = chrome.where(e -> e.ph().equals("f"));
    assertThat(starts).hasSameSizeAs(deliveries).isNotEmpty();
    assertThat(ends).hasSameSizeAs(deliveries);
    assertThat(starts.stream().map(Event::id)).doesNotHaveDuplicates();
    for (int i = 0; i < deliveries.size(); i++) {
      TraceEvent.Deliver deliver = deliveries.get(i);
      TraceEvent.Send send = sends.get(deliver.id());
      Event start = starts.get(i);
      Event end = ends.get(i);
      assertThat(start.id()).isEqualTo(end.id()).startsWith("m" + deliver.id());
      assertThat(start.tsNanos()).isEqualTo(send.at().timeNanos());
      assertThat(end.tsNanos()).isEqualTo(deliver.at().timeNanos());
      assertThat(start.tid()).isEqualTo(chrome.tidOf(send.at().node()));
      assertThat(end.tid()).isEqualTo(chrome.tidOf(deliver.at().node()));
      assertThat(end.raw().path("bp").asText()).isEqualTo("e");
      assertThat(enclosing(chrome, start)).as("the send's step encloses it").isNotEmpty();
      assertThat(enclosing(chrome, end).stream().map(Event::seq))
          .as("the delivery's step encloses it")
          .contains(deliver.at().seq());
    }
  }

  private static List<Event> enclosing(ChromeTrace chrome, Event point) {
    return chrome.slices(point.tid()).stream()
        .filter(s -> s.tsNanos() <= point.tsNanos() && point.tsNanos() <= s.endNanos())
        .toList();
  }

  @Test
  void theSchemaRefusesWhatTheFormatForbids() throws Exception {
    ObservedRun run = ObservedRun.of("paxos/basic");
    StringWriter text = new StringWriter();
    Exports.convert(new PerfettoExport(), run.source(), text);
    ObjectNode valid = (ObjectNode) JSON.readTree(text.toString());
    assertThat(ChromeTrace.validate(valid)).isEmpty();
    assertRefused(valid, doc -> doc.remove("traceEvents"));
    assertRefused(valid, doc -> first(doc, "X").remove("dur"));
    assertRefused(valid, doc -> first(doc, "X").remove("ts"));
    assertRefused(valid, doc -> first(doc, "X").put("ph", "Z"));
    assertRefused(valid, doc -> first(doc, "s").remove("id"));
    assertRefused(valid, doc -> first(doc, "f").put("bp", "x"));
    assertRefused(valid, doc -> ((ObjectNode) first(doc, "M").get("args")).remove("name"));
    assertRefused(valid, doc -> first(doc, "i").put("s", "x"));
    assertRefused(valid, doc -> doc.put("displayTimeUnit", "s"));
  }

  private static void assertRefused(ObjectNode valid, Consumer<ObjectNode> breakIt) {
    ObjectNode broken = valid.deepCopy();
    breakIt.accept(broken);
    assertThat(ChromeTrace.validate(broken)).isNotEmpty();
  }

  private static ObjectNode first(ObjectNode document, String phase) {
    for (JsonNode event : (ArrayNode) document.get("traceEvents")) {
      if (event.get("ph").asText().equals(phase)) {
        return (ObjectNode) event;
      }
    }
    throw new AssertionError("no event of phase " + phase);
  }
}
