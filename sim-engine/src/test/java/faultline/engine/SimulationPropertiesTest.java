package faultline.engine;

import static faultline.engine.SimulationTest.N1;
import static faultline.engine.SimulationTest.N2;
import static faultline.engine.SimulationTest.builder;
import static faultline.engine.time.Nanos.MILLI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import faultline.engine.RunOutcome.StopReason;
import faultline.engine.check.Eventually;
import faultline.engine.check.EventuallyResult;
import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.check.Sometimes;
import faultline.engine.check.SometimesResult;
import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.testing.Script;
import faultline.engine.testing.ScriptedNode;
import faultline.engine.testing.Tag;
import faultline.engine.testing.Text;
import faultline.engine.testing.TraceCapture;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Sometimes and eventually properties. How it works: n1 sends n2 a message every millisecond (each
 * arrives 1 ms later), so the moment n2 has handled its k-th message is known (k + 1 ms) and can be
 * matched to its delivery in the trace; eventually properties report the time and count they saw,
 * so the judging moment can be checked.
 */
class SimulationPropertiesTest {
  private static int received(InvariantContext context) {
    return context
        .node(N2, ScriptedNode.class)
        .map(node -> (int) node.inputs().stream().filter(i -> i.kind().equals("msg")).count())
        .orElse(0);
  }

  /** Reached once n2 has handled {@code count} messages; counts how often it was asked. */
  private static final class Received implements Sometimes {
    private final int count;
    int asked;

    Received(int count) {
      this.count = count;
    }

    @Override
    public String name() {
      return "test.received-" + count;
    }

    @Override
    public String description() {
      return "n2 handled " + count + " messages.";
    }

    @Override
    public boolean reached(InvariantContext context) {
      asked++;
      return received(context) >= count;
    }
  }

  /** Holds when n2 has handled at least {@code count}; its message says when it was judged. */
  private record AtLeast(int count) implements Eventually {
    @Override
    public String name() {
      return "test.at-least-" + count;
    }

    @Override
    public String description() {
      return "n2 handles at least " + count + " messages.";
    }

    @Override
    public Optional<String> judge(InvariantContext context) {
      int received = received(context);
      return received >= count
          ? Optional.empty()
          : Optional.of(received + " at " + context.nowNanos());
    }
  }

  /** Fails at once. */
  private record Never() implements Invariant {
    @Override
    public String name() {
      return "test.never";
    }

    @Override
    public String description() {
      return "Never holds.";
    }

    @Override
    public void afterEvent(InvariantContext context) {
      context.fail(null, "failed");
    }
  }

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

  private static SimulationBuilder chatterRun(TraceCapture trace, long durationNanos) {
    return builder(trace)
        .node(N1, chatter().factory())
        .node(N2, chatter().factory())
        .limits(Limits.of(durationNanos));
  }

  @Test
  void aSometimesPropertyIsRecordedAtTheEventAfterWhichItFirstHeldAndNeverAskedAgain() {
    TraceCapture trace = new TraceCapture();
    Received third = new Received(3);
    RunOutcome outcome = chatterRun(trace, 20 * MILLI).sometimes(third).build().run();

    SometimesResult result = outcome.sometimes().getFirst();
    assertThat(result.reached()).isTrue();
    assertThat(result.timeNanos()).isEqualTo(4 * MILLI);
    JsonNode thirdDelivery = trace.events("deliver").get(2);
    assertThat(result.seq()).isEqualTo(thirdDelivery.get("seq").asLong());
    assertThat(result.description()).isEqualTo("n2 handled 3 messages.");
    int askedAtTheEnd = third.asked;
    assertThat(askedAtTheEnd).isLessThan((int) outcome.events() / 2); // Not after it was reached.
    assertThat(outcome.verdict()).isEqualTo(RunOutcome.Verdict.PASSED);
  }

