package faultline.scenarios.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The summary's distributions against hand-computed nearest ranks (Hyndman and Fan's definition 1:
 * the smallest value with at least p% of the values at or below it).
 */
class MetricDistributionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void nearestRankPercentilesOfEachMetricOverTheSeedsThatReportIt() {
    MetricDistributions distributions = new MetricDistributions();
    for (int seed = 1; seed <= 100; seed++) {
      ObjectNode metrics = JSON.createObjectNode().put("faults", 101 - seed);
      if (seed % 2 == 0) {
        metrics.put("leaderElectionNanos", seed * 1_000_000L);
      }
      distributions.add(metrics);
    }
    assertThat(distributions.percentile("faults", 50)).isEqualTo(50);
    assertThat(distributions.percentile("faults", 90)).isEqualTo(90);
    assertThat(distributions.percentile("faults", 99)).isEqualTo(99);
    assertThat(distributions.percentile("leaderElectionNanos", 50)).isEqualTo(50_000_000L);
    assertThat(distributions.percentile("missing", 50)).isNull();

    StringWriter text = new StringWriter();
    distributions.print(new PrintWriter(text, true), 100);
    assertThat(text.toString())
        .contains("metrics across 100 seeds")
        .containsPattern("faults +100 +50 +90 +99 +100")
        .containsPattern("leaderElectionNanos +50 +50\\.0 ms +90\\.0 ms +100\\.0 ms +100\\.0 ms");
    assertThat(text.toString().indexOf("faults"))
        .isLessThan(text.toString().indexOf("leaderElectionNanos"));
  }

  @Test
  void timesReadInTheirBestUnit() {
    assertThat(MetricDistributions.time(850)).isEqualTo("850 ns");
    assertThat(MetricDistributions.time(12_340_000)).isEqualTo("12.3 ms");
    assertThat(MetricDistributions.time(1_204_000_000)).isEqualTo("1.204 s");
  }
}
