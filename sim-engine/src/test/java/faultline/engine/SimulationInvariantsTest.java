package faultline.engine;

import static faultline.engine.SimulationTest.N1;
import static faultline.engine.SimulationTest.N2;
import static faultline.engine.SimulationTest.N3;
import static faultline.engine.SimulationTest.builder;
import static faultline.engine.time.Nanos.MILLI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import faultline.engine.RunOutcome.StopReason;
import faultline.engine.causal.VectorStamp;
import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.check.Sent;
import faultline.engine.check.Step;
import faultline.engine.check.Violation;
import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.node.NodeId;
import faultline.engine.testing.Script;
import faultline.engine.testing.ScriptedNode;
import faultline.engine.testing.StepRecorder;
import faultline.engine.testing.Tag;
import faultline.engine.testing.Text;
import faultline.engine.testing.TraceCapture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Invariants and the ground truth they see. How it works: an invariant that fails once n2 has
 * received a given number of messages is run with and without stop-on-violation, and the
 * violation's trace event is matched to the recorded {@link Violation}; a {@link StepRecorder}
 * collects each step's ground-truth {@link VectorStamp} for a message chain and for independent
 * timers.
 */
class SimulationInvariantsTest {
  private static final NodeId N4 = NodeId.of("n4");
  private static final NodeId N5 = NodeId.of("n5");

  /** Fails, at n2, whenever n2 has handled at least {@code limit} messages. */
  private record AtMostMessages(int limit) implements Invariant {
    @Override
    public String name() {
      return "test.at-most-messages";
    }

    @Override
    public String description() {
      return "n2 handles at most a few messages.";
    }

    @Override
    public void afterEvent(InvariantContext context) {
      int received =
          context
              .node(N2, ScriptedNode.class)
              .map(node -> (int) node.inputs().stream().filter(i -> i.kind().equals("msg")).count())
              .orElse(0);
      if (received >= limit) {
        context.fail(N2, "n2 handled " + received + " messages");
      }
    }
  }

  /** n1 sends to n2 every millisecond, forever. */
  private static Script chatter() {
    return new Script()
        .onStart(
            (node, context) -> {
              if (context.self().equals(N1)) {
                context.setTimer(new Tag("tick"), MILLI);
              }
            })
        .onTimer(
            (node, context, timer) -> {
              context.send(N2, new Text("x"));
              context.setTimer(timer, MILLI);
            });
  }

  @Test
  void aViolationIsTracedWithItsSequenceNumberAndStopsTheRun() {
    TraceCapture trace = new TraceCapture();
    RunOutcome outcome =
        builder(trace)
            .node(N1, chatter().factory())
            .node(N2, chatter().factory())
            .invariant(new AtMostMessages(3))
            .limits(Limits.of(100 * MILLI))
            .build()
            .run();

    assertThat(outcome.stopReason()).isEqualTo(StopReason.VIOLATION);
    assertThat(outcome.violated()).isTrue();
    assertThat(outcome.violations()).hasSize(1);
    Violation violation = outcome.violations().getFirst();
    JsonNode event = trace.events("violation").getFirst();
    assertThat(violation.seq()).isEqualTo(event.get("seq").asLong());
    assertThat(violation.invariant()).isEqualTo("test.at-most-messages");
    assertThat(violation.node()).isEqualTo(N2);
    assertThat(violation.timeNanos())
        .isEqualTo(4 * MILLI); // Third message: sent at 3, arrives at 4.
    assertThat(violation.message()).isEqualTo("n2 handled 3 messages");
    assertThat(event.get("invariant").asText()).isEqualTo("test.at-most-messages");
    assertThat(event.get("message").asText()).isEqualTo("n2 handled 3 messages");
    assertThat(event.get("node").asText()).isEqualTo("n2");
    assertThat(event.get("t").asLong()).isEqualTo(4 * MILLI);
    // The violation follows the delivery that caused it; only the halt comes after it.
    List<JsonNode> events = trace.events();
    int at = events.indexOf(event);
    assertThat(events.get(at - 1).get("type").asText()).isEqualTo("deliver");
    assertThat(events.subList(at + 1, events.size()))
        .extracting(e -> e.get("type").asText())
        .containsExactly("halt");
    assertThat(events.getLast().get("reason").asText()).isEqualTo("violation");
    assertThat(outcome.metrics()).containsEntry("violations.test.at-most-messages", 1L);
  }

