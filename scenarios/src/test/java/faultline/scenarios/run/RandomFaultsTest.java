package faultline.scenarios.run;

import static faultline.engine.time.Nanos.MILLI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import faultline.engine.random.Seeds;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.model.RandomFaults;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioException;
import faultline.scenarios.parse.ScenarioLoader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Faults drawn from the seed: read strictly, drawn the same for the same seed and differently for
 * others, always inside their window, each undone by its own heal, unblock or restart before the
 * window closes, and never two partitions or two crashes of one node at once.
 */
class RandomFaultsTest {
  private static final ScenarioLoader LOADER = Protocols.scenarioLoader();

  private static Scenario scenario(String randomFaults) {
    String text =
        """
        {
          "description": "random faults on a register",
          "protocol": "lww-register",
          "nodes": ["n1", "n2", "n3", "n4"],
          "randomFaults": %s,
          "run": {"duration": "10s"}
        }
        """
            .formatted(randomFaults);
    return LOADER.load("random.json", "random.json", "random", text);
  }

  @Test
  void theBlockIsReadWithItsDefaults() {
    RandomFaults faults =
        scenario("{\"from\": \"1s\", \"every\": \"100ms..200ms\", \"kinds\": [\"crash\"]}")
            .randomFaults();
    assertThat(faults.fromNanos()).isEqualTo(1_000 * MILLI);
    assertThat(faults.untilNanos()).isEqualTo(10_000 * MILLI);
    assertThat(faults.gapMinNanos()).isEqualTo(100 * MILLI);
    assertThat(faults.gapMaxNanos()).isEqualTo(200 * MILLI);
    assertThat(faults.kinds()).containsExactly(RandomFaults.Kind.CRASH);
    assertThat(faults.nodes()).hasSize(4);
    assertThat(scenario("{}").randomFaults().kinds()).hasSize(5);
  }

  /**
   * Crashes keep their unsynced writes unless the block gives a chance of losing them; a block
   * without the field draws exactly the schedule it drew before the field existed.
   */
  @Test
  void aCrashLosesUnsyncedWritesWithTheBlocksChance() {
    String crashes = "\"every\": \"100ms..200ms\", \"kinds\": [\"crash\"]";
    List<Boolean> keep = lossFlags(scenario("{" + crashes + "}").randomFaults());
    List<Boolean> always =
        lossFlags(scenario("{" + crashes + ", \"loseUnsyncedWrites\": 1}").randomFaults());
    List<Boolean> half =
        lossFlags(scenario("{" + crashes + ", \"loseUnsyncedWrites\": 0.5}").randomFaults());
    assertThat(keep).isNotEmpty().containsOnly(false);
    assertThat(always).hasSameSizeAs(keep).containsOnly(true);
    assertThat(half).contains(true, false);
    assertThat(scenario("{}").randomFaults().loseUnsyncedWrites()).isEqualTo(Ratio.ZERO);
    assertThat(
            RandomFaultPlan.draw(
                scenario("{\"loseUnsyncedWrites\": 0}").randomFaults(),
                new Seeds(7).stream("faults")))
        .isEqualTo(
            RandomFaultPlan.draw(scenario("{}").randomFaults(), new Seeds(7).stream("faults")));
    assertThatThrownBy(() -> scenario("{\"loseUnsyncedWrites\": 2}"))
        .hasMessageContaining("randomFaults.loseUnsyncedWrites: a probability must be between 0");
  }

  private static List<Boolean> lossFlags(RandomFaults spec) {
    return RandomFaultPlan.draw(spec, new Seeds(3).stream("faults")).stream()
        .map(ScheduledFault::fault)
        .filter(Fault.Crash.class::isInstance)
        .map(fault -> ((Fault.Crash) fault).loseUnsyncedWrites())
        .toList();
  }

