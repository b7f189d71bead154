package faultline.scenarios.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.trace.InMemoryTraceSink;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.model.RandomFaults;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import faultline.scenarios.run.ScenarioRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A seed's swarm configuration: a fair coin per feature from the seed's own stream, the same on
 * every call; applied, it leaves out exactly what the coins say, and a configuration that keeps
 * everything runs exactly the plain scenario.
 */
class SwarmConfigTest {
  private static final ScenarioLoader LOADER = Protocols.scenarioLoader();
  private static final Scenario RAFT = new Catalog(LOADER).load("raft/random-faults");

  @Test
  void theFeaturesAreTheRandomFaultKindsThenTheNetworksBehaviours() {
    assertThat(SwarmConfig.features(RAFT))
        .containsExactly(
            "partition", "one-way", "crash", "pause", "clock-jump", "loss", "duplicate");
  }

  @Test
  void eachFeatureIsKeptOnAboutHalfTheSeedsAndTheDrawRepeats() {
    int seeds = 2000;
    for (String feature : SwarmConfig.features(RAFT)) {
      int kept = 0;
      for (long seed = 1; seed <= seeds; seed++) {
        kept += SwarmConfig.draw(RAFT, seed).enables(feature) ? 1 : 0;
      }
      // A fair coin: within 4.5 standard deviations (22.4) of 1000.
      assertThat(kept).as(feature).isBetween(900, 1100);
    }
    assertThat(SwarmConfig.draw(RAFT, 77)).isEqualTo(SwarmConfig.draw(RAFT, 77));
  }

  @Test
  void appliedItLeavesOutWhatTheCoinsSay() {
    SwarmConfig config = new SwarmConfig(List.of("crash"), List.of("duplicate"));
    Scenario applied = config.apply(RAFT, LOADER);
    assertThat(applied.randomFaults().kinds()).containsExactly(RandomFaults.Kind.CRASH);
    assertThat(applied.source().get("network").has("loss")).isFalse();
    assertThat(applied.source().get("network").get("duplicate").asDouble()).isEqualTo(0.01);
    assertThat(applied.expect().metrics()).isEmpty();
    assertThat(applied.origin()).isEqualTo(RAFT.origin());

    Scenario quiet = new SwarmConfig(List.of(), List.of()).apply(RAFT, LOADER);
    assertThat(quiet.randomFaults()).isNull();
    assertThat(SwarmConfig.features(quiet)).isEmpty();
  }

  @Test
  void keepingEverythingRunsThePlainScenarioEventForEvent() {
    long seed = 1;
    while (!SwarmConfig.draw(RAFT, seed).equals(everything())) {
      seed++;
    }
    Scenario applied = SwarmConfig.draw(RAFT, seed).apply(RAFT, LOADER);
    long untilNanos = RAFT.run().untilNanos();
    assertThat(eventLines(applied, seed, untilNanos)).isEqualTo(eventLines(RAFT, seed, untilNanos));
  }

  @Test
  void aLineCarriesItAndReadsItBack() {
    SwarmConfig config = new SwarmConfig(List.of("partition", "pause"), List.of("loss"));
    assertThat(SwarmConfig.fromJson(config.toJson())).isEqualTo(config);
    assertThat(config.label()).isEqualTo("partition, pause | loss");
  }

  private static SwarmConfig everything() {
    return new SwarmConfig(
        List.of("partition", "one-way", "crash", "pause", "clock-jump"),
        List.of("loss", "duplicate"));
  }

  private static List<String> eventLines(Scenario scenario, long seed, long untilNanos) {
    InMemoryTraceSink sink = new InMemoryTraceSink();
    ScenarioRunner.run(scenario, seed, untilNanos, sink);
    List<String> lines = sink.lines();
    return lines.subList(1, lines.size() - 1);
  }
}
