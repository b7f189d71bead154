package faultline.scenarios.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.check.Violation;
import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.node.NodeId;
import faultline.engine.trace.TraceSink;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.Durations;
import faultline.scenarios.parse.ScenarioLoader;
import faultline.scenarios.run.RunReport;
import faultline.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The crash-everything sweep: every safety claim of the bundled scenarios (each scenario that
 * expects no violation, and each fix a demonstration's description names, {@link DescribedFix})
 * holds when any of its nodes, of any kind, crashes and restarts at random: servers and clients,
 * but also lock services, storages and Redlock stores, with half of the crashes losing the node's
 * writes not yet synced (a power failure). The scenario's own script still runs; a {@code
 * randomFaults} block of crashes over every node is added, scaled to the run's length, and ends by
 * 80% of the run so that the rest is a quiet phase.
 *
 * <p>{@code -Dfaultline.crashSeeds=N} sets how many seeds each claim runs (default 8), {@code
 * -Dfaultline.seedBase=B} the first. A failing seed writes the scenario it ran under {@code
 * target/crash-sweep/}, and the failure message gives the command that replays it.
 */
class CrashEverythingSweepTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FAILURES = Path.of("target/crash-sweep");
  private static final ScenarioLoader LOADER = Protocols.scenarioLoader();

  /** A safety claim: a scenario, and the invariants it may violate (usually none). */
  record Claim(String label, Scenario scenario, List<String> mayViolate) {
    @Override
    public String toString() {
      return label;
    }
  }

  /**
   * Every safety claim the bundled scenarios make: each scenario that expects no violation, and
   * each fix that a demonstration's description names.
   */
  static List<Claim> claims() {
    Catalog catalog = new Catalog(LOADER);
    List<Claim> claims = new ArrayList<>();
    for (String name : Catalog.names()) {
      Scenario scenario = catalog.load(name);
      if (scenario.expect().violations().isEmpty()) {
        claims.add(new Claim(name, scenario, List.of()));
      }
    }
    for (DescribedFix fix : DescribedFix.ALL) {
      claims.add(new Claim(fix.toString(), fix.load(), fix.stillViolated()));
    }
    return claims;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("claims")
  void aSafetyClaimHoldsWhenAnyNodeCrashes(Claim claim) throws IOException {
    String text =
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(withCrashes(claim.scenario()));
    String file =
        claim.label().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "") + "-crashes.json";
    Scenario scenario = LOADER.load(file, file, claim.scenario().name() + "+crashes", text);

    long count = Long.getLong("faultline.crashSeeds", 8);
    long base = Long.getLong("faultline.seedBase", 1);
    List<String> failures = new ArrayList<>();
    Set<NodeId> crashed = new TreeSet<>();
    boolean lostUnsynced = false;
    // Past the seeds asked for, a few more run (and are judged) while some node has not crashed
    // yet, so that a scenario with many nodes is not let off for some of them.
    long last = count >= 8 ? base + 4 * count : base + count;
    for (long seed = base;
        seed < base + count || (seed < last && crashed.size() < scenario.nodes().size());
        seed++) {
      for (ScheduledFault fault :
          ScenarioRunner.faultsOf(scenario, seed, scenario.run().untilNanos())) {
        if (fault.fault() instanceof Fault.Crash crash) {
          crashed.add(crash.node());
          lostUnsynced |= crash.loseUnsyncedWrites();
        }
      }
      RunReport report =
          ScenarioRunner.run(scenario, seed, scenario.run().untilNanos(), TraceSink.discard());
      List<Violation> broken =
          report.outcome().violations().stream()
              .filter(violation -> !claim.mayViolate().contains(violation.invariant()))
              .toList();
      if (!broken.isEmpty()) {
        failures.add(
            "seed "
                + seed
                + ": "
                + broken.stream().map(v -> v.invariant() + ": " + v.message()).toList()
                + "; replay with ./faultline run scenarios/"
                + FAILURES.resolve(file)
                + " --seed "
                + seed);
      }
    }
    if (!failures.isEmpty()) {
      Files.createDirectories(FAILURES);
      Files.writeString(FAILURES.resolve(file), text);
    }
    assertThat(failures).as("%s under random crashes of every node", claim).isEmpty();
    if (count >= 8) {
      assertThat(crashed).as("the nodes the sweep crashed").isEqualTo(Set.copyOf(scenario.nodes()));
      assertThat(lostUnsynced).as("some crash loses unsynced writes").isTrue();
    }
  }

  /**
   * The sweep is not vacuous: a mistake that only a crash of a storage, a lock service or a store
   * can reveal (a planted bug, or Redis without persistence) is caught within a few seeds of the
   * same sweep over the scenario it breaks, with the scenario's own scripted crashes left out so
   * that only the sweep's can reveal it.
   */
  @ParameterizedTest(name = "{0} with {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "locks/gc-pause-fenced | bugs=resource_forgets_highest_token | locks.no-expired-write",
        "locks/gc-pause-fenced | bugs=tokens_not_durable | locks.tokens-increase",
        "redlock/store-restart-fsync | storeRestart=immediate | redlock.mutual-exclusion"
      })
  void theSweepCatchesWhatOnlyACrashReveals(String name, String change, String invariant)
      throws IOException {
    ObjectNode source = withCrashes(new Catalog(LOADER).load(name));
    String[] keyValue = change.split("=");
    if (keyValue[0].equals("bugs")) {
      ((ObjectNode) source.get("params")).putArray("bugs").add(keyValue[1]);
    } else {
      ((ObjectNode) source.get("params")).put(keyValue[0], keyValue[1]);
    }
    ArrayNode scripted = (ArrayNode) source.get("faults");
    for (int i = scripted.size() - 1; i >= 0; i--) {
      String type = scripted.get(i).get("type").textValue();
      if (type.equals("crash") || type.equals("restart")) {
        scripted.remove(i);
      }
    }
    String text = JSON.writeValueAsString(source);
    Scenario scenario = LOADER.load("planted.json", "planted.json", name + "+planted", text);

    long caughtAt = 0;
    for (long seed = 1; seed <= 200 && caughtAt == 0; seed++) {
      RunReport report =
          ScenarioRunner.run(scenario, seed, scenario.run().untilNanos(), TraceSink.discard());
      if (report.outcome().violations().stream().anyMatch(v -> v.invariant().equals(invariant))) {
        caughtAt = seed;
      }
    }
    assertThat(caughtAt).as("the first seed that catches it").isPositive();
    System.out.println(name + " with " + change + ": caught at seed " + caughtAt);
  }

  /**
   * The scenario as written, with its expectations left out and a {@code randomFaults} block of
   * crashes on every node instead of whatever random faults it had: a crash every twelfth to a
   * quarter of the run, each node down for a hundredth to an eighth of it.
   */
  static ObjectNode withCrashes(Scenario scenario) {
    ObjectNode source = scenario.source().deepCopy();
    source.remove("expect");
    long runNanos = scenario.run().durationNanos();
    ObjectNode crashes = source.putObject("randomFaults");
    crashes.put("until", Durations.format(runNanos / 10 * 8));
    crashes.put("every", Durations.format(runNanos / 12) + ".." + Durations.format(runNanos / 4));
    crashes.put(
        "duration", Durations.format(runNanos / 100) + ".." + Durations.format(runNanos / 8));
    crashes.putArray("kinds").add("crash");
    crashes.put("loseUnsyncedWrites", 0.5);
    return source;
  }
}