  /** Counts the events it sees and, at the end, records the largest time it saw. */
  private static final class EventCounter implements Invariant {
    @Override
    public String name() {
      return "test.event-counter";
    }

    @Override
    public String description() {
      return "Never fails; measures.";
    }

    @Override
    public void afterEvent(InvariantContext context) {
      context.count("test.events", 1);
    }

    @Override
    public void atEnd(InvariantContext context) {
      context.recordMax("test.endNanos", context.nowNanos());
      context.recordMax("test.endNanos", 0);
    }
  }

  @Test
  void invariantsMayRecordRunMetricsWithoutChangingTheRun() {
    TraceCapture plain = new TraceCapture();
    RunOutcome without =
        builder(plain)
            .node(N1, chatter().factory())
            .node(N2, chatter().factory())
            .limits(Limits.of(10 * MILLI))
            .build()
            .run();
    TraceCapture measured = new TraceCapture();
    RunOutcome with =
        builder(measured)
            .node(N1, chatter().factory())
            .node(N2, chatter().factory())
            .invariant(new EventCounter())
            .limits(Limits.of(10 * MILLI))
            .build()
            .run();

    assertThat(with.fingerprint()).isEqualTo(without.fingerprint());
    assertThat(with.metrics()).containsEntry("test.endNanos", 10 * MILLI);
    assertThat(with.metrics().get("test.events")).isPositive();
    assertThat(without.metrics()).doesNotContainKey("test.events");
  }

  @Test
  void withoutStopOnViolationTheRunGoesOnAndRecordsEveryViolation() {
    TraceCapture trace = new TraceCapture();
    RunOutcome outcome =
        builder(trace)
            .node(N1, chatter().factory())
            .node(N2, chatter().factory())
            .invariant(new AtMostMessages(3))
            .stopOnViolation(false)
            .limits(Limits.of(10 * MILLI))
            .build()
            .run();
    assertThat(outcome.stopReason()).isEqualTo(StopReason.TIME_LIMIT);
    assertThat(outcome.violations()).hasSizeGreaterThan(1);
    assertThat(outcome.violations())
        .extracting(Violation::seq)
        .isEqualTo(trace.events("violation").stream().map(e -> e.get("seq").asLong()).toList());
  }

  @Test
  void anEndCheckFailureIsTracedBeforeTheHalt() {
    TraceCapture trace = new TraceCapture();
    Invariant eventually =
        new Invariant() {
          @Override
          public String name() {
            return "test.eventually";
          }

          @Override
          public String description() {
            return "Fails at the end, without a node.";
          }

          @Override
          public void afterEvent(InvariantContext context) {}

          @Override
          public void atEnd(InvariantContext context) {
            context.fail(null, "never happened");
          }
        };
    RunOutcome outcome =
        builder(trace).node(N1, new Script().factory()).invariant(eventually).build().run();
    assertThat(outcome.stopReason()).isEqualTo(StopReason.QUIESCENT);
    assertThat(trace.types()).containsExactly("start", "violation", "halt");
    JsonNode event = trace.events("violation").getFirst();
    assertThat(event.has("node")).isFalse();
    assertThat(outcome.violations().getFirst().seq()).isEqualTo(2);
  }

