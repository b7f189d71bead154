package faultline.scenarios.bind;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.check.Violation;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import faultline.scenarios.run.RunReport;
import faultline.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each lock demonstration says in its description which option fixes it. This test flips exactly
 * that option in the bundled file, drops the file's expectations, and checks the claim: only the
 * listed invariants (usually none) are still violated. BundledScenariosTest checks that they fail
 * before the flip.
 */
class LockScenarioFixesTest {
  private static final Path ROOT = Path.of("src/main/resources/scenarios");

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "locks/gc-pause-unfenced | \"fencing\": \"off\" | \"fencing\": \"reject-at-or-below-highest\" |",
        "locks/ignored-timeout | \"firstToken\": 33, | \"firstToken\": 33, \"fencing\": \"reject-below-highest\", |",
        "locks/ignored-timeout | \"work\": \"30s\"} | \"work\": \"30s\", \"checkLeaseBeforeWrite\": true} |",
        "locks/service-clock-jump | \"expiryClock\": \"wall\", | |",
        "redlock/clock-jump | \"ttl\": \"10s\", | \"ttl\": \"10s\", \"storeClock\": \"monotonic\", |",
        "redlock/paused-replies-unchecked | \"bugs\": [\"validity_ignores_elapsed\"], | |",
        "redlock/store-restart | \"storeClock\": \"monotonic\", | \"storeClock\": \"monotonic\", \"storeRestart\": \"delayed\", |",
        "redlock/store-restart | \"storeClock\": \"monotonic\", | \"storeClock\": \"monotonic\", \"storeRestart\": \"fsync\", |",
        "leases/partitioned-leader | \"renewEvery\": \"3s\", | \"renewEvery\": \"3s\", \"leaseMargin\": \"3s\", |",
        "leases/partitioned-leader | \"renewEvery\": \"3s\", | \"renewEvery\": \"3s\", \"fencing\": \"reject-below-highest\", | leases.single-leader",
        "leases/clock-ahead | \"requester-wall\" | \"monotonic\" |"
      })
  void theDescribedFixRemovesTheViolation(
      String name, String option, String fix, String stillViolated) throws IOException {
    String text = Files.readString(ROOT.resolve(name + ".json"));
    assertThat(text).contains(option);
    String fixed = text.replace(option, fix == null ? "" : fix);
    // Without its "expect" block (the last field), the file no longer claims a violation.
    fixed = fixed.substring(0, fixed.lastIndexOf("\"expect\"")).stripTrailing();
    fixed = fixed.substring(0, fixed.length() - 1) + "}";
    Scenario scenario =
        new ScenarioLoader(Protocols.invariantsByProtocol())
            .load(name + ".json", "test:" + name, name, fixed);

    RunReport report = ScenarioRunner.run(scenario);

    List<String> violated =
        report.outcome().violations().stream().map(Violation::invariant).distinct().toList();
    assertThat(violated)
        .as("%s with %s", name, fix)
        .isEqualTo(stillViolated == null ? List.of() : List.of(stillViolated));
  }
}
