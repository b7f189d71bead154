package faultline.scenarios.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
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
  void theFalseDetectionChancePerPeriodIsThePapersFormula() {
    // SWIM §3.1: q_f (1 - q_ml^2)(1 - q_f q_ml^4)^K e^q_f / (e^q_f - 1), here with no member
    // faulty and 90% of messages delivered: the per-probe chance times e/(e - 1).
    double perProbe = SwimAnalysis.predictedProbeFailure(0.1, 3);
    assertThat(SwimAnalysis.predictedFalseDetectionPerPeriod(0.9, 1, 3))
        .isCloseTo(0.0122250, within(1e-6))
        .isCloseTo(perProbe * Math.E / (Math.E - 1), within(1e-12));
    // Half the members faulty: fewer probers, and relays that may be down.
    assertThat(SwimAnalysis.predictedFalseDetectionPerPeriod(0.9, 0.5, 3))
        .isCloseTo(
            0.5
                * 0.19
                * Math.pow(1 - 0.5 * Math.pow(0.9, 4), 3)
                * Math.exp(0.5)
                / (Math.exp(0.5) - 1),
            within(1e-12));
  }

  @Test
  void theExactChanceForNApproachesThePapersFromBelow() {
    assertThat(SwimAnalysis.exactFalseDetectionPerPeriod(10, 0.1, 3))
        .isCloseTo(0.0113185, within(1e-6));
    assertThat(SwimAnalysis.exactFalseDetectionPerPeriod(100, 0.1, 3))
        .isCloseTo(0.0120925, within(1e-6));
    assertThat(SwimAnalysis.exactFalseDetectionPerPeriod(1_000_000, 0.1, 3))
        .isLessThan(SwimAnalysis.predictedFalseDetectionPerPeriod(0.9, 1, 3))
        .isCloseTo(SwimAnalysis.predictedFalseDetectionPerPeriod(0.9, 1, 3), within(5e-5));
  }

  @Test
  void theFitRecoversALineInLogN() {
    // periods = 2 + 3 ln n, with residuals +-0.5 that cancel at each n.
    List<double[]> points = new ArrayList<>();
    for (int n : new int[] {10, 100, 1000}) {
      double x = Math.log(n);
      points.add(new double[] {x, 2 + 3 * x + 0.5});
      points.add(new double[] {x, 2 + 3 * x - 0.5});
    }
    List<AnalysisRow> fit = DisseminationAnalysis.fit(points);
    assertThat(fit.get(0).measured().value()).isCloseTo(3, within(1e-9));
    assertThat(fit.get(0).measured().covers(3)).isTrue();
    assertThat(fit.get(0).measured().low()).isGreaterThan(2.5);
    assertThat(fit.get(1).measured().value()).isCloseTo(2, within(1e-9));
    assertThat(fit.get(0).markdown()).startsWith("| fit periods = a + b · ln n: slope b");
    assertThat(fit.get(0).markdown()).contains("| all | 6 | 3 |");
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
