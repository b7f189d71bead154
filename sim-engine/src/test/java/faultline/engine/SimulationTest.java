package faultline.engine;

import static faultline.engine.time.Nanos.MILLI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import faultline.engine.net.Latency;
import faultline.engine.net.LinkPolicy;
import faultline.engine.node.NodeId;
import faultline.engine.testing.PingPong;
import faultline.engine.testing.Script;
import faultline.engine.testing.Tag;
import faultline.engine.testing.Text;
import faultline.engine.testing.TraceCapture;
import faultline.engine.time.NodeClock;
import faultline.engine.trace.TraceSink;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The kernel's contract with protocols and with trace readers: effects, timers, the trace format
 * and reproducibility. Faults, limits, invariants and causality have their own test classes.
 *
 * <p>How it works: each test builds a small simulation from tiny test protocols ({@link Script}ed
 * nodes whose handlers are lambdas, or {@link PingPong}), usually on a network with a constant
 * latency so that every time in the trace is known in advance, runs it, and asserts on the parsed
 * trace lines, the outcome and the nodes' own records of what they handled.
 */
class SimulationTest {
  static final NodeId N1 = NodeId.of("n1");
  static final NodeId N2 = NodeId.of("n2");
  static final NodeId N3 = NodeId.of("n3");

  /** A builder on a network with a constant 1 ms latency, tracing into {@code trace}. */
  static SimulationBuilder builder(TraceSink trace) {
    return Simulation.builder()
        .seed(1)
        .network(LinkPolicy.defaults().withLatency(Latency.constant(MILLI)))
        .limits(Limits.of(10_000 * MILLI))
        .trace(trace, Map.of("name", "test"));
  }

  static SimulationBuilder pingPong(TraceSink trace, int rounds) {
    return builder(trace)
        .node(N1, id -> new PingPong(N2, true, rounds))
        .node(N2, id -> new PingPong(N1, false, rounds));
  }

  @Test
  void effectsApplyInTheOrderTheHandlerIssuedThem() {
    TraceCapture trace = new TraceCapture();
    Script script =
        new Script()
            .onStart(
                (node, context) -> {
                  if (!context.self().equals(N1)) {
                    return;
                  }
                  context.note("first");
                  context.send(N2, new Text("a"));
                  context.recordState(Map.of("step", 1));
                  context.record("apply", Map.of("index", 1));
                  context.send(N2, new Text("b"));
                  context.note("last");
                });
    builder(trace).node(N1, script.factory()).node(N2, script.factory()).build().run();

    assertThat(trace.typesAtNodes())
        .containsExactly(
            "start@n1",
            "note@n1",
            "send@n1",
            "state@n1",
            "apply@n1",
            "send@n1",
            "note@n1",
            "start@n2",
            "deliver@n2",
            "deliver@n2",
            "halt");
    assertThat(trace.events("send")).extracting(e -> e.get("id").asLong()).containsExactly(1L, 2L);
    assertThat(script.latest(N2).orElseThrow().log())
        .containsExactly("start", "msg:n1:a", "msg:n1:b");
    JsonNode apply = trace.events("apply").getFirst();
    assertThat(apply.get("index").asInt()).isEqualTo(1);
    assertThat(trace.events("state").getFirst().get("state").get("step").asInt()).isEqualTo(1);
  }

  @Test
  void handlersSeeTheRunFromTheirOwnSide() {
    TraceCapture trace = new TraceCapture();
    Map<String, Object> seen = new TreeMap<>();
    Script script =
        new Script()
            .onStart(
                (node, context) -> {
                  if (context.self().equals(N2)) {
                    seen.put("self", context.self());
                    seen.put("peers", context.peers());
                    seen.put("nodes", context.nodes());
                    seen.put("storage", context.storage().snapshot());
                  }
                });
    NodeId n10 = NodeId.of("n10");
    builder(trace)
        .node(n10, script.factory())
        .node(N2, script.factory())
        .node(N1, script.factory())
        .build()
        .run();
    assertThat(seen)
        .containsEntry("self", N2)
        .containsEntry("peers", List.of(N1, n10))
        .containsEntry("nodes", List.of(N1, N2, n10))
        .containsEntry("storage", Map.of());
    assertThat(trace.lines().getFirst().get("nodes").toString())
        .isEqualTo("[\"n1\",\"n2\",\"n10\"]");
  }