  @Test
  void mistakesAreLocated() {
    assertThatThrownBy(() -> scenario("{\"kinds\": [\"meteor\"]}"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith("random.json:5:30: randomFaults.kinds[0]: unknown fault kind")
        .hasMessageContaining("\"one-way\"");
    assertThatThrownBy(() -> scenario("{\"until\": \"11s\"}"))
        .hasMessageContaining("randomFaults.until: after the end of the run (10s)");
    assertThatThrownBy(() -> scenario("{\"from\": \"5s\", \"until\": \"4s\"}"))
        .hasMessageContaining("randomFaults.from: must come before until (4s)");
    assertThatThrownBy(() -> scenario("{\"every\": \"2s..1s\"}"))
        .hasMessageContaining("randomFaults.every: the range \"2s..1s\" ends before it starts");
    assertThatThrownBy(() -> scenario("{\"kinds\": []}")).hasMessageContaining("at least one kind");
    assertThatThrownBy(() -> scenario("{\"nodes\": [\"n1\"]}"))
        .hasMessageContaining("need at least two nodes");
    assertThatThrownBy(() -> scenario("{\"nodes\": [\"n9\"]}"))
        .hasMessageContaining("unknown node \"n9\"");
    assertThatThrownBy(() -> scenario("{\"evry\": \"1s\"}"))
        .hasMessageContaining("did you mean \"every\"");
  }

  @Test
  void theSameSeedDrawsTheSameScheduleAndOtherSeedsOthers() {
    RandomFaults spec = scenario("{}").randomFaults();
    List<ScheduledFault> once = RandomFaultPlan.draw(spec, new Seeds(7).stream("faults"));
    List<ScheduledFault> again = RandomFaultPlan.draw(spec, new Seeds(7).stream("faults"));
    assertThat(again).isEqualTo(once).isNotEmpty();
    Set<List<ScheduledFault>> schedules = new HashSet<>();
    for (long seed = 1; seed <= 20; seed++) {
      schedules.add(RandomFaultPlan.draw(spec, new Seeds(seed).stream("faults")));
    }
    assertThat(schedules).hasSize(20);
  }

  @Test
  void everyFaultIsInsideItsWindowAndUndoneByItsOwnEnd() {
    RandomFaults spec =
        scenario("{\"from\": \"1s\", \"until\": \"6s\", \"every\": \"50ms..300ms\"}")
            .randomFaults();
    for (long seed = 1; seed <= 200; seed++) {
      List<ScheduledFault> faults = RandomFaultPlan.draw(spec, new Seeds(seed).stream("faults"));
      int partitions = 0;
      Set<NodeId> down = new HashSet<>();
      for (ScheduledFault fault : faults.stream().sorted(ORDER).toList()) {
        assertThat(fault.atNanos()).isBetween(1_000 * MILLI, 6_000 * MILLI);
        switch (fault.fault()) {
          case Fault.Partition partition -> assertThat(++partitions).as("seed %d", seed).isOne();
          case Fault.Heal heal -> partitions--;
          case Fault.Crash crash -> assertThat(down.add(crash.node())).as("seed %d", seed).isTrue();
          case Fault.Restart restart -> assertThat(down.remove(restart.node())).isTrue();
          case Fault.Pause pause ->
              assertThat(fault.atNanos() + pause.durationNanos())
                  .isLessThanOrEqualTo(6_000 * MILLI);
          default -> {}
        }
      }
      assertThat(partitions).as("seed %d heals every partition", seed).isZero();
      assertThat(down).as("seed %d restarts every crashed node", seed).isEmpty();
    }
  }

  // Ends before starts at the same instant, as the engine applies a fault list sorted by time
  // when ends were drawn earlier: the order within an instant is that of the draw.
  private static final java.util.Comparator<ScheduledFault> ORDER =
      java.util.Comparator.comparingLong(ScheduledFault::atNanos)
          .thenComparing(fault -> isStart(fault.fault()) ? 1 : 0);

  private static boolean isStart(Fault fault) {
    return fault instanceof Fault.Partition || fault instanceof Fault.Crash;
  }

  @Test
  void aRunCutShortDrawsWithinItsShortenedWindow() {
    Scenario scenario = scenario("{\"every\": \"100ms..200ms\"}");
    List<ScheduledFault> faults = ScenarioRunner.faultsOf(scenario, 3, 2_000 * MILLI);
    assertThat(faults)
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.atNanos()).isLessThanOrEqualTo(2_000 * MILLI));
  }
}
