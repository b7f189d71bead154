package faultline.scenarios.parse;

import static faultline.engine.time.Nanos.MILLI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.trace.InMemoryTraceSink;
import faultline.engine.trace.TraceEventTypes;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.model.FaultKind;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link FaultKind} is the one table of fault kinds: these tests fail when a kind is forgotten in
 * one of the places derived from it or compared with it. How they work: every record of the
 * engine's sealed {@code Fault} must have exactly one kind; the scenario reader must build each
 * kind's record from the kind's example; a run of all the examples must write each kind's trace
 * types at the fault's time; and the README's fault table must list exactly the kinds, in order.
 * (The JSON Schema is compared in {@code ScenarioSchemaTest}, the what-if menu in the visualizer's
 * {@code WhatIfTest}.)
 */
class FaultKindTest {
  private static final List<String> NODES = List.of("n1", "n2", "n3");
  private static final long GAP_NANOS = 100 * MILLI;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyRecordOfTheSealedFaultHasExactlyOneKind() {
    Set<String> records = new TreeSet<>();
    for (Class<?> record : Fault.class.getPermittedSubclasses()) {
      records.add(record.getSimpleName());
    }
    List<String> kinds =
        Arrays.stream(FaultKind.values()).map(kind -> kind.recordClass().getSimpleName()).toList();
    assertThat(kinds).doesNotHaveDuplicates();
    assertThat(new TreeSet<>(kinds)).isEqualTo(records);
  }

  @Test
  void theReaderBuildsEachKindFromItsExample() {
    List<ScheduledFault> faults = everyExample().faults();
    assertThat(faults).hasSize(FaultKind.values().length);
    for (FaultKind kind : FaultKind.values()) {
      ScheduledFault read = faults.get(kind.ordinal());
      assertThat(read.atNanos()).isEqualTo(atNanos(kind));
      assertThat(read.fault()).as(kind.typeName()).isInstanceOf(kind.recordClass());
      assertThat(FaultKind.of(read.fault())).isEqualTo(kind);
      assertThat(FaultKind.named(kind.typeName())).contains(kind);
    }
  }

  @Test
  void everyTraceTypeAKindWritesIsAnEngineEventType() {
    assertThat(TraceEventTypes.NAMES).containsAll(FaultKind.allTraceTypes());
  }

  @Test
  void aLinkFaultTakesEveryLinkPolicyField() {
    List<String> expected = new ArrayList<>(List.of("from", "to"));
    expected.addAll(NetworkReader.POLICY_FIELDS);
    assertThat(FaultKind.LINK.fields()).isEqualTo(expected);
  }

  @Test
  void eachKindWritesItsTraceTypesWhenApplied() throws IOException {
    Scenario scenario = everyExample();
    InMemoryTraceSink sink = new InMemoryTraceSink();
    ScenarioRunner.run(scenario, scenario.seed(), scenario.run().durationNanos(), sink);
    List<JsonNode> events = new ArrayList<>();
    for (String line : sink.lines()) {
      events.add(JSON.readTree(line));
    }
    for (FaultKind kind : FaultKind.values()) {
      List<String> written =
          events.stream()
              .filter(event -> event.path("t").asLong(-1) >= atNanos(kind))
              .filter(event -> event.path("t").asLong() < atNanos(kind) + GAP_NANOS)
              .map(event -> event.path("type").asText())
              .filter(FaultKind.allTraceTypes()::contains)
              .toList();
      assertThat(written).as(kind.typeName()).containsExactlyElementsOf(kind.traceTypes());
    }
  }

  @Test
  void theReadmeFaultTableListsEveryKindInOrder() throws IOException {
    String readme = Fixtures.read(Fixtures.MODULE.resolve("README.md"));
    String section = readme.substring(readme.indexOf("### `faults`"));
    section = section.substring(0, section.indexOf("\n### ", 1));
    List<String> rows =
        section
            .lines()
            .filter(line -> line.startsWith("| `"))
            .map(line -> line.substring(3, line.indexOf('`', 3)))
            .skip(1) // The header: | `type` | fields | meaning |
            .toList();
    assertThat(rows).isEqualTo(FaultKind.typeNames());
  }

  /** A scenario with one fault of each kind, 100 ms apart, each from the kind's example. */
  private static Scenario everyExample() {
    StringBuilder faults = new StringBuilder();
    for (FaultKind kind : FaultKind.values()) {
      String example = kind.exampleFields(NODES);
      faults
          .append(faults.isEmpty() ? "" : ",\n")
          .append("{\"at\": \"")
          .append(atNanos(kind) / MILLI)
          .append("ms\", \"type\": \"")
          .append(kind.typeName())
          .append('"')
          .append(example.isEmpty() ? "" : ", " + example)
          .append('}');
    }
    String text =
        """
        {"description": "one fault of each kind", "protocol": "lww-register",
         "nodes": ["n1", "n2", "n3"], "run": {"duration": "2s"},
         "params": {"randomWrites": {"intervalMin": "20ms"}},
         "faults": [%s]}
        """
            .formatted(faults);
    return Protocols.scenarioLoader()
        .load("every-fault.json", "every-fault.json", "every-fault", text);
  }

  /** Each kind's fault comes 100 ms after the previous kind's, from 100 ms. */
  private static long atNanos(FaultKind kind) {
    return (kind.ordinal() + 1) * GAP_NANOS;
  }
}
