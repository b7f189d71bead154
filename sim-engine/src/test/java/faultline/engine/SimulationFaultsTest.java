package faultline.engine;

import static faultline.engine.SimulationTest.N1;
import static faultline.engine.SimulationTest.N2;
import static faultline.engine.SimulationTest.N3;
import static faultline.engine.SimulationTest.builder;
import static faultline.engine.time.Nanos.MILLI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.net.Latency;
import faultline.engine.net.LinkPolicy;
import faultline.engine.testing.Script;
import faultline.engine.testing.ScriptedNode;
import faultline.engine.testing.Tag;
import faultline.engine.testing.Text;
import faultline.engine.testing.TraceCapture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * Faults are ordinary events: crash, restart, pause, partition and clock changes. How it works:
 * each test scripts a fault at a known instant against nodes on a constant-latency network, so that
 * which messages are in flight, due or deferred at that instant is known exactly, then checks the
 * trace's drop reasons, the order in which the nodes handled their inputs, and what survived on
 * disk.
 */
class SimulationFaultsTest {

  private static ScheduledFault at(long nanos, Fault fault) {
    return new ScheduledFault(nanos, fault);
  }

  /** n1 sends "m<k>" to n2 every {@code periodNanos}, forever; n2 only listens. */
  private static Script ticker(long periodNanos) {
    return new Script()
        .onStart(
            (node, context) -> {
              if (context.self().equals(N1)) {
                context.setTimer(new Tag("tick"), periodNanos);
              }
            })
        .onTimer(
            (node, context, timer) -> {
              context.send(N2, new Text("m" + (node.inputs().size() - 1))); // m1, m2, ...
              context.setTimer(timer, periodNanos);
            });
  }

  @Test
  void aCrashDropsMessagesArrivingWhileDownAndLosesVolatileState() {
    TraceCapture trace = new TraceCapture();
    Script script = ticker(2 * MILLI);
    Simulation simulation =
        builder(trace)
            .network(LinkPolicy.defaults().withLatency(Latency.constant(5 * MILLI)))
            .node(N1, script.factory())
            .node(N2, script.factory())
            .fault(at(9 * MILLI, new Fault.Crash(N2, false)))
            .fault(at(20 * MILLI, new Fault.Restart(N2)))
            .limits(Limits.of(30 * MILLI))
            .build();

    simulation.runUntil(15 * MILLI);
    assertThat(simulation.node(N2, ScriptedNode.class)).as("no live node while down").isEmpty();
    simulation.run();

    // m1 (sent at 2 ms) arrives at 7 ms. m2..m7 arrive at 9..19 ms and are dropped: the crash at
    // 9 ms was scheduled when the run was built, so it comes before the arrival due at 9 ms.
    List<JsonNode> drops = trace.events("drop", "n2");
    assertThat(drops)
        .extracting(e -> e.get("t").asLong())
        .containsExactly(9 * MILLI, 11 * MILLI, 13 * MILLI, 15 * MILLI, 17 * MILLI, 19 * MILLI);
    assertThat(drops).allSatisfy(e -> assertThat(e.get("reason").asText()).isEqualTo("node-down"));
    assertThat(drops).allSatisfy(e -> assertThat(e.get("from").asText()).isEqualTo("n1"));

    List<ScriptedNode> lives = script.lives(N2);
    assertThat(lives).hasSize(2);
    assertThat(lives.get(0).log()).containsExactly("start", "msg:n1:m1");
    assertThat(lives.get(1).log())
        .as("a fresh instance, without the first life's inputs")
        .containsExactly(
            "start", "msg:n1:m8", "msg:n1:m9", "msg:n1:m10", "msg:n1:m11", "msg:n1:m12");
    assertThat(lives.get(1).inputs().getFirst().monotonicNanos()).isEqualTo(20 * MILLI);
    assertThat(trace.typesAtNodes()).containsSubsequence("crash@n2", "restart@n2");
    assertThat(trace.events("start", "n2")).hasSize(1);
    assertThat(simulation.metrics().get("net.dropped.node-down")).isEqualTo(6);
  }

