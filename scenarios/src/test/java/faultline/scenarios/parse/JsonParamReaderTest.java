package faultline.scenarios.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Reads a small params object the way a protocol binding does: typed getters with defaults, then
 * {@code finish()}. Errors are compared in full, location included.
 */
class JsonParamReaderTest {
  private static final NodeId N1 = NodeId.of("n1");
  private static final NodeId N2 = NodeId.of("n2");
  private static final NodeId N3 = NodeId.of("n3");
  private static final List<NodeId> NODES = List.of(N1, N2, N3);

  private static final String PARAMS =
      """
      {
        "mode": "lamport",
        "label": "demo",
        "writes": 12,
        "verbose": true,
        "timeout": "150ms",
        "skew": "-20ms",
        "dropRate": 0.125,
        "leader": "n2",
        "followers": ["n1", "n3"],
        "bugs": ["stale-read"],
        "batches": [{"size": 2}, {"size": 3}],
        "retry": {"limit": 5}
      }
      """;

  private static JsonParamReader reader(String json) {
    return JsonParamReader.fromText("p.json", "params", json, NODES);
  }

  @Test
  void typedGettersReadEachKindOfValue() {
    JsonParamReader params = reader(PARAMS);

    assertThat(params.path()).isEqualTo("params");
    assertThat(params.has("mode")).isTrue();
    assertThat(params.choice("mode", "wall", List.of("wall", "lamport", "hlc")))
        .isEqualTo("lamport");
    assertThat(params.string("label", "none")).isEqualTo("demo");
    assertThat(params.integer("writes", 0, 1, 100)).isEqualTo(12);
    assertThat(params.bool("verbose", false)).isTrue();
    assertThat(params.durationNanos("timeout", 0)).isEqualTo(150_000_000);
    assertThat(params.signedDurationNanos("skew", 0)).isEqualTo(-20_000_000);
    assertThat(params.probability("dropRate", Ratio.ZERO)).isEqualTo(Ratio.of(1, 8));
    assertThat(params.node("leader")).isEqualTo(N2);
    assertThat(params.optionalNode("leader")).contains(N2);
    assertThat(params.nodes("followers", List.of())).containsExactly(N1, N3);
    assertThat(params.strings("bugs", List.of("stale-read", "lost-write")))
        .containsExactly("stale-read");
    List<ParamReader> batches = params.objects("batches");
    assertThat(batches).hasSize(2);
    assertThat(batches.get(1).path()).isEqualTo("params.batches[1]");
    assertThat(batches.get(1).integer("size", 0, 1, 10)).isEqualTo(3);
    assertThat(batches.get(0).integer("size", 0, 1, 10)).isEqualTo(2);
    ParamReader retry = params.object("retry");
    assertThat(retry.path()).isEqualTo("params.retry");
    assertThat(retry.integer("limit", 1, 0, 10)).isEqualTo(5);

    params.finish();
  }

  @Test
  void absentFieldsGiveTheirDefaults() {
    JsonParamReader params = reader("{}");

    assertThat(params.has("mode")).isFalse();
    assertThat(params.string("label", "none")).isEqualTo("none");
    assertThat(params.choice("mode", "wall", List.of("wall", "hlc"))).isEqualTo("wall");
    assertThat(params.integer("writes", 7, 0, 10)).isEqualTo(7);
    assertThat(params.bool("verbose", true)).isTrue();
    assertThat(params.durationNanos("timeout", 5)).isEqualTo(5);
    assertThat(params.signedDurationNanos("skew", -5)).isEqualTo(-5);
    assertThat(params.probability("dropRate", Ratio.ONE)).isEqualTo(Ratio.ONE);
    assertThat(params.optionalNode("leader")).isEqualTo(Optional.empty());
    assertThat(params.nodes("followers", List.of(N1))).containsExactly(N1);
    assertThat(params.strings("bugs", List.of("x"))).isEmpty();
    assertThat(params.objects("batches")).isEmpty();
    assertThat(params.object("retry").integer("limit", 3, 0, 10)).isEqualTo(3);
    params.finish();
  }

