package faultline.scenarios.bind;

import static faultline.engine.time.Nanos.MILLI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.node.NodeId;
import faultline.scenarios.parse.JsonParamReader;
import faultline.scenarios.parse.ParamReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parameter tables and the contract test's comparison can fail: a read the table does not
 * declare, or one with another type, default or limits, is reported; reading a declared parameter
 * the wrong way is a programming error; and documentation comes from the declaration.
 */
class ParameterTablesTest {
  private static final Parameters TABLE = new Parameters();
  private static final Parameter HEARTBEAT =
      TABLE.duration("heartbeat", 50 * MILLI, "how often the leader speaks");
  private static final Parameter KEYS = TABLE.integer("keys", 3, 1, 10, "how many keys");
  private static final Parameter CLIENTS = TABLE.objects("clients", "the clients");
  private static final Parameter CLIENT_NODE = CLIENTS.fields().node("node", "its node");
  private static final Parameter MAX =
      TABLE.duration("max", Parameters.computed("min, or 300ms"), "the greatest");

  private static final List<NodeId> NODES = List.of(NodeId.of("n1"), NodeId.of("c1"));

  private static List<RecordingParamReader.Read> reads(String json, ReadBody body) {
    RecordingParamReader spy =
        new RecordingParamReader(JsonParamReader.fromText("t.json", "params", json, NODES));
    body.read(spy);
    return spy.reads();
  }

  @FunctionalInterface
  private interface ReadBody {
    void read(ParamReader params);
  }

  @Test
  void readsThroughTheTableAreAsDeclared() {
    List<RecordingParamReader.Read> reads =
        reads(
            "{\"clients\": [{\"node\": \"c1\"}]}",
            params -> {
              HEARTBEAT.durationNanos(params);
              KEYS.integer(params);
              CLIENTS.objects(params).forEach(CLIENT_NODE::node);
              MAX.durationNanos(params, 300 * MILLI);
            });
    assertThat(reads)
        .extracting(RecordingParamReader.Read::path)
        .containsExactly("heartbeat", "keys", "clients", "clients[].node", "max");
    assertThat(reads)
        .allSatisfy(read -> assertThat(ParameterTables.compare(read, TABLE)).isEmpty());
  }

  @Test
  void aReadAroundTheTableIsReported() {
    List<RecordingParamReader.Read> reads =
        reads(
            "{}",
            params -> {
              params.bool("preVote", false);
              params.durationNanos("heartbeat", 60 * MILLI);
              params.integer("keys", 3, 0, 10);
              params.string("keys", "3");
            });
    assertThat(reads.stream().map(read -> ParameterTables.compare(read, TABLE).orElse("")))
        .satisfiesExactly(
            problem -> assertThat(problem).contains("params.preVote", "does not declare"),
            problem -> assertThat(problem).contains("heartbeat", "default 60000000"),
            problem -> assertThat(problem).contains("keys", "limits 0..10"),
            problem -> assertThat(problem).contains("keys", "read as string"));
  }

  @Test
  void readingADeclaredParameterAnotherWayIsAProgrammingError() {
    ParamReader params = JsonParamReader.fromText("t.json", "params", "{}", NODES);
    assertThatThrownBy(() -> HEARTBEAT.integer(params))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("heartbeat is declared as duration");
    assertThatThrownBy(() -> HEARTBEAT.durationNanos(params, 1))
        .hasMessageContaining("fixed default");
    assertThatThrownBy(() -> MAX.durationNanos(params)).hasMessageContaining("COMPUTED default");
    assertThatThrownBy(() -> TABLE.bool("keys", false, "again"))
        .hasMessageContaining("keys is declared twice");
  }

  @Test
  void theDocumentationComesFromTheDeclaration() {
    assertThat(HEARTBEAT.defaultText()).isEqualTo("50ms");
    assertThat(KEYS.typeText()).isEqualTo("integer 1..10");
    assertThat(MAX.defaultText()).isEqualTo("min, or 300ms");
    assertThat(CLIENT_NODE.path()).isEqualTo("clients[].node");
    assertThat(CLIENT_NODE.defaultKind()).isEqualTo(Parameter.DefaultKind.REQUIRED);
    assertThat(TABLE.all())
        .extracting(Parameter::path)
        .containsExactly("heartbeat", "keys", "clients", "clients[].node", "max");
    assertThat(Parameters.duration(300 * MILLI)).isEqualTo("300ms");
    assertThat(Parameters.duration(10_000 * MILLI)).isEqualTo("10s");
    assertThat(Parameters.decimal(faultline.engine.random.Ratio.of(1, 100))).isEqualTo("0.01");
  }
}