  @Test
  void timersArmedBeforeACrashNeverFireAfterTheRestart() {
    TraceCapture trace = new TraceCapture();
    Script script =
        new Script()
            .onStart(
                (node, context) -> {
                  if (context.storage().get("booted", Boolean.class).isEmpty()) {
                    context.storage().put("booted", true);
                    context.setTimer(new Tag("first-life"), 30 * MILLI);
                  }
                });
    builder(trace)
        .node(N1, script.factory())
        .fault(at(10 * MILLI, new Fault.Crash(N1, false)))
        .fault(at(20 * MILLI, new Fault.Restart(N1)))
        .build()
        .run();
    assertThat(trace.events("timer")).isEmpty();
    assertThat(script.lives(N1)).hasSize(2);
  }

  @Test
  void durableStorageSurvivesACrashAndTheRestartReadsIt() {
    TraceCapture trace = new TraceCapture();
    List<Long> bootsSeen = new ArrayList<>();
    Script script =
        new Script()
            .onStart(
                (node, context) -> {
                  long boots = context.storage().get("boots", Long.class).orElse(0L) + 1;
                  bootsSeen.add(boots);
                  context.storage().put("boots", boots);
                  context.storage().sync();
                });
    builder(trace)
        .node(N1, script.factory())
        .fault(at(MILLI, new Fault.Crash(N1, true)))
        .fault(at(2 * MILLI, new Fault.Restart(N1)))
        .fault(at(3 * MILLI, new Fault.Crash(N1, false)))
        .fault(at(4 * MILLI, new Fault.Restart(N1)))
        .build()
        .run();
    assertThat(bootsSeen).containsExactly(1L, 2L, 3L);
  }

  @Test
  void aCrashThatLosesUnsyncedWritesKeepsOnlyWhatWasSynced() {
    SortedMap<String, Object> afterPowerLoss = storageAfterCrash(true);
    assertThat(afterPowerLoss)
        .containsEntry("synced", "kept")
        .containsEntry("removed", "still here");
    assertThat(afterPowerLoss).doesNotContainKey("unsynced");
    assertThat(afterPowerLoss.get("overwritten")).isEqualTo("old");
  }

  @Test
  void aCrashThatKeepsUnsyncedWritesKeepsEverything() {
    SortedMap<String, Object> afterCleanCrash = storageAfterCrash(false);
    assertThat(afterCleanCrash)
        .containsEntry("synced", "kept")
        .containsEntry("unsynced", "flushed by the OS")
        .containsEntry("overwritten", "new")
        .doesNotContainKey("removed");
  }

  @Test
  void aValueChangedAfterItWasStoredDoesNotSurviveACrashThatLosesUnsyncedWrites() {
    List<List<String>> seenAtBoot = new ArrayList<>();
    Script script =
        new Script()
            .onStart(
                (node, context) -> {
                  @SuppressWarnings("unchecked")
                  List<String> log = context.storage().get("log", List.class).orElse(List.of());
                  seenAtBoot.add(log);
                  if (seenAtBoot.size() > 1) {
                    return;
                  }
                  List<String> mine = new ArrayList<>(List.of("synced"));
                  context.storage().put("log", mine);
                  context.storage().sync();
                  mine.add("never synced"); // Changed in memory only: the disk must not follow.
                });
    builder(new TraceCapture())
        .node(N1, script.factory())
        .fault(at(MILLI, new Fault.Crash(N1, true)))
        .fault(at(2 * MILLI, new Fault.Restart(N1)))
        .build()
        .run();
    assertThat(seenAtBoot).containsExactly(List.of(), List.of("synced"));
  }

  /** The disk as the second life sees it, after a first life that left some writes unsynced. */
  private static SortedMap<String, Object> storageAfterCrash(boolean loseUnsyncedWrites) {
    TraceCapture trace = new TraceCapture();
    List<SortedMap<String, Object>> snapshots = new ArrayList<>();
    Script script =
        new Script()
            .onStart(
                (node, context) -> {
                  snapshots.add(context.storage().snapshot());
                  if (snapshots.size() > 1) {
                    return; // The second life only looks.
                  }
                  context.storage().put("synced", "kept");
                  context.storage().put("overwritten", "old");
                  context.storage().put("removed", "still here");
                  context.storage().sync();
                  context.storage().put("unsynced", "flushed by the OS");
                  context.storage().put("overwritten", "new");
                  context.storage().remove("removed");
                  assertThat(context.storage().get("overwritten", String.class)).contains("new");
                  assertThat(context.storage().get("removed", String.class)).isEmpty();
                });
    builder(trace)
        .node(N1, script.factory())
        .fault(at(MILLI, new Fault.Crash(N1, loseUnsyncedWrites)))
        .fault(at(2 * MILLI, new Fault.Restart(N1)))
        .build()
        .run();
    JsonNode crash = trace.events("crash").getFirst();
    assertThat(crash.get("loseUnsyncedWrites").asBoolean()).isEqualTo(loseUnsyncedWrites);
    assertThat(crash.get("lostWrites").asInt()).isEqualTo(loseUnsyncedWrites ? 3 : 0);
    assertThat(snapshots).hasSize(2);
    return snapshots.get(1);
  }

