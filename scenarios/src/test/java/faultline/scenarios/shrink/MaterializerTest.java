package faultline.scenarios.shrink;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.trace.InMemoryTraceSink;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import faultline.scenarios.run.ScenarioRunner;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Writing the drawn faults out changes nothing about the run: every line of the trace after its
 * header (which records the scenario document, so it differs) is the same, byte for byte, for
 * scenarios with random faults only, and with scripted faults at the same times as drawn ones.
 */
class MaterializerTest {
  private static final ScenarioLoader LOADER = Protocols.scenarioLoader();

  @ParameterizedTest(name = "{0} seed {1}")
  @CsvSource({
    "raft/random-faults, 3",
    "multipaxos/random-faults, 5",
    "paxos/random-faults, 7",
    "swim/random-faults, 2",
    "clocks/hlc-faults, 7"
  })
  void theExplicitScenarioMakesTheSameEvents(String name, long seed) {
    Scenario scenario = new Catalog(LOADER).load(name);
    Candidate explicit = Materializer.materialize(scenario, seed);
    assertThat(explicit.source().has("randomFaults")).isFalse();
    assertThat(explicit.faultCount())
        .isEqualTo(ScenarioRunner.faultsOf(scenario, seed, scenario.run().untilNanos()).size());

    Scenario written = LOADER.loadSource("explicit.json", "explicit.json", explicit.source());
    // At the scenario's own length: a run cut short draws its random faults in a shorter window.
    long untilNanos = scenario.run().untilNanos();
    assertThat(eventLines(written, seed, untilNanos))
        .isEqualTo(eventLines(scenario, seed, untilNanos));
  }

  private static List<String> eventLines(Scenario scenario, long seed, long untilNanos) {
    InMemoryTraceSink sink = new InMemoryTraceSink();
    ScenarioRunner.run(scenario, seed, untilNanos, sink);
    List<String> lines = sink.lines();
    return lines.subList(1, lines.size() - 1); // Without the header and the end line.
  }
}
