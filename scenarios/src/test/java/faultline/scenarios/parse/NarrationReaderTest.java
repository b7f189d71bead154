package faultline.scenarios.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.node.NodeId;
import faultline.scenarios.model.Narration;
import faultline.scenarios.model.Narration.Step;
import org.junit.jupiter.api.Test;

class NarrationReaderTest {
  private final ScenarioLoader loader = Fixtures.loader();

  private static String scenario(String narration) {
    return "{\"description\": \"x\", \"protocol\": \"raft\", \"nodes\": 3,"
        + " \"run\": {\"duration\": \"5s\"},\n  \"narration\": "
        + narration
        + "}";
  }

  @Test
  void readsTimesSelectorsHighlightsAndZooms() {
    Narration narration =
        loader
            .load(
                "t.json",
                "t.json",
                "t",
                scenario(
                    "[{\"at\": \"1s\", \"caption\": \"Cut.\", \"highlight\": [\"n2\", \"n1\"],"
                        + " \"zoom\": {\"from\": \"500ms\", \"to\": \"2s\"}},"
                        + " {\"event\": {\"type\": \"state\", \"node\": \"n3\", \"where\":"
                        + " {\"state.role\": \"LEADER\", \"state.term\": 2}, \"after\": \"1s\","
                        + " \"nth\": 2}, \"caption\": \"Leads.\", \"zoom\": {\"before\":"
                        + " \"100ms\", \"after\": \"1s\"}}]"))
            .narration();
    assertThat(narration.steps()).hasSize(2);
    Step first = narration.steps().get(0);
    assertThat(first.number()).isEqualTo(1);
    assertThat(first.atNanos()).isEqualTo(1_000_000_000L);
    assertThat(first.event()).isNull();
    assertThat(first.highlight()).containsExactly(NodeId.of("n2"), NodeId.of("n1"));
    assertThat(first.zoom().startNanos(1_000_000_000L)).isEqualTo(500_000_000L);
    assertThat(first.zoom().endNanos(1_000_000_000L)).isEqualTo(2_000_000_000L);
    Step second = narration.steps().get(1);
    assertThat(second.atNanos()).isEqualTo(-1);
    assertThat(second.event().describe())
        .isEqualTo(
            "the 2nd state event on n3 with state.role \"LEADER\", state.term 2 at or after 1s");
    assertThat(second.zoom().startNanos(3_000_000_000L)).isEqualTo(2_900_000_000L);
    assertThat(second.zoom().endNanos(3_000_000_000L)).isEqualTo(4_000_000_000L);
    assertThat(second.spot().path()).isEqualTo("narration[1].event");
    assertThat(second.spot().line()).isEqualTo(2);
  }

  @Test
  void aScenarioWithoutNarrationHasNone() {
    assertThat(
            loader
                .load(
                    "t.json",
                    "t.json",
                    "t",
                    scenario("[{\"at\": \"0s\", \"caption\":" + " \"x\"}]"))
                .narration()
                .steps())
        .hasSize(1);
    String without = "{\"description\": \"x\", \"protocol\": \"raft\", \"nodes\": 3}";
    assertThat(loader.load("t.json", "t.json", "t", without).narration()).isEqualTo(Narration.NONE);
  }

  @Test
  void mistakesAreLocatedAtTheirField() {
    assertError(
        "[]",
        "t.json:2:16: narration: a narration has from 1 to 100 steps, got 0"
            + " (leave out \"narration\" for none)");
    assertError(
        "[{\"caption\": \"x\"}]",
        "t.json:2:17: narration[0]: a step has exactly one of \"at\" (a time) or \"event\" (a"
            + " selector)");
    assertError(
        "[{\"at\": \"9s\", \"caption\": \"x\"}]",
        "t.json:2:24: narration[0].at: after the end of the run (5s)");
    assertError(
        "[{\"at\": \"1s\"}]", "t.json:2:17: narration[0]: missing required field \"caption\"");
    assertError(
        "[{\"at\": \"1s\", \"caption\": \" \"}]",
        "t.json:2:41: narration[0].caption: must not be empty");
    assertError(
        "[{\"at\": \"1s\", \"caption\": \"" + "x".repeat(301) + "\"}]",
        "t.json:2:41: narration[0].caption: a caption is at most 300 characters (it must fit a"
            + " slide), got 301");
    assertError(
        "[{\"at\": \"1s\", \"caption\": \"x\", \"highlight\": [\"n9\"]}]",
        "t.json:2:60: narration[0].highlight[0]: unknown node \"n9\" (nodes: n1, n2, n3)");
    assertError(
        "[{\"event\": {\"type\": \"State!\"}, \"caption\": \"x\"}]",
        "t.json:2:36: narration[0].event.type: an event type is a trace record's name, such as"
            + " \"state\", \"violation\" or \"crash\"; got \"State!\"");
    assertError(
        "[{\"event\": {\"type\": \"state\", \"nth\": 0}, \"caption\": \"x\"}]",
        "t.json:2:52: narration[0].event.nth: must be between 1 and 1000000, got 0");
    assertError(
        "[{\"event\": {\"type\": \"state\", \"where\": {\"a..b\": 1}}, \"caption\": \"x\"}]",
        "t.json:2:55: narration[0].event.where[\"a..b\"]: a field path is up to four names joined by"
            + " dots, such as \"state.role\"; got \"a..b\"");
    assertError(
        "[{\"event\": {\"type\": \"state\", \"where\": {\"term\": 1.5}}, \"caption\": \"x\"}]",
        "t.json:2:63: narration[0].event.where.term: expected a string, an integer or a boolean,"
            + " got a number");
    assertError(
        "[{\"event\": {\"type\": \"state\", \"wher\": {}}, \"caption\": \"x\"}]",
        "t.json:2:45: narration[0].event.wher: unknown field \"wher\"; did you mean \"where\"?");
    assertError(
        "[{\"at\": \"1s\", \"caption\": \"x\", \"zoom\": {\"from\": \"1s\", \"after\": \"1s\"}}]",
        "t.json:2:54: narration[0].zoom: a zoom is either \"from\" and \"to\" (times) or"
            + " \"before\" and \"after\" (around the step's moment)");
    assertError(
        "[{\"at\": \"1s\", \"caption\": \"x\", \"zoom\": {\"from\": \"2s\", \"to\": \"1s\"}}]",
        "t.json:2:75: narration[0].zoom.to: \"to\" must be after \"from\"");
    assertError(
        "[{\"at\": \"3s\", \"caption\": \"x\", \"zoom\": {\"from\": \"1s\", \"to\": \"2s\"}}]",
        "t.json:2:54: narration[0].zoom: the window does not contain the step's time \"at\"");
  }

  private void assertError(String narration, String message) {
    assertThatThrownBy(() -> loader.load("t.json", "t.json", "t", scenario(narration)))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(message);
  }
}