  @Test
  void crashingADownNodeOrRestartingAnUpNodeIsSkippedWithANote() {
    TraceCapture trace = new TraceCapture();
    Script script = new Script();
    builder(trace)
        .node(N1, script.factory())
        .node(N2, script.factory())
        .fault(at(MILLI, new Fault.Restart(N1)))
        .fault(at(2 * MILLI, new Fault.Crash(N2, false)))
        .fault(at(3 * MILLI, new Fault.Crash(N2, false)))
        .build()
        .run();
    assertThat(trace.events("note"))
        .extracting(e -> e.get("node").asText() + ": " + e.get("text").asText())
        .containsExactly("n1: restart skipped: n1 is up", "n2: crash skipped: n2 is already down");
    assertThat(script.lives(N1)).hasSize(1);
  }

  @Test
  void aPauseDefersEverythingDueAndRunsItInOrderAtResume() {
    // n2 pauses from 3 ms to 13 ms. n1 sends at 2, 5, 8 and 11 ms with 2 ms latency: three
    // arrive during the pause (4, 7, 10 ms), and the last arrives at 13 ms, the resume instant,
    // where it must wait for everything that fell due earlier. n2's own timer falls due at 5 ms,
    // between two deferred arrivals.
    TraceCapture trace = new TraceCapture();
    Script script =
        ticker(MILLI)
            .onStart(
                (node, context) -> {
                  if (context.self().equals(N1)) {
                    context.setTimer(new Tag("tick"), 2 * MILLI);
                  } else {
                    context.setTimer(new Tag("n2-own"), 5 * MILLI);
                  }
                })
            .onTimer(
                (node, context, timer) -> {
                  if (context.self().equals(N1)) {
                    context.send(N2, new Text("sent@" + context.monotonicNanos() / MILLI));
                    if (context.monotonicNanos() < 11 * MILLI) {
                      context.setTimer(timer, 3 * MILLI);
                    }
                  }
                });
    builder(trace)
        .network(LinkPolicy.defaults().withLatency(Latency.constant(2 * MILLI)))
        .node(N1, script.factory())
        .node(N2, script.factory())
        .fault(at(3 * MILLI, new Fault.Pause(N2, 10 * MILLI)))
        .build()
        .run();

    ScriptedNode n2 = script.latest(N2).orElseThrow();
    assertThat(n2.log())
        .containsExactly(
            "start",
            "msg:n1:sent@2",
            "timer:n2-own",
            "msg:n1:sent@5",
            "msg:n1:sent@8",
            "msg:n1:sent@11");
    // The clocks kept running: everything deferred is handled at 13 ms by the node's own clock.
    assertThat(n2.inputs().subList(1, 5))
        .allSatisfy(input -> assertThat(input.monotonicNanos()).isEqualTo(13 * MILLI));

    JsonNode resume = trace.events("resume").getFirst();
    assertThat(resume.get("t").asLong()).isEqualTo(13 * MILLI);
    assertThat(resume.get("deferred").asInt()).isEqualTo(4);
    JsonNode timer = trace.events("timer", "n2").getFirst();
    assertThat(timer.get("t").asLong()).isEqualTo(13 * MILLI);
    assertThat(timer.get("dueT").asLong()).as("when it fell due").isEqualTo(5 * MILLI);
    assertThat(timer.get("mono").asLong()).isEqualTo(13 * MILLI);
    assertThat(trace.events("pause").getFirst().get("durationNanos").asLong())
        .isEqualTo(10 * MILLI);
    // Nothing at n2 between the pause and the resume.
    assertThat(
            trace.events(
                e ->
                    e.path("node").asText().equals("n2")
                        && e.get("t").asLong() > 3 * MILLI
                        && e.get("t").asLong() < 13 * MILLI))
        .isEmpty();
  }

