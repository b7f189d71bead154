package faultline.scenarios.catalog;

import faultline.scenarios.bind.Protocols;
import faultline.scenarios.model.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A fix that a demonstration's description names: the option to flip in the bundled file, and which
 * invariants the flipped run may still violate (usually none). {@code LockScenarioFixesTest} checks
 * each claim with the scenario's own seed; {@code CrashEverythingSweepTest} checks it again under
 * random crashes of every node.
 *
 * @param name the bundled scenario
 * @param option text of the file that the fix replaces
 * @param fix what replaces it (empty: the option is removed)
 * @param stillViolated the invariants the fixed run may still violate
 */
public record DescribedFix(String name, String option, String fix, List<String> stillViolated) {
  private static final Path ROOT = Path.of("src/main/resources/scenarios");

  /** Every fix that a lock, Redlock or lease demonstration's description names. */
  public static final List<DescribedFix> ALL =
      List.of(
          new DescribedFix(
              "locks/gc-pause-unfenced",
              "\"fencing\": \"off\"",
              "\"fencing\": \"reject-at-or-below-highest\""),
          new DescribedFix(
              "locks/ignored-timeout",
              "\"firstToken\": 33,",
              "\"firstToken\": 33, \"fencing\": \"reject-below-highest\","),
          new DescribedFix(
              "locks/ignored-timeout",
              "\"work\": \"30s\"}",
              "\"work\": \"30s\", \"checkLeaseBeforeWrite\": true}"),
          new DescribedFix("locks/service-clock-jump", "\"expiryClock\": \"wall\",", ""),
          new DescribedFix(
              "redlock/clock-jump",
              "\"ttl\": \"10s\",",
              "\"ttl\": \"10s\", \"storeClock\": \"monotonic\","),
          new DescribedFix(
              "redlock/paused-replies-unchecked", "\"bugs\": [\"validity_ignores_elapsed\"],", ""),
          new DescribedFix(
              "redlock/store-restart",
              "\"storeClock\": \"monotonic\",",
              "\"storeClock\": \"monotonic\", \"storeRestart\": \"delayed\","),
          new DescribedFix(
              "redlock/store-restart",
              "\"storeClock\": \"monotonic\",",
              "\"storeClock\": \"monotonic\", \"storeRestart\": \"fsync\","),
          new DescribedFix(
              "leases/partitioned-leader",
              "\"renewEvery\": \"3s\",",
              "\"renewEvery\": \"3s\", \"leaseMargin\": \"3s\","),
          new DescribedFix(
              "leases/partitioned-leader",
              "\"renewEvery\": \"3s\",",
              "\"renewEvery\": \"3s\", \"fencing\": \"reject-below-highest\",",
              List.of("leases.single-leader")),
          new DescribedFix("leases/clock-ahead", "\"requester-wall\"", "\"monotonic\""));

  public DescribedFix {
    stillViolated = List.copyOf(stillViolated);
  }

  DescribedFix(String name, String option, String fix) {
    this(name, option, fix, List.of());
  }

  /** The bundled file with the option flipped and its expectations (the last field) left out. */
  public Scenario load() {
    String text;
    try {
      text = Files.readString(ROOT.resolve(name + ".json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!text.contains(option)) {
      throw new IllegalStateException(name + " no longer contains " + option);
    }
    String fixed = text.replace(option, fix);
    fixed = fixed.substring(0, fixed.lastIndexOf("\"expect\"")).stripTrailing();
    fixed = fixed.substring(0, fixed.length() - 1) + "}";
    return Protocols.scenarioLoader().load(name + ".json", "test:" + name, name, fixed);
  }

  @Override
  public String toString() {
    return name + " with " + (fix.isEmpty() ? "no " + option : fix);
  }
}
