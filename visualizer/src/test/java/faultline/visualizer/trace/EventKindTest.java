package faultline.visualizer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.trace.TraceEventTypes;
import faultline.scenarios.model.FaultKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The timeline's event kinds follow the engine's table of event types: one kind per engine type, in
 * the same order, then the protocol records it draws; and the faults it can jump between are
 * exactly the types the scenario format's fault kinds write.
 */
class EventKindTest {
  private static final List<EventKind> PROTOCOL_RECORDS =
      List.of(EventKind.CLIENT, EventKind.APPLY, EventKind.OTHER);

  @Test
  void everyEngineEventTypeHasItsKindInTheEnginesOrder() {
    List<String> engineKinds =
        Arrays.stream(EventKind.values())
            .filter(kind -> !PROTOCOL_RECORDS.contains(kind))
            .map(EventKind::label)
            .toList();
    assertThat(engineKinds).isEqualTo(TraceEventTypes.NAMES);
    for (String type : TraceEventTypes.NAMES) {
      assertThat(EventKind.of(type).label()).isEqualTo(type);
    }
  }

  @Test
  void protocolRecordsAreDrawnByTheirOwnKindOrAsOther() {
    assertThat(EventKind.of("client")).isEqualTo(EventKind.CLIENT);
    assertThat(EventKind.of("apply")).isEqualTo(EventKind.APPLY);
    assertThat(EventKind.of("gossip")).isEqualTo(EventKind.OTHER);
    assertThat(TraceEventTypes.NAMES).doesNotContain("client", "apply", "other");
  }

  @Test
  void theFaultsToJumpBetweenAreWhatTheFaultKindsWrite() {
    List<String> faults =
        Arrays.stream(EventKind.values()).filter(EventKind::isFault).map(EventKind::label).toList();
    assertThat(faults).containsExactlyInAnyOrderElementsOf(FaultKind.allTraceTypes());
  }
}