  @Test
  void aCrashDuringAPauseDropsWhatWasDeferredAndTheResumeNeverComes() {
    TraceCapture trace = new TraceCapture();
    Script script = ticker(2 * MILLI);
    builder(trace)
        .network(LinkPolicy.defaults().withLatency(Latency.constant(MILLI)))
        .node(N1, script.factory())
        .node(N2, script.factory())
        .fault(at(4 * MILLI, new Fault.Pause(N2, 20 * MILLI)))
        .fault(at(8 * MILLI, new Fault.Crash(N2, false)))
        .fault(at(10 * MILLI, new Fault.Restart(N2)))
        .limits(Limits.of(30 * MILLI))
        .build()
        .run();
    // Deferred arrivals at 5 and 7 ms are dropped at the crash, on n2's lane, as node-down.
    List<JsonNode> atCrash =
        trace.events(
            e -> e.path("type").asText().equals("drop") && e.get("t").asLong() == 8 * MILLI);
    assertThat(atCrash).hasSize(2);
    assertThat(atCrash)
        .allSatisfy(e -> assertThat(e.get("reason").asText()).isEqualTo("node-down"));
    assertThat(trace.events("crash").getFirst().get("droppedWhilePaused").asInt()).isEqualTo(2);
    assertThat(trace.events("resume")).isEmpty();
    // The restarted node is not paused: it handles arrivals at once.
    assertThat(script.latest(N2).orElseThrow().inputs())
        .filteredOn(input -> input.kind().equals("msg"))
        .allSatisfy(input -> assertThat(input.monotonicNanos() % (2 * MILLI)).isEqualTo(MILLI));
  }

  @Test
  void aPartitionDropsMessagesInFlightWhenTheyArriveAndNewOnesWhenSent() {
    TraceCapture trace = new TraceCapture();
    Script script = ticker(4 * MILLI);
    builder(trace)
        .network(LinkPolicy.defaults().withLatency(Latency.constant(10 * MILLI)))
        .node(N1, script.factory())
        .node(N2, script.factory())
        .node(N3, script.factory())
        .fault(at(5 * MILLI, new Fault.Partition(List.of(List.of(N1), List.of(N2)))))
        .fault(at(30 * MILLI, new Fault.Heal()))
        .limits(Limits.of(45 * MILLI))
        .build()
        .run();
    // Sent at 4 ms, due at 14 ms: dropped on arrival, on the receiver's lane.
    JsonNode inFlight = trace.events("drop", "n2").getFirst();
    assertThat(inFlight.get("t").asLong()).isEqualTo(14 * MILLI);
    assertThat(inFlight.get("reason").asText()).isEqualTo("partition");
    // Sent at 8..28 ms while partitioned: dropped at send, on the sender's lane.
    assertThat(trace.events("drop", "n1"))
        .extracting(e -> e.get("t").asLong())
        .containsExactly(8 * MILLI, 12 * MILLI, 16 * MILLI, 20 * MILLI, 24 * MILLI, 28 * MILLI);
    // After the heal at 30 ms: sent at 32 ms, delivered at 42 ms.
    assertThat(trace.events("deliver", "n2"))
        .extracting(e -> e.get("t").asLong())
        .containsExactly(42 * MILLI);
    assertThat(trace.events("partition").getFirst().get("groups").toString())
        .isEqualTo("[[\"n3\"],[\"n1\"],[\"n2\"]]");
    assertThat(trace.events("heal")).hasSize(1);
  }

  @Test
  void aOneWayBlockCutsOnlyItsDirection() {
    TraceCapture trace = new TraceCapture();
    Script script =
        new Script()
            .onStart((node, context) -> context.send(context.peers().getFirst(), new Text("hi")));
    builder(trace)
        .node(N1, script.factory())
        .node(N2, script.factory())
        .fault(at(0, new Fault.Block(N1, N2)))
        .build()
        .run();
    // Both start at 0 before the block is applied at 0 ms; their sends are still in flight.
    assertThat(trace.events("drop"))
        .extracting(e -> e.get("reason").asText())
        .containsExactly("blocked");
    assertThat(script.latest(N1).orElseThrow().log()).containsExactly("start", "msg:n2:hi");
    assertThat(script.latest(N2).orElseThrow().log()).containsExactly("start");
    assertThat(trace.events("block").getFirst().get("from").asText()).isEqualTo("n1");
  }