  @Test
  void settingThenCancellingInOneHandlerLeavesNoTimerButCancellingThenSettingArmsIt() {
    TraceCapture trace = new TraceCapture();
    Script script =
        new Script()
            .onStart(
                (node, context) -> {
                  context.setTimer(new Tag("set-then-cancel"), MILLI);
                  context.cancelTimer(new Tag("set-then-cancel"));
                  context.cancelTimer(new Tag("cancel-then-set"));
                  context.setTimer(new Tag("cancel-then-set"), MILLI);
                  context.cancelTimer(new Tag("never-armed")); // A no-op, not an error.
                });
    builder(trace).node(N1, script.factory()).build().run();
    assertThat(script.latest(N1).orElseThrow().log())
        .containsExactly("start", "timer:cancel-then-set");
  }

  @Test
  void reArmingATimerForgetsItsOldDeadlineEarlierOrLater() {
    TraceCapture trace = new TraceCapture();
    Script script =
        new Script()
            .onStart(
                (node, context) -> {
                  context.setTimer(new Tag("sooner"), 10 * MILLI);
                  context.setTimer(new Tag("sooner"), 3 * MILLI);
                  context.setTimer(new Tag("later"), 3 * MILLI);
                  context.setTimer(new Tag("later"), 10 * MILLI);
                });
    builder(trace).node(N1, script.factory()).build().run();
    assertThat(trace.events("timer"))
        .extracting(e -> e.get("timer").asText() + "@" + e.get("t").asLong())
        .containsExactly("sooner@" + 3 * MILLI, "later@" + 10 * MILLI);
  }

  /**
   * A re-arm to a later deadline queues nothing (the event already queued carries it there), yet
   * the timer leaves in the place a new event queued at the re-arm would have had: after events for
   * the same instant scheduled before the re-arm, before those scheduled after it.
   */
  @Test
  void aTimerReArmedLaterFiresOnceInThePlaceOfItsReArm() {
    TraceCapture trace = new TraceCapture();
    Script script =
        new Script()
            .onStart(
                (node, context) -> {
                  if (context.self().equals(N1)) {
                    context.setTimer(new Tag("t"), 3 * MILLI);
                  } else {
                    context.setTimer(new Tag("before"), 10 * MILLI);
                    context.send(N1, new Text("re-arm"));
                  }
                })
            .onMessage(
                (node, context, from, message) -> {
                  if (context.self().equals(N1)) {
                    context.setTimer(new Tag("t"), 9 * MILLI); // At 1 ms: due at 10 ms.
                    context.send(N2, new Text("arm"));
                  } else {
                    context.setTimer(new Tag("after"), 8 * MILLI); // At 2 ms: due at 10 ms.
                  }
                });
    builder(trace).node(N1, script.factory()).node(N2, script.factory()).build().run();
    assertThat(trace.events("timer"))
        .extracting(e -> e.get("timer").asText() + "@" + e.get("t").asLong())
        .containsExactly("before@" + 10 * MILLI, "t@" + 10 * MILLI, "after@" + 10 * MILLI);
  }

  @Test
  void aTimerCancelledByALaterInputNeverFires() {
    TraceCapture trace = new TraceCapture();
    Script script =
        new Script()
            .onStart(
                (node, context) -> {
                  if (context.self().equals(N1)) {
                    context.setTimer(new Tag("deadline"), 5 * MILLI);
                  } else {
                    context.send(N1, new Text("cancel it"));
                  }
                })
            .onMessage((node, context, from, message) -> context.cancelTimer(new Tag("deadline")));
    builder(trace).node(N1, script.factory()).node(N2, script.factory()).build().run();
    assertThat(trace.events("timer")).isEmpty();
    assertThat(script.latest(N1).orElseThrow().log()).containsExactly("start", "msg:n2:cancel it");
  }

  @Test
  void aTimerReArmedInItsOwnHandlerTicksPeriodically() {
    TraceCapture trace = new TraceCapture();
    Script script =
        new Script()
            .onStart((node, context) -> context.setTimer(new Tag("tick"), 2 * MILLI))
            .onTimer(
                (node, context, timer) -> {
                  if (node.inputs().size() < 5) {
                    context.setTimer(timer, 2 * MILLI);
                  }
                });
    builder(trace).node(N1, script.factory()).build().run();
    assertThat(trace.events("timer"))
        .extracting(e -> e.get("t").asLong())
        .containsExactly(2 * MILLI, 4 * MILLI, 6 * MILLI, 8 * MILLI);
    assertThat(trace.events("timer")).allSatisfy(e -> assertThat(e.has("dueT")).isFalse());
  }