  @Test
  void invariantsSeeEveryEventAndTheStepThatWasTaken() {
    TraceCapture trace = new TraceCapture();
    StepRecorder recorder = new StepRecorder();
    Simulation simulation =
        builder(trace)
            .node(N1, chatter().factory())
            .node(N2, chatter().factory())
            .fault(new ScheduledFault(2 * MILLI + 500_000, new Fault.Heal()))
            .invariant(recorder)
            .limits(Limits.of(3 * MILLI))
            .build();
    simulation.run();
    // Two starts, ticks at 1, 2, 3 ms, deliveries at 2 and 3 ms, and the heal: 8 events.
    assertThat(recorder.checks()).isEqualTo(simulation.eventsProcessed()).isEqualTo(8);
    assertThat(recorder.endChecks()).isEqualTo(1);
    // At 2 ms the delivery comes before the tick: the tick at 1 ms sent before it re-armed.
    assertThat(recorder.steps())
        .extracting(step -> step.kind() + "@" + step.node())
        .containsExactly(
            "START@n1", "START@n2", "TIMER@n1", "MESSAGE@n2", "TIMER@n1", "MESSAGE@n2", "TIMER@n1");
    Step delivery = recorder.steps().get(3);
    assertThat(delivery.from()).isEqualTo(N1);
    assertThat(delivery.message()).isEqualTo(new Text("x"));
    assertThat(delivery.index()).as("n2's second step").isEqualTo(2);
    assertThat(recorder.steps().get(2).timer()).isEqualTo(new Tag("tick"));
  }

