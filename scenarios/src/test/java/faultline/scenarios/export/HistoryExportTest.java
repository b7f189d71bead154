package faultline.scenarios.export;

import static org.assertj.core.api.Assertions.assertThat;

import clojure.lang.Keyword;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.protocols.history.CheckResult;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.history.Model;
import faultline.scenarios.history.ClientHistorySink;
import faultline.scenarios.history.HistoryParser;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two history exports of real runs. JSON Lines: byte for byte what {@code run --history} writes
 * for the same run, and {@code check}'s checker gives the verdict the run's own linearizability
 * invariant gave. EDN: read back by Clojure's own EDN reader, it is the same history, operation by
 * operation, in Jepsen's shape.
 */
class HistoryExportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  @ParameterizedTest
  @CsvSource({"raft/stale-read, NOT_LINEARIZABLE", "multipaxos/partition, LINEARIZABLE"})
  void jsonLinesAreRunHistoryAndCheckAgreesWithTheRun(String scenario, String verdict)
      throws Exception {
    ObservedRun run = ObservedRun.of(scenario);
    Path exported = temp.resolve("exported.jsonl");
    Exports.write(ExportFormat.HISTORY, run.source(), exported);
    Path written = temp.resolve("run-history.jsonl");
    try (ClientHistorySink sink =
        new ClientHistorySink(written, faultline.engine.trace.TraceSink.discard())) {
      run.lines().forEach(line -> sink.accept((line + "\n").getBytes()));
    }
    assertThat(Files.readString(exported)).isNotEmpty().isEqualTo(Files.readString(written));

    CheckResult result =
        LinearizabilityChecker.check(
            HistoryParser.parse(exported, Model.kv()).events(),
            Model.kv(),
            LinearizabilityChecker.DEFAULT_STATES_MAX);
    assertThat(result.verdict()).isEqualTo(CheckResult.Verdict.valueOf(verdict));
    boolean runViolated =
        run.events().stream()
            .anyMatch(
                event ->
                    event instanceof faultline.engine.trace.TraceEvent.Violation v
                        && v.invariant().equals("kv.linearizable"));
    assertThat(runViolated).isEqualTo(verdict.equals("NOT_LINEARIZABLE"));
  }

  @ParameterizedTest
  @CsvSource({"raft/stale-read", "multipaxos/partition"})
  void ednReadByClojureIsTheSameHistory(String scenario) throws Exception {
    ObservedRun run = ObservedRun.of(scenario);
    StringWriter edn = new StringWriter();
    Exports.convert(new EdnHistoryExport(), run.source(), edn);
    StringWriter jsonLines = new StringWriter();
    Exports.convert(new HistoryExport(temp.resolve("h.jsonl")), run.source(), jsonLines);

    List<?> history = (List<?>) ClojureEdn.read("[" + edn + "]");
    List<JsonNode> operations = new ArrayList<>();
    for (String line : jsonLines.toString().split("\n")) {
      operations.add(JSON.readTree(line));
    }
    assertThat(history).hasSize(operations.size()).isNotEmpty();
    assertThat(edn.toString().split("\n")).hasSize(operations.size());
    for (int i = 0; i < history.size(); i++) {
      Map<?, ?> op = (Map<?, ?>) history.get(i);
      JsonNode expected = operations.get(i);
      assertThat(op.get(key("index"))).isEqualTo((long) i);
      assertThat(op.get(key("time"))).isEqualTo(expected.get("time").longValue());
      assertThat(op.get(key("type"))).isEqualTo(key(expected.get("type").textValue()));
      assertThat(op.get(key("process"))).isEqualTo(expected.get("process").longValue());
      assertThat(op.get(key("f"))).isEqualTo(key(expected.get("f").textValue()));
      List<?> value = (List<?>) op.get(key("value"));
      assertThat(value.get(0)).isEqualTo(expected.get("key").textValue());
      assertThat(value.get(1)).isEqualTo(plain(expected.get("value")));
      assertThat(op.keySet()).hasSize(6);
    }
  }

  static Keyword key(String name) {
    return Keyword.intern(name);
  }

  /** A JSON value as Clojure reads its EDN: strings, longs, nil, vectors. */
  static Object plain(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isIntegralNumber()) {
      return value.longValue();
    }
    if (value.isArray()) {
      List<Object> items = new ArrayList<>();
      value.forEach(item -> items.add(plain(item)));
      return items;
    }
    return value.toString();
  }
}
