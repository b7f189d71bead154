package faultline.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.net.Latency;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The codec both ways: every event type written by {@link TraceWriter}, read back by {@link
 * TraceLines} into its record, and written again from the record, gives the same bytes; and the
 * registry of engine event types is the sealed family's records.
 */
class TraceCodecTest {
  record Applied(long index, long term, String command) {}

  record Payload(long term, List<String> entries, Map<String, Long> vector) {}

  @Test
  void everyEventTypeReadsBackIntoARecordThatWritesTheSameLine() {
    InMemoryTraceSink first = new InMemoryTraceSink();
    TraceWriter writer = new TraceWriter(first);
    writer.header(Map.of("name", "codec"), 7, List.of("n1", "n2"));
    writeOneOfEach(writer);
    writer.end();

    List<String> lines = first.lines();
    List<TraceEvent> events = new ArrayList<>();
    for (String line : lines.subList(1, lines.size() - 1)) {
      events.add(TraceLines.event(TraceLines.object(line)));
    }
    TraceHeader header = TraceLines.header(TraceLines.object(lines.getFirst()));
    InMemoryTraceSink second = new InMemoryTraceSink();
    TraceWriter again = new TraceWriter(second);
    again.header(header.scenario(), header.seed(), header.nodes());
    events.forEach(again::write);
    again.end();

    assertThat(second.lines()).containsExactlyElementsOf(lines);
    assertThat(events.stream().map(TraceEvent::type).distinct()).containsAll(TraceEventTypes.NAMES);
    assertThat(events.stream().map(Object::getClass).distinct())
        .containsExactlyInAnyOrder(TraceEvent.class.getPermittedSubclasses());
  }

  @Test
  void theRegistryIsTheSealedFamilyAndEachRecordWritesItsOwnName() {
    List<Class<?>> permitted = List.of(TraceEvent.class.getPermittedSubclasses());
    assertThat(List.<Class<?>>copyOf(TraceEventTypes.RECORDS))
        .containsExactlyElementsOf(
            permitted.stream().filter(type -> type != TraceEvent.ProtocolRecord.class).toList());
    assertThat(TraceEventTypes.NAMES).doesNotHaveDuplicates().contains("deliver", "halt");
    assertThat(TraceEventTypes.NAMES).doesNotContainAnyElementsOf(TraceEventTypes.FILE_LINES);
    TraceEvent.At at = TraceEvent.At.ofRun(1, 0);
    assertThat(new TraceEvent.Heal(at).type()).isEqualTo("heal");
    assertThat(new TraceEvent.Halt(at, "time-limit").type()).isEqualTo("halt");
    assertThat(TraceEventTypes.isFreeForProtocols("apply")).isTrue();
    assertThat(TraceEventTypes.isFreeForProtocols("crash")).isFalse();
    assertThat(TraceEventTypes.isFreeForProtocols("end")).isFalse();
  }

  @Test
  void aKnownTypeWithAFieldItDoesNotHaveIsRefusedByName() {
    ObjectNode line =
        TraceLines.object(
            "{\"seq\":1,\"t\":0,\"type\":\"deliver\",\"node\":\"n1\",\"wall\":0,\"mono\":0,"
                + "\"from\":\"n2\",\"id\":3,\"msg\":\"Ping\",\"payload\":{}}");
    assertThatThrownBy(() -> TraceLines.event(line))
        .isInstanceOf(MalformedTraceException.class)
        .hasMessageContaining("a deliver event has no field 'payload'");
    ObjectNode missing = TraceLines.object("{\"seq\":1,\"t\":0,\"type\":\"halt\"}");
    assertThatThrownBy(() -> TraceLines.event(missing))
        .isInstanceOf(MalformedTraceException.class)
        .satisfies(e -> assertThat(((MalformedTraceException) e).field()).isEqualTo("reason"));
  }

  /** One line of every engine type, and a protocol record; used by the README test too. */
  static void writeOneOfEach(TraceWriter writer) {
    writer.start(0, "n1", 5, 0);
    Map<String, Long> vector = new TreeMap<>(Map.of("n2", 3L, "n1", 1L));
    writer.send(1, "n1", 6, 1, "n2", 1, "Payload", new Payload(3, List.of("a", "b"), vector));
    writer.deliver(2, "n2", 2, 2, "n1", 1, 1, "Payload");
    writer.deliver(3, "n2", 3, 3, "n1", 1, 2, "Payload");
    writer.drop(4, "n1", 9, 4, "n1", "n2", 2, "Payload", "loss");
    writer.timer(5, "n1", 10, 5, "ELECTION_TIMEOUT", 5);
    writer.timer(6, "n1", 11, 6, "HEARTBEAT_DUE", 2);
    writer.state(7, "n1", 12, 7, Map.of("role", "LEADER", "term", 3));
    writer.record(8, "n1", 13, 8, "apply", new Applied(1, 3, "put k v"));
    writer.note(9, "n2", 9, 9, "hello \"world\"");
    writer.crash(10, "n2", 10, 10, true, 2, 0);
    writer.crash(11, "n1", 16, 11, false, 0, 4);
    writer.restart(12, "n2", 12, 12);
    writer.pause(13, "n1", 18, 13, 1_000);
    writer.resume(14, "n1", 19, 14, 2);
    writer.clock(15, "n1", 20, 15, "offset", 5);
    writer.clock(16, "n1", 21, 16, "drift", -300);
    writer.clock(17, "n1", 22, 17, "jump", -2);
    writer.partition(18, List.of(List.of("n1"), List.of("n2")));
    writer.heal(19);
    writer.block(20, "n1", "n2");
    writer.unblock(21, "n1", "n2");
    writer.link(22, "*", "n2", Latency.constant(1_000), "1/100", null, null, true);
    writer.link(23, "n1", "*", null, null, "1/2", "3/4", null);
    writer.violation(24, "n1", 29, 24, "x.safety", "two leaders");
    writer.violation(25, null, 0, 0, "x.liveness", "no progress");
    writer.halt(26, "time-limit");
  }
}