  @Test
  void everyInvariantSeesEachEventUnderTheSameNumberCountingFromOne() {
    StepRecorder first = new StepRecorder();
    StepRecorder second = new StepRecorder();
    Simulation simulation =
        builder(new TraceCapture())
            .node(N1, chatter().factory())
            .node(N2, chatter().factory())
            .fault(new ScheduledFault(2 * MILLI + 500_000, new Fault.Heal()))
            .invariant(first)
            .invariant(second)
            .limits(Limits.of(3 * MILLI))
            .build();
    simulation.run();
    // The same 8 events as above, a fault among them: numbered 1 to 8 for both, one step object.
    assertThat(first.eventNumbers()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(second.eventNumbers()).isEqualTo(first.eventNumbers());
  }

  @Test
  void groundTruthOrdersAMessageChainAndLeavesIndependentTimersConcurrent() {
    TraceCapture trace = new TraceCapture();
    StepRecorder recorder = new StepRecorder();
    Script relay =
        new Script()
            .onStart(
                (node, context) -> {
                  if (context.self().equals(N1)) {
                    context.send(N2, new Text("relay me"));
                  } else if (context.self().equals(N4) || context.self().equals(N5)) {
                    context.setTimer(new Tag("alone"), 10 * MILLI);
                  }
                })
            .onMessage(
                (node, context, from, message) -> {
                  if (context.self().equals(N2)) {
                    context.send(N3, message);
                  }
                });
    builder(trace)
        .node(N1, relay.factory())
        .node(N2, relay.factory())
        .node(N3, relay.factory())
        .node(N4, relay.factory())
        .node(N5, relay.factory())
        .invariant(recorder)
        .build()
        .run();

    Step a = find(recorder, N1, Step.Kind.START);
    Step b = find(recorder, N2, Step.Kind.MESSAGE);
    Step c = find(recorder, N3, Step.Kind.MESSAGE);
    assertThat(a.truth().happenedBefore(b.truth())).isTrue();
    assertThat(b.truth().happenedBefore(c.truth())).isTrue();
    assertThat(a.truth().happenedBefore(c.truth())).as("transitively").isTrue();
    assertThat(c.truth().happenedBefore(a.truth())).isFalse();
    assertThat(a.truth().happenedBefore(a.truth())).as("irreflexive").isFalse();
    assertThat(c.truth().count(N1)).isEqualTo(1);
    assertThat(c.truth().count(N2)).isEqualTo(2);
    assertThat(c.truth().nodes()).containsExactly(N1, N2, N3, N4, N5);
    assertThat(c.truth()).hasToString("{n1=1, n2=2, n3=2}");

    // Two nodes that never exchange a message: their timer steps are concurrent, both ways, and
    // concurrent with the whole chain.
    Step timerAtN4 = find(recorder, N4, Step.Kind.TIMER);
    Step timerAtN5 = find(recorder, N5, Step.Kind.TIMER);
    assertThat(timerAtN4.truth().isConcurrentWith(timerAtN5.truth())).isTrue();
    assertThat(timerAtN5.truth().isConcurrentWith(timerAtN4.truth())).isTrue();
    assertThat(timerAtN4.truth().happenedBefore(timerAtN5.truth())).isFalse();
    assertThat(timerAtN4.truth().isConcurrentWith(c.truth())).isTrue();
    assertThat(timerAtN4.truth().isConcurrentWith(timerAtN4.truth())).as("a step is not").isFalse();
    // A node's own steps are ordered: its start happened before its timer.
    assertThat(find(recorder, N4, Step.Kind.START).truth().happenedBefore(timerAtN4.truth()))
        .isTrue();
    assertThat(timerAtN4.truth()).hasToString("{n4=2}");
    assertThat(timerAtN4.index()).isEqualTo(2);
  }

  /**
   * Keeps, after every event, the step itself, its copy and its stamp, with the text each had then:
   * the engine reuses one step object (valid until the next event), while a copy and a stamp keep
   * what they were, also the stamp of a step whose deliveries carry it.
   */
  private static final class Keeper implements Invariant {
    final List<Step> kept = new ArrayList<>();
    final List<Step> copies = new ArrayList<>();
    final List<VectorStamp> stamps = new ArrayList<>();
    final List<String> stampsThen = new ArrayList<>();
    final List<String> copiesThen = new ArrayList<>();

    @Override
    public String name() {
      return "test.keeper";
    }

    @Override
    public String description() {
      return "Keeps steps and stamps; always holds.";
    }

    @Override
    public void afterEvent(InvariantContext context) {
      context
          .lastStep()
          .ifPresent(
              step -> {
                kept.add(step);
                copies.add(step.copy());
                stamps.add(step.truth());
                stampsThen.add(step.truth().toString());
                copiesThen.add(step.index() + " " + step.copy());
              });
    }
  }

  @Test
  void aStepIsValidUntilTheNextEventWhileItsCopyAndItsStampKeepTheirValues() {
    Keeper keeper = new Keeper();
    builder(new TraceCapture())
        .node(N1, chatter().factory())
        .node(N2, chatter().factory())
        .invariant(keeper)
        .limits(Limits.of(5 * MILLI))
        .build()
        .run();

    assertThat(keeper.kept).hasSizeGreaterThan(4);
    assertThat(keeper.stamps).extracting(VectorStamp::toString).isEqualTo(keeper.stampsThen);
    assertThat(keeper.copies)
        .extracting(step -> step.index() + " " + step)
        .isEqualTo(keeper.copiesThen);
    assertThat(keeper.copies).doesNotHaveDuplicates();
    // The step object itself is the engine's, filled anew by each step: kept, it shows the last.
    assertThat(keeper.kept).allSatisfy(step -> assertThat(step).isSameAs(keeper.kept.getLast()));
    assertThat(keeper.copies.getLast().copy()).isSameAs(keeper.copies.getLast());
  }

  private static Step find(StepRecorder recorder, NodeId node, Step.Kind kind) {
    return recorder.steps().stream()
        .filter(step -> step.node().equals(node) && step.kind() == kind)
        .findFirst()
        .orElseThrow();
  }

  /** Samples, at 12 ms, what the ground-truth reads say about n2 and n3. */
  private static final class GroundTruthProbe implements Invariant {
    long pausedAt12 = -1;
    long lastPausedAt12;
    long blockedDropAt12;
    long lossDropAt12;
    long lastPausedAtEnd;

    @Override
    public String name() {
      return "test.ground-truth";
    }

    @Override
    public String description() {
      return "Reads pauses and drops.";
    }

    @Override
    public void afterEvent(InvariantContext context) {
      if (pausedAt12 < 0 && context.nowNanos() >= 12 * MILLI) {
        pausedAt12 = context.isPaused(N2) ? 1 : 0;
        lastPausedAt12 = context.lastPausedNanos(N2);
        blockedDropAt12 = context.lastDropNanos(N3, faultline.engine.net.DropReason.BLOCKED);
        lossDropAt12 = context.lastDropNanos(N3, faultline.engine.net.DropReason.LOSS);
        context.note(N2, "sampled");
      }
    }

    @Override
    public void atEnd(InvariantContext context) {
      lastPausedAtEnd = context.lastPausedNanos(N2);
    }
  }

  @Test
  void checkersSeePausesAndDropsAsGroundTruth() {
    GroundTruthProbe probe = new GroundTruthProbe();
    TraceCapture trace = new TraceCapture();
    Script toN3 =
        new Script()
            .onStart(
                (node, context) -> {
                  if (context.self().equals(N1)) {
                    context.setTimer(new Tag("tick"), MILLI);
                  }
                })
            .onTimer(
                (node, context, timer) -> {
                  context.send(N3, new Text("x"));
                  context.setTimer(timer, MILLI);
                });
    builder(trace)
        .node(N1, toN3.factory())
        .node(N2, toN3.factory())
        .node(N3, toN3.factory())
        .fault(new ScheduledFault(10 * MILLI, new Fault.Pause(N2, 5 * MILLI)))
        .fault(new ScheduledFault(3 * MILLI, new Fault.Block(N1, N3)))
        .fault(new ScheduledFault(6 * MILLI, new Fault.Unblock(N1, N3)))
        .invariant(probe)
        .limits(Limits.of(20 * MILLI))
        .build()
        .run();

    assertThat(probe.pausedAt12).isEqualTo(1);
    assertThat(probe.lastPausedAt12).isEqualTo(12 * MILLI);
    assertThat(probe.blockedDropAt12).isBetween(3 * MILLI, 6 * MILLI);
    assertThat(probe.lossDropAt12).isEqualTo(Long.MIN_VALUE);
    assertThat(probe.lastPausedAtEnd).isEqualTo(15 * MILLI);
    assertThat(trace.events("note"))
        .anySatisfy(note -> assertThat(note.get("text").asText()).isEqualTo("sampled"));
  }

  /**
   * "Persisted before replying", checked directly: each reply n2 sends must name a number already
   * synced on n2's disk. n2 syncs before its first two replies and forgets to before the third.
   */
  @Test
  void anInvariantSeesWhatAStepSentAndWhatIsOnTheSenderSyncedDisk() {
    List<List<Sent>> sentByN2 = new ArrayList<>();
    Invariant persistedBeforeReply =
        new Invariant() {
          @Override
          public String name() {
            return "test.persisted-before-reply";
          }

          @Override
          public String description() {
            return "n2 replies only with what is synced.";
          }

          @Override
          public void afterEvent(InvariantContext context) {
            if (context.lastStep().map(step -> !step.node().equals(N2)).orElse(true)) {
              return;
            }
            sentByN2.add(List.copyOf(context.lastStepSent())); // Valid for this event only.
            for (Sent sent : context.lastStepSent()) {
              Object synced = context.syncedStorage(N2).get("last");
              if (!sent.message().equals(new Text(String.valueOf(synced)))) {
                context.fail(N2, "replied " + sent.message() + " with " + synced + " synced");
              }
            }
          }
        };
    Script script =
        new Script()
            .onStart(
                (node, context) -> {
                  if (context.self().equals(N1)) {
                    for (int i = 1; i <= 3; i++) {
                      context.setTimer(new Tag("ask" + i), i * MILLI);
                    }
                  }
                })
            .onTimer((node, context, timer) -> context.send(N2, new Text(timer.toString())))
            .onMessage(
                (node, context, from, message) -> {
                  if (context.self().equals(N1)) {
                    return;
                  }
                  int replies = node.inputs().size() - 1; // Inputs include the start.
                  context.storage().put("last", String.valueOf(replies));
                  if (replies < 3) {
                    context.storage().sync();
                  }
                  context.send(from, new Text(String.valueOf(replies)));
                });
    RunOutcome outcome =
        builder(new TraceCapture())
            .node(N1, script.factory())
            .node(N2, script.factory())
            .invariant(persistedBeforeReply)
            .build()
            .run();
    assertThat(sentByN2).hasSize(4); // The start, then three requests.
    assertThat(sentByN2.get(0)).isEmpty();
    assertThat(sentByN2.get(1)).containsExactly(new Sent(N1, new Text("1")));
    assertThat(outcome.violations())
        .extracting(Violation::message)
        .containsExactly("replied Text[text=3] with 2 synced");
  }

  /**
   * A step's sends read by index (count, recipient, message) are its list of sends, in order, with
   * other effects between them skipped, before and after the list is made; an index beyond the
   * count is refused; after a fault there are none.
   */
  @Test
  void aStepsSendsReadByIndexAreItsListOfSends() {
    List<List<Sent>> byIndex = new ArrayList<>();
    List<List<Sent>> listed = new ArrayList<>();
    List<Integer> afterFaults = new ArrayList<>();
    Invariant reader =
        new Invariant() {
          @Override
          public String name() {
            return "test.sends-by-index";
          }

          @Override
          public String description() {
            return "Reads every step's sends both ways.";
          }

          @Override
          public void afterEvent(InvariantContext context) {
            if (context.lastStep().isEmpty()) {
              afterFaults.add(context.lastStepSentCount());
              return;
            }
            boolean listFirst = context.eventNumber() % 2 == 0;
            if (listFirst) {
              listed.add(List.copyOf(context.lastStepSent()));
            }
            List<Sent> read = new ArrayList<>();
            for (int i = 0; i < context.lastStepSentCount(); i++) {
              read.add(new Sent(context.lastStepSentTo(i), context.lastStepSentMessage(i)));
            }
            byIndex.add(read);
            if (!listFirst) {
              listed.add(List.copyOf(context.lastStepSent()));
            }
            int count = context.lastStepSentCount();
            assertThatThrownBy(() -> context.lastStepSentTo(count))
                .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> context.lastStepSentMessage(-1))
                .isInstanceOf(IndexOutOfBoundsException.class);
          }
        };
    Script script =
        new Script()
            .onStart(
                (node, context) -> {
                  if (context.self().equals(N1)) {
                    context.send(N2, new Text("a"));
                    context.setTimer(new Tag("t"), MILLI);
                    context.send(NodeId.of("n3"), new Text("b")); // Equal to N3, not the same.
                    context.note("between");
                    context.send(N2, new Text("c"));
                  }
                })
            .onMessage(
                (node, context, from, message) -> {
                  if (!context.self().equals(N1)) {
                    context.send(from, new Text("re " + message));
                  }
                });
    builder(new TraceCapture())
        .node(N1, script.factory())
        .node(N2, script.factory())
        .node(N3, script.factory())
        .invariant(reader)
        .fault(new ScheduledFault(5 * MILLI, new Fault.Crash(N3, false)))
        .build()
        .run();

    assertThat(byIndex).isEqualTo(listed);
    assertThat(byIndex)
        .contains(
            List.of(
                new Sent(N2, new Text("a")),
                new Sent(N3, new Text("b")),
                new Sent(N2, new Text("c"))));
    assertThat(byIndex).contains(List.of(new Sent(N1, new Text("re Text[text=a]"))));
    assertThat(afterFaults).containsExactly(0);
  }
}