  @Test
  void clockFaultsAreTracedAndSeenByTheNode() {
    TraceCapture trace = new TraceCapture();
    List<Long> wallReadings = new ArrayList<>();
    Script script =
        new Script()
            .onStart((node, context) -> context.setTimer(new Tag("read"), 10 * MILLI))
            .onTimer(
                (node, context, timer) -> {
                  wallReadings.add(context.wallClockNanos());
                  context.setTimer(timer, 10 * MILLI);
                });
    builder(trace)
        .node(N1, script.factory())
        .fault(at(15 * MILLI, new Fault.ClockJump(N1, -7 * MILLI)))
        .fault(at(25 * MILLI, new Fault.ClockOffset(N1, 100 * MILLI)))
        .limits(Limits.of(30 * MILLI))
        .build()
        .run();
    assertThat(wallReadings).containsExactly(10 * MILLI, 13 * MILLI, 130 * MILLI);
    assertThat(trace.events("clock"))
        .extracting(e -> e.get("change").asText())
        .containsExactly("jump", "offset");
    assertThat(trace.events("clock").getFirst().get("deltaNanos").asLong()).isEqualTo(-7 * MILLI);
    assertThat(trace.events("timer"))
        .extracting(e -> e.get("mono").asLong())
        .containsExactly(10 * MILLI, 20 * MILLI, 30 * MILLI);
  }

  @Test
  void aDriftFaultChangesWhenLaterTimersFire() {
    TraceCapture trace = new TraceCapture();
    Script script =
        new Script()
            .onStart((node, context) -> context.setTimer(new Tag("t"), 10 * MILLI))
            .onTimer((node, context, timer) -> context.setTimer(timer, 10 * MILLI));
    builder(trace)
        .node(N1, script.factory())
        .fault(at(5 * MILLI, new Fault.ClockDrift(N1, 500_000_000))) // 50% fast.
        .limits(Limits.of(25 * MILLI))
        .build()
        .run();
    // The timer armed at 0 keeps its true deadline (10 ms); the next, armed at 10 ms on a clock
    // that now runs 1.5 times as fast, needs 6,666,667 ns of true time.
    assertThat(trace.events("timer"))
        .extracting(e -> e.get("t").asLong())
        .containsExactly(10 * MILLI, 10 * MILLI + 6_666_667, 10 * MILLI + 2 * 6_666_667);
    assertThat(trace.events("clock").getFirst().get("driftPpb").asLong()).isEqualTo(500_000_000);
  }

  @Test
  void aLinkChangeAppliesToMessagesSentAfterIt() {
    TraceCapture trace = new TraceCapture();
    Script script = ticker(2 * MILLI);
    builder(trace)
        .node(N1, script.factory())
        .node(N2, script.factory())
        .fault(
            at(
                5 * MILLI,
                new Fault.LinkChange(
                    N1,
                    N2,
                    Latency.constant(3 * MILLI),
                    faultline.engine.random.Ratio.ZERO,
                    null,
                    null,
                    null)))
        .limits(Limits.of(12 * MILLI))
        .build()
        .run();
    // Sent at 2 and 4 ms with 1 ms latency; at 6 and 8 ms with the new 3 ms latency.
    assertThat(trace.events("deliver", "n2"))
        .extracting(e -> e.get("t").asLong())
        .containsExactly(3 * MILLI, 5 * MILLI, 9 * MILLI, 11 * MILLI);
    JsonNode link = trace.events("link").getFirst();
    assertThat(link.get("from").asText()).isEqualTo("n1");
    assertThat(link.get("loss").asText()).isEqualTo("0/1");
    assertThat(link.has("duplicate")).isFalse();
    assertThat(Map.of("latency", link.get("latency").toString()))
        .containsEntry("latency", "{\"nanos\":3000000}");
  }
}
