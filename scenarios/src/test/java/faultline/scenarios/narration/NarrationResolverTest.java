package faultline.scenarios.narration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.trace.InMemoryTraceSink;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioException;
import faultline.scenarios.parse.ScenarioLoader;
import faultline.scenarios.run.ScenarioRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

class NarrationResolverTest {
  private static final ScenarioLoader LOADER = Protocols.scenarioLoader();

  /** clocks/lww-skew in miniature: n1's clock is ahead, so n2's later write loses. */
  private static Scenario scenario(String narration) {
    String text =
        """
        {
          "description": "lww skew",
          "protocol": "lww-register",
          "nodes": ["n1", "n2", "n3"],
          "params": {"resolveBy": "wall", "writes": [
            {"at": "100ms", "node": "n1", "value": "a"},
            {"at": "200ms", "node": "n2", "value": "b"}]},
          "network": {"latency": "2ms..8ms"},
          "clocks": {"n1": {"offset": "150ms"}},
          "run": {"duration": "1s", "stopOnViolation": false},
          "seed": 42,
          "narration": %s
        }
        """
            .formatted(narration);
    return LOADER.load("n.json", "n.json", "n", text);
  }

  private static List<String> run(Scenario scenario, long seed) {
    InMemoryTraceSink sink = new InMemoryTraceSink();
    ScenarioRunner.run(scenario, seed, scenario.run().untilNanos(), sink);
    return sink.lines();
  }

  @Test
  void selectorsPickTheNthMatchingEventAndTimesStayTimes() {
    Scenario scenario =
        scenario(
            """
            [{"at": "150ms", "caption": "Between.", "highlight": ["n1"]},
             {"event": {"type": "state", "node": "n2", "where": {"state.value": "a"}},
              "caption": "n2 adopts a.", "zoom": {"before": "10ms", "after": "20ms"}},
             {"event": {"type": "violation", "nth": 2}, "caption": "Second violation."}]
            """);
    List<String> lines = run(scenario, 42);

    List<ResolvedStep> steps =
        NarrationResolver.resolve(scenario.narration(), lines, 42, true).steps();

    assertThat(steps).hasSize(3);
    assertThat(steps.get(0).event()).isEqualTo(-1);
    assertThat(steps.get(0).timeNanos()).isEqualTo(150_000_000L);
    assertThat(steps.get(0).highlight()).containsExactly("n1");
    assertThat(steps.get(0).hasWindow()).isFalse();
    String adopted = lines.get(steps.get(1).event() + 1);
    assertThat(adopted).contains("\"type\":\"state\"", "\"node\":\"n2\"", "\"value\":\"a\"");
    assertThat(steps.get(1).windowStartNanos()).isEqualTo(steps.get(1).timeNanos() - 10_000_000L);
    assertThat(steps.get(1).windowEndNanos()).isEqualTo(steps.get(1).timeNanos() + 20_000_000L);
    long violations =
        lines.subList(0, steps.get(2).event() + 2).stream()
            .filter(line -> line.contains("\"type\":\"violation\""))
            .count();
    assertThat(violations).isEqualTo(2);
    assertThat(steps.get(2).total()).isEqualTo(3);
  }

  @Test
  void aSelectorThatFindsNothingIsALoadErrorNamingTheStep() {
    Scenario scenario =
        scenario(
            """
            [{"at": "0s", "caption": "Start."},
             {"event": {"type": "state", "node": "n3", "where": {"state.value": "c"}},
              "caption": "Never."}]
            """);
    List<String> lines = run(scenario, 42);

    assertThatThrownBy(() -> NarrationResolver.resolve(scenario.narration(), lines, 42, true))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(
            "n.json:13:12: narration[1].event: step 2 finds nothing: no event in this run (seed"
                + " 42) is the 1st state event on n3 with state.value \"c\"");
  }

  @Test
  void atAnotherSeedAStepThatFindsNothingIsLeftOutAndSaidSo() {
    Scenario scenario =
        scenario(
            """
            [{"event": {"type": "crash"}, "caption": "No crash here."},
             {"at": "1s", "caption": "The end."}]
            """);

    NarrationResolver.Resolution resolution =
        NarrationResolver.resolve(scenario.narration(), run(scenario, 7), 7, false);

    assertThat(resolution.steps()).extracting(ResolvedStep::number).containsExactly(2);
    assertThat(resolution.missing())
        .containsExactly(
            "narration step 1 finds nothing: no event in this run (seed 7) is the 1st crash"
                + " event");
  }
}
