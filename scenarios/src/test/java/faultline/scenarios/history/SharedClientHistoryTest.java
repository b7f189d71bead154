package faultline.scenarios.history;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.trace.TraceSink;
import faultline.protocols.history.CheckResult;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.history.Model;
import faultline.protocols.kv.SingleServerKv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --history} works for any protocol whose clients are the shared key-value clients, not
 * only Raft: the history of the protocols' test-only single-server store comes out in the form
 * {@code check} reads, and {@code check} agrees with the run's own end-of-run verdict.
 */
class SharedClientHistoryTest {
  @TempDir Path temp;

  private CheckResult exportAndCheck(boolean loseWrites) throws IOException {
    Path file = temp.resolve("history.jsonl");
    try (ClientHistorySink history = new ClientHistorySink(file, TraceSink.discard())) {
      SingleServerKv.cluster(5, loseWrites, history).build().run();
      assertThat(history.invocations()).isPositive();
      assertThat(history.model()).hasValue("kv");
    }
    ParsedHistory parsed = HistoryParser.parse(file.toString(), Files.readString(file), Model.kv());
    return LinearizabilityChecker.check(
        parsed.events(), Model.kv(), LinearizabilityChecker.DEFAULT_STATES_MAX);
  }

  @Test
  void anHonestStoresExportedHistoryChecksLinearizable() throws IOException {
    assertThat(exportAndCheck(false).verdict()).isEqualTo(CheckResult.Verdict.LINEARIZABLE);
  }

  @Test
  void aStoreThatLosesWritesExportsAHistoryCheckRejects() throws IOException {
    assertThat(exportAndCheck(true).verdict()).isEqualTo(CheckResult.Verdict.NOT_LINEARIZABLE);
  }
}
