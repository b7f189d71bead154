package faultline.scenarios.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.node.NodeId;
import faultline.protocols.paxos.PaxosBug;
import faultline.protocols.paxos.PaxosConfig;
import faultline.protocols.paxos.Quorums;
import faultline.scenarios.parse.JsonParamReader;
import faultline.scenarios.parse.ScenarioException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The paxos binding's parameters: the builder's defaults, every option, and bad or unwise input
 * reported at its file, line, column and field.
 */
class PaxosParamsTest {
  private static final String ONE_PROPOSER = "\"proposers\": [{\"node\": \"n1\"}]";

  private static List<NodeId> nodes(int count) {
    return java.util.stream.IntStream.rangeClosed(1, count)
        .mapToObj(i -> NodeId.of("n" + i))
        .toList();
  }

  private static PaxosParams.Read read(String json, int nodes) {
    return PaxosParams.read(
        JsonParamReader.fromText("p.json", "params", json, nodes(nodes)), nodes(nodes));
  }

  @Test
  void defaultsAreTheBuildersOwn() {
    PaxosConfig config = read("{" + ONE_PROPOSER + "}", 3).config();
    assertThat(config.acceptors()).isEqualTo(nodes(3));
    assertThat(config.quorums()).isEqualTo(Quorums.majority(3));
    assertThat(config.proposers().getFirst().value()).isEqualTo("v-n1");
    assertThat(config.attemptTimeoutNanos()).isEqualTo(PaxosConfig.DEFAULT_ATTEMPT_TIMEOUT_NANOS);
    assertThat(config.backoff().enabled()).isFalse();
  }

  @Test
  void everyOptionIsAParameter() {
    PaxosConfig config =
        read(
                """
                {"acceptors": ["n1", "n2", "n3", "n4", "n5"], "learners": ["n5"],
                 "proposers": [{"node": "n1", "value": "red", "at": "5ms"},
                               {"node": "n2", "value": "blue"}],
                 "quorums": {"phase1": 4, "phase2": 2}, "attemptTimeout": "70ms",
                 "backoff": {"min": "1ms", "max": "9ms"}, "bugs": ["ballots_not_unique"]}
                """,
                5)
            .config();
    assertThat(config.quorums()).isEqualTo(new Quorums(5, 4, 2));
    assertThat(config.learners()).containsExactly(NodeId.of("n5"));
    assertThat(config.proposers()).hasSize(2);
    assertThat(config.proposers().getFirst().atNanos()).isEqualTo(5_000_000L);
    assertThat(config.backoff().maxNanos()).isEqualTo(9_000_000L);
    assertThat(config.bugs()).containsExactly(PaxosBug.BALLOTS_NOT_UNIQUE);
  }

  @Test
  void nonIntersectingQuorumsAreALocatedErrorUnlessTheBugAllowsThem() {
    assertThatThrownBy(
            () -> read("{" + ONE_PROPOSER + ", \"quorums\": {\"phase1\": 2, \"phase2\": 3}}", 5))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith("p.json:1:")
        .hasMessageContaining("params.quorums.phase2")
        .hasMessageContaining("Q1 + Q2 = 5 does not exceed the 5 acceptors");
    String planted =
        "{"
            + ONE_PROPOSER
            + ", \"quorums\": {\"phase1\": 2, \"phase2\": 3},"
            + " \"bugs\": [\"non_intersecting_quorums\"]}";
    assertThat(read(planted, 5).config().quorums().intersect()).isFalse();
  }

  @Test
  void quorumsOutOfRangeAreLocatedErrors() {
    assertThatThrownBy(() -> read("{" + ONE_PROPOSER + ", \"quorums\": {\"phase1\": 4}}", 3))
        .hasMessageContaining("params.quorums.phase1")
        .hasMessageContaining("larger than the 3 acceptors");
    assertThatThrownBy(() -> read("{" + ONE_PROPOSER + ", \"quorums\": {\"phase2\": 0}}", 3))
        .hasMessageContaining("params.quorums.phase2")
        .hasMessageContaining("at least 1 acceptor");
  }

  @Test
  void anEvenNumberOfAcceptorsWithMajorityQuorumsIsWarned() {
    PaxosParams.Read read = read("{" + ONE_PROPOSER + "}", 4);
    assertThat(read.warnings())
        .singleElement()
        .asString()
        .startsWith("p.json:1:")
        .contains("params.acceptors", "4 acceptors need 3");
    assertThat(read("{" + ONE_PROPOSER + ", \"quorums\": {\"phase1\": 3}}", 4).warnings())
        .as("explicit quorums are a choice")
        .isEmpty();
  }

  @Test
  void proposersAreRequiredOnceEach() {
    assertThatThrownBy(() -> read("{}", 3)).hasMessageContaining("params.proposers");
    assertThatThrownBy(() -> read("{\"proposers\": [{\"node\": \"n1\"}, {\"node\": \"n1\"}]}", 3))
        .hasMessageContaining("params.proposers[1].node")
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> read("{\"proposers\": [{\"node\": \"n9\"}]}", 3))
        .hasMessageContaining("n9");
    assertThatThrownBy(() -> read("{" + ONE_PROPOSER + ", \"backoff\": {\"min\": \"5ms\"}}", 3))
        .hasMessageContaining("params.backoff.max");
  }
}
