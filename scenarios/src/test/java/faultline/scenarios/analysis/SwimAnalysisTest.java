package faultline.scenarios.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The paper's formulas give the paper's numbers. */
class SwimAnalysisTest {
  @Test
  void firstDetectionTimesAreThePapers() {
    // SWIM §3.1: 1/(1 - e^(-q_f)) periods, e/(e-1) = 1.582 in the limit; 1.632 at n = 10 and
    // 1.587 at n = 100 before it.
    assertThat(SwimAnalysis.predictedFirstDetectionPeriods(10)).isCloseTo(1.632, within(0.0005));
    assertThat(SwimAnalysis.predictedFirstDetectionPeriods(100)).isCloseTo(1.587, within(0.0005));
    assertThat(SwimAnalysis.predictedFirstDetectionPeriods(1_000_000))
        .isCloseTo(Math.E / (Math.E - 1), within(0.0001));
  }

  @Test
  void aProbeFailsUnderLossWhenTheDirectAndEveryIndirectPathFail() {
    // (1 - 0.9^2)(1 - 0.9^4)^3 = 0.19 * 0.3439^3.
    assertThat(SwimAnalysis.predictedProbeFailure(0.1, 3)).isCloseTo(0.0077278, within(1e-6));
    assertThat(SwimAnalysis.predictedProbeFailure(0.1, 0)).isCloseTo(0.19, within(1e-9));
    assertThat(SwimAnalysis.predictedProbeFailure(0, 3)).isZero();
  }

  @Test
  void rowsRenderAsMarkdownAndCsv() {
    AnalysisRow row =
        new AnalysisRow("time, \"first\"", 10, new Estimate(1.65, 1.3151, 1.98, 40), 1.632);
    assertThat(row.markdown())
        .isEqualTo("| time, \"first\" | 10 | 40 | 1.65 | [1.315, 1.98] | 1.632 | yes |");
    assertThat(row.csv()).isEqualTo("\"time, \"\"first\"\"\",10,40,1.65,1.315,1.98,1.632,yes");
    AnalysisRow outside = new AnalysisRow("x", 5, new Estimate(2, 1.9, 2.1, 3), 1.5);
    assertThat(outside.withinInterval()).isEqualTo("no");
    AnalysisRow bare =
        new AnalysisRow("x", 5, new Estimate(2, Double.NaN, Double.NaN, 3), Double.NaN);
    assertThat(bare.markdown()).isEqualTo("| x | 5 | 3 | 2 | — | — | — |");
    assertThat(bare.csv()).isEqualTo("\"x\",5,3,2,,,,");
  }
}