  @Test
  void anUnreachedPropertyIsListedAsNotReachedAndChangesNeitherVerdictNorFingerprint() {
    RunOutcome plain = chatterRun(new TraceCapture(), 20 * MILLI).build().run();
    RunOutcome watched =
        chatterRun(new TraceCapture(), 20 * MILLI)
            .sometimes(new Received(1000))
            .sometimes(new Received(2))
            .eventually(new AtLeast(5))
            .build()
            .run();

    assertThat(watched.sometimes())
        .extracting(SometimesResult::property, SometimesResult::reached, SometimesResult::seq)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("test.received-1000", false, -1L),
            org.assertj.core.groups.Tuple.tuple(
                "test.received-2", true, watched.sometimes().get(1).seq()));
    assertThat(watched.verdict()).isEqualTo(RunOutcome.Verdict.PASSED);
    assertThat(watched.fingerprint()).isEqualTo(plain.fingerprint());
    assertThat(watched.events()).isEqualTo(plain.events());
  }

  @Test
  void eventuallyPropertiesAreJudgedAtTheEndByDefault() {
    TraceCapture trace = new TraceCapture();
    RunOutcome outcome =
        chatterRun(trace, 20 * MILLI)
            .eventually(new AtLeast(5))
            .eventually(new AtLeast(500))
            .build()
            .run();

    EventuallyResult held = outcome.eventually().get(0);
    EventuallyResult failed = outcome.eventually().get(1);
    assertThat(held.status()).isEqualTo(EventuallyResult.Status.HELD);
    assertThat(held.timeNanos()).isEqualTo(20 * MILLI);
    assertThat(failed.status()).isEqualTo(EventuallyResult.Status.FAILED);
    assertThat(failed.message()).isEqualTo("19 at " + 20 * MILLI);
    // Judged after the last event and before the halt, which is not counted in the seq.
    long lastBeforeHalt = trace.events().get(trace.events().size() - 2).get("seq").asLong();
    assertThat(failed.seq()).isEqualTo(lastBeforeHalt);
    assertThat(outcome.violations()).isEmpty();
    assertThat(outcome.failedEventually()).containsExactly(failed);
    assertThat(outcome.verdict()).isEqualTo(RunOutcome.Verdict.VIOLATED);
  }

  @Test
  void afterAQuietWindowTheyAreJudgedOnTheStateAtThatMoment() {
    // n2 pauses from 10 ms to 30 ms; quiet for 5 ms after, they are judged at 35 ms.
    RunOutcome outcome =
        chatterRun(new TraceCapture(), 100 * MILLI)
            .fault(new ScheduledFault(10 * MILLI, new Fault.Pause(N2, 20 * MILLI)))
            .eventually(new AtLeast(1000))
            .judgeEventuallyAfterQuiet(5 * MILLI)
            .build()
            .run();

    EventuallyResult result = outcome.eventually().getFirst();
    assertThat(result.timeNanos()).isEqualTo(35 * MILLI);
    assertThat(result.message()).endsWith(" at " + 35 * MILLI);
    int seen = Integer.parseInt(result.message().split(" ")[0]);
    assertThat(seen).isBetween(9, 34); // Only what was handled by 35 ms, not the rest of the run.
  }

  @Test
  void aRunThatRunsOutOfEventsIsJudgedAtTheMomentItsStateCanNoLongerChange() {
    // Nothing but two starts: the queue empties at 0 s, so the state at 5 ms is the final one.
    RunOutcome outcome =
        builder(new TraceCapture())
            .node(N1, new Script().factory())
            .node(N2, new Script().factory())
            .limits(Limits.of(100 * MILLI))
            .eventually(new AtLeast(1))
            .judgeEventuallyAfterQuiet(5 * MILLI)
            .build()
            .run();

    assertThat(outcome.stopReason()).isEqualTo(StopReason.QUIESCENT);
    EventuallyResult result = outcome.eventually().getFirst();
    assertThat(result.status()).isEqualTo(EventuallyResult.Status.FAILED);
    assertThat(result.timeNanos()).isEqualTo(5 * MILLI);
    assertThat(result.message()).isEqualTo("0 at " + 5 * MILLI);
    assertThat(outcome.endNanos()).isZero(); // Judging moves no clock of the run.
  }

  @Test
  void theyAreNotJudgedWhenTheRunStopsAtAViolationOrEndsBeforeTheQuietWindowIsOver() {
    RunOutcome stopped =
        chatterRun(new TraceCapture(), 20 * MILLI)
            .invariant(new Never())
            .eventually(new AtLeast(1))
            .build()
            .run();
    assertThat(stopped.stopReason()).isEqualTo(StopReason.VIOLATION);
    assertThat(stopped.eventually().getFirst().status())
        .isEqualTo(EventuallyResult.Status.NOT_JUDGED);
    assertThat(stopped.eventually().getFirst().message())
        .isEqualTo("the run stopped at the first violation");

    RunOutcome tooShort =
        chatterRun(new TraceCapture(), 20 * MILLI)
            .eventually(new AtLeast(1))
            .judgeEventuallyAfterQuiet(50 * MILLI)
            .build()
            .run();
    EventuallyResult result = tooShort.eventually().getFirst();
    assertThat(result.status()).isEqualTo(EventuallyResult.Status.NOT_JUDGED);
    assertThat(result.message())
        .isEqualTo(
            "the run ended at 0.020 s, before the faults had been over for the quiet window (at"
                + " 0.050 s)");
    assertThat(tooShort.verdict()).isEqualTo(RunOutcome.Verdict.PASSED);
  }
}
