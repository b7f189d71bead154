package faultline.scenarios.bind;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.check.Violation;
import faultline.scenarios.catalog.DescribedFix;
import faultline.scenarios.run.RunReport;
import faultline.scenarios.run.ScenarioRunner;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each lock demonstration says in its description which option fixes it. This test flips exactly
 * that option in the bundled file ({@link DescribedFix}), drops the file's expectations, and checks
 * the claim: only the listed invariants (usually none) are still violated. BundledScenariosTest
 * checks that they fail before the flip; CrashEverythingSweepTest checks the fixes again under
 * random crashes of every node.
 */
class LockScenarioFixesTest {
  static final List<DescribedFix> FIXES = DescribedFix.ALL;

  @ParameterizedTest(name = "{0}")
  @FieldSource("FIXES")
  void theDescribedFixRemovesTheViolation(DescribedFix fix) {
    RunReport report = ScenarioRunner.run(fix.load());

    List<String> violated =
        report.outcome().violations().stream().map(Violation::invariant).distinct().toList();
    assertThat(violated).as("%s", fix).isEqualTo(fix.stillViolated());
  }
}