  @Test
  void aTimerOnAFastClockFiresEarlierInTrueTime() {
    TraceCapture trace = new TraceCapture();
    Script script =
        new Script().onStart((node, context) -> context.setTimer(new Tag("t"), 10 * MILLI));
    builder(trace)
        .node(N1, script.factory())
        .node(N2, script.factory())
        .clock(N1, new NodeClock(0, 100_000)) // +100 ppm.
        .build()
        .run();
    // The node reads its own clock: its deadline has come, though true time has not reached it.
    assertThat(script.latest(N1).orElseThrow().inputs().getLast().monotonicNanos())
        .isEqualTo(10 * MILLI);
    JsonNode fast = trace.events("timer", "n1").getFirst();
    JsonNode perfect = trace.events("timer", "n2").getFirst();
    // 10 ms on a clock 100 ppm fast is 10 ms / 1.0001 of true time, rounded up to the nanosecond.
    assertThat(fast.get("t").asLong()).isEqualTo(9_999_001);
    assertThat(fast.get("mono").asLong()).isEqualTo(10 * MILLI);
    assertThat(perfect.get("t").asLong()).isEqualTo(10 * MILLI);
    assertThat(trace.typesAtNodes()).containsSubsequence("timer@n1", "timer@n2");
  }

  @Test
  void theTraceHasAHeaderNumberedEventsAndAnEndLineWithTheFingerprintAndTheFileHash()
      throws Exception {
    TraceCapture trace = new TraceCapture();
    RunOutcome outcome = pingPong(trace, 3).seed(77).build().run();

    List<JsonNode> lines = trace.lines();
    JsonNode header = lines.getFirst();
    assertThat(header.get("type").asText()).isEqualTo("header");
    assertThat(header.get("format").asText()).isEqualTo("faultline-trace");
    assertThat(header.get("version").asInt()).isEqualTo(2);
    assertThat(header.get("seed").asLong()).isEqualTo(77);
    assertThat(header.get("scenario").get("name").asText()).isEqualTo("test");
    assertThat(header.get("nodes").toString()).isEqualTo("[\"n1\",\"n2\"]");

    List<JsonNode> events = lines.subList(1, lines.size() - 1);
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).get("seq").asLong()).as("line %s", i + 2).isEqualTo(i + 1);
    }
    assertThat(events).extracting(e -> e.get("t").asLong()).isSorted();
    assertThat(events.getLast().get("type").asText()).isEqualTo("halt");
    assertThat(events.getLast().get("reason").asText()).isEqualTo("quiescent");

    JsonNode end = lines.getLast();
    assertThat(end.get("type").asText()).isEqualTo("end");
    assertThat(end.get("events").asLong()).isEqualTo(events.size());
    byte[] all = trace.bytes();
    byte[] endLine = trace.rawLines().getLast();
    byte[] beforeEnd = Arrays.copyOf(all, all.length - endLine.length);
    String sha256 =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(beforeEnd));
    assertThat(end.get("fileSha256").asText()).isEqualTo(sha256);
    assertThat(end.get("fingerprint").asText())
        .isEqualTo(outcome.fingerprint())
        .hasSize(64)
        .isNotEqualTo(sha256);
    // Without a sink that keeps lines the run encodes no JSON, and has the same fingerprint.
    assertThat(pingPong(TraceSink.discard(), 3).seed(77).build().run().fingerprint())
        .isEqualTo(outcome.fingerprint());
    assertThat(outcome.events()).isEqualTo(events.size());
    assertThat(trace.isClosed()).isTrue();
    assertThat(trace.text()).endsWith("\n").doesNotContain("\r");
  }

  @Test
  void nodeEventsCarryTheNodeAndItsClockReadingsAndNetworkEventsDoNot() {
    TraceCapture trace = new TraceCapture();
    pingPong(trace, 1).clock(N1, new NodeClock(5 * MILLI, 0)).build().run();
    JsonNode send = trace.events("send").getFirst();
    assertThat(send.get("node").asText()).isEqualTo("n1");
    assertThat(send.get("to").asText()).isEqualTo("n2");
    assertThat(send.get("msg").asText()).isEqualTo("Ping");
    assertThat(send.get("payload").get("round").asInt()).isEqualTo(1);
    assertThat(send.get("wall").asLong()).isEqualTo(5 * MILLI);
    assertThat(send.get("mono").asLong()).isZero();
    JsonNode deliver = trace.events("deliver").getFirst();
    assertThat(deliver.get("from").asText()).isEqualTo("n1");
    assertThat(deliver.get("id").asLong()).isEqualTo(send.get("id").asLong());
    assertThat(deliver.has("copy")).as("copy is written for duplicates only").isFalse();
    assertThat(trace.events("halt").getFirst().has("node")).isFalse();
  }

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedAnotherTrace() {
    LinkPolicy jittery = LinkPolicy.defaults().withLatency(Latency.uniform(MILLI, 30 * MILLI));
    byte[] first = jitteryRun(jittery, 5);
    byte[] again = jitteryRun(jittery, 5);
    byte[] other = jitteryRun(jittery, 6);
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  private static byte[] jitteryRun(LinkPolicy policy, long seed) {
    TraceCapture trace = new TraceCapture();
    pingPong(trace, 20).network(policy).seed(seed).build().run();
    return trace.bytes();
  }

  @Test
  void duplicatedMessagesAreDeliveredTwiceWithTheSameIdAndACopyNumber() {
    TraceCapture trace = new TraceCapture();
    Script script =
        new Script()
            .onStart(
                (node, context) -> {
                  if (context.self().equals(N1)) {
                    context.send(N2, new Text("twice"));
                  }
                });
    builder(trace)
        .node(N1, script.factory())
        .node(N2, script.factory())
        .network(
            LinkPolicy.defaults()
                .withLatency(Latency.constant(MILLI))
                .withDuplicate(faultline.engine.random.Ratio.ONE))
        .build()
        .run();
    assertThat(trace.events("deliver")).hasSize(2);
    assertThat(trace.events("deliver")).extracting(e -> e.get("id").asLong()).containsOnly(1L);
    assertThat(trace.events("deliver").get(1).get("copy").asInt()).isEqualTo(2);
    assertThat(script.latest(N2).orElseThrow().log())
        .containsExactly("start", "msg:n1:twice", "msg:n1:twice");
  }

  @Test
  void pingPongCompletesAndTheLiveNodeCanBeRead() {
    TraceCapture trace = new TraceCapture();
    Simulation simulation = pingPong(trace, 5).build();
    RunOutcome outcome = simulation.run();
    assertThat(outcome.stopReason()).isEqualTo(RunOutcome.StopReason.QUIESCENT);
    assertThat(simulation.node(N1, PingPong.class).orElseThrow().pongsReceived()).isEqualTo(5);
    assertThat(simulation.node(N1, String.class)).isEmpty();
    assertThat(trace.events("state"))
        .extracting(e -> e.get("state").get("pongs").asInt())
        .containsExactly(1, 2, 3, 4, 5);
    assertThat(outcome.metrics())
        .containsEntry("net.sent", 10L)
        .containsEntry("net.delivered", 10L);
    // Five round trips at 1 ms each way. The pinger's last retry timer was cancelled; its stale
    // queue entry drains without letting time pass, so the run ends with the last delivery.
    assertThat(trace.events("deliver").getLast().get("t").asLong()).isEqualTo(10 * MILLI);
    assertThat(outcome.endNanos()).isEqualTo(10 * MILLI);
  }

  @Test
  void sendingToAStrangerOrANullMessageFailsInTheHandler() {
    Script stranger =
        new Script().onStart((node, context) -> context.send(NodeId.of("ghost"), new Text("?")));
    assertThatThrownBy(() -> builder(new TraceCapture()).node(N1, stranger.factory()).build().run())
        .isInstanceOf(NodeFailure.class)
        .hasMessageContaining("n1 threw IllegalArgumentException while handling its start")
        .hasMessageContaining("ghost")
        .hasRootCauseInstanceOf(IllegalArgumentException.class);
    Script negative = new Script().onStart((node, context) -> context.setTimer(new Tag("t"), -1));
    assertThatThrownBy(() -> builder(new TraceCapture()).node(N1, negative.factory()).build().run())
        .isInstanceOf(NodeFailure.class)
        .hasRootCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aProtocolRecordMayNotTakeANameTheTraceAlreadyUses() {
    for (String taken : List.of("crash", "deliver", "end", "header")) {
      Script script = new Script().onStart((node, context) -> context.record(taken, Map.of()));
      assertThatThrownBy(() -> builder(new TraceCapture()).node(N1, script.factory()).build().run())
          .as(taken)
          .isInstanceOf(NodeFailure.class)
          .hasRootCauseMessage(
              taken
                  + " is a type the engine's trace already uses; give the record a name of its"
                  + " own");
    }
  }

  @Test
  void aBuilderRejectsAnEmptyRunDuplicateNodesAndClocksOfStrangers() {
    assertThatThrownBy(() -> Simulation.builder().build())
        .isInstanceOf(IllegalStateException.class);
    Script script = new Script();
    assertThatThrownBy(
            () -> Simulation.builder().node(N1, script.factory()).node(N1, script.factory()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                Simulation.builder()
                    .node(N1, script.factory())
                    .clock(N2, NodeClock.perfect())
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
