package faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.trace.TraceSink;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Refactors that must not change behaviour are held to it here: every bundled scenario (the core
 * catalog and the exercises'), at its own seed and at seeds 1 to 3, gives the fingerprint recorded
 * in {@code src/test/resources/golden/bundled-runs.txt}. A change to what any run does, to the
 * random streams or to the trace encoding shows up as a list of the runs that moved. After an
 * intended change, refresh the file with {@code ./mvnw -B -ntp -pl app -am test
 * -Dtest=BundledRunsGoldenTest -Dsurefire.failIfNoSpecifiedTests=false -Dfaultline.rewrite=true}
 * and say in the commit why the runs changed.
 */
class BundledRunsGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/bundled-runs.txt");
  private static final boolean REWRITE = Boolean.getBoolean("faultline.rewrite");
  private static final long[] EXTRA_SEEDS = {1, 2, 3};

  @Test
  void everyBundledRunIsTheOneRecorded() throws IOException {
    List<String> lines = new ArrayList<>();
    Catalog catalog = new Catalog(Protocols.scenarioLoader());
    for (String name : Catalog.names()) {
      Scenario scenario = catalog.load(name);
      lines.add(line(scenario, name, scenario.seed()));
      for (long seed : EXTRA_SEEDS) {
        lines.add(line(scenario, name, seed));
      }
    }
    if (REWRITE) {
      Files.createDirectories(GOLDEN.getParent());
      Files.write(GOLDEN, lines);
    }
    assertThat(GOLDEN).as("golden runs; create them with -Dfaultline.rewrite=true").exists();
    assertThat(lines).containsExactlyElementsOf(Files.readAllLines(GOLDEN));
  }

  private static String line(Scenario scenario, String name, long seed) {
    String identity =
        ScenarioRunner.run(scenario, seed, scenario.run().durationNanos(), TraceSink.discard())
            .outcome()
            .fingerprint();
    return name + " seed=" + seed + " " + identity;
  }
}