  @Test
  void finishRejectsAFieldThatWasNeverReadAndSuggestsTheClosest() {
    JsonParamReader params = reader("{\"writes\": 3,\n \"tiemout\": \"1s\"}");
    params.integer("writes", 0, 0, 10);
    params.durationNanos("timeout", 0);

    assertThatThrownBy(params::finish)
        .isInstanceOf(ScenarioException.class)
        .hasMessage(
            "p.json:2:2: params.tiemout: unknown field \"tiemout\"; did you mean \"timeout\"?");
  }

  @Test
  void finishRejectsUnreadFieldsOfNestedReadersToo() {
    JsonParamReader params = reader("{\"batches\": [{\"size\": 2, \"colour\": \"red\"}]}");
    params.objects("batches").get(0).integer("size", 0, 0, 10);

    assertThatThrownBy(params::finish)
        .hasMessage(
            "p.json:1:26: params.batches[0].colour: unknown field \"colour\" (known fields: size)");
  }

  @Test
  void finishWithNothingReadListsNoKnownFields() {
    assertThatThrownBy(reader("{\"x\": 1}")::finish)
        .hasMessage("p.json:1:2: params.x: unknown field \"x\" (no fields are allowed here)");
  }

  @Test
  void badValuesAreLocatedAtTheValue() {
    JsonParamReader params = reader(PARAMS);

    assertThatThrownBy(() -> params.integer("writes", 0, 1, 10))
        .hasMessage("p.json:4:13: params.writes: must be between 1 and 10, got 12");
    assertThatThrownBy(() -> params.integer("label", 0, 0, 10))
        .hasMessage("p.json:3:12: params.label: expected an integer, got a string");
    assertThatThrownBy(() -> params.choice("mode", "wall", List.of("wall", "lamprt")))
        .hasMessage(
            "p.json:2:11: params.mode: \"lamport\" is not one of \"wall\", \"lamprt\"; did you"
                + " mean \"lamprt\"?");
    assertThatThrownBy(() -> params.durationNanos("skew", 0))
        .hasMessage("p.json:7:11: params.skew: must not be negative: \"-20ms\"");
    assertThatThrownBy(() -> params.bool("writes", false))
        .hasMessage("p.json:4:13: params.writes: expected true or false, got an integer");
    assertThatThrownBy(() -> params.strings("bugs", List.of("lost-write")))
        .hasMessage("p.json:11:12: params.bugs[0]: \"stale-read\" is not one of \"lost-write\"");
    assertThatThrownBy(() -> params.object("writes"))
        .hasMessage("p.json:4:13: params.writes: expected an object, got an integer");
  }

  @Test
  void nodesMustBeTheScenariosNodes() {
    JsonParamReader params =
        reader("{\"leader\": \"n9\", \"followers\": [\"n1\", \"n1\"], \"spare\": 4}");

    assertThatThrownBy(() -> params.node("leader"))
        .hasMessage("p.json:1:12: params.leader: unknown node \"n9\" (nodes: n1, n2, n3)");
    assertThatThrownBy(() -> params.nodes("followers", List.of()))
        .hasMessage("p.json:1:38: params.followers[1]: node \"n1\" is listed twice");
    assertThatThrownBy(() -> params.optionalNode("spare"))
        .hasMessage("p.json:1:54: params.spare: expected a string, got an integer");
    assertThatThrownBy(() -> params.node("missing"))
        .hasMessage("p.json:1:1: params: missing required field \"missing\"");
  }

  @Test
  void errorLocatesAFieldOrItsObject() {
    JsonParamReader params = reader("{\n  \"min\": 5, \"max\": 3\n}");

    assertThat(params.error("max", "must not be below min").getMessage())
        .isEqualTo("p.json:2:20: params.max: must not be below min");
    assertThat(params.error("absent", "is needed").getMessage())
        .isEqualTo("p.json:1:1: params.absent: is needed");
  }

  @Test
  void readingTwiceGivesTheSameAnswersAndTheSameNestedReaders() {
    JsonParamReader params = reader(PARAMS);

    assertThat(params.objects("batches")).isEqualTo(params.objects("batches"));
    assertThat(params.object("retry")).isSameAs(params.object("retry"));
    assertThat(params.node("leader")).isEqualTo(params.node("leader"));
  }

  @Test
  void theReaderItselfMustBeAnObject() {
    assertThatThrownBy(() -> reader("[1, 2]"))
        .hasMessage("p.json:1:1: expected a JSON object, got an array");
  }
}
