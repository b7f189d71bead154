package faultline.engine;

import static faultline.engine.SimulationTest.N1;
import static faultline.engine.SimulationTest.N2;
import static faultline.engine.SimulationTest.builder;
import static faultline.engine.time.Nanos.MILLI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.RunOutcome.StopReason;
import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.net.Latency;
import faultline.engine.net.LinkPolicy;
import faultline.engine.testing.Script;
import faultline.engine.testing.Tag;
import faultline.engine.testing.Text;
import faultline.engine.testing.TraceCapture;
import org.junit.jupiter.api.Test;

/**
 * Every run ends, and says why. How it works: each test gives a protocol that would run forever (a
 * timer that always re-arms) or floods the queue, sets one limit low, and checks the stop reason,
 * where time stood, how many events ran, and the trace's closing {@code halt} event.
 */
class SimulationLimitsTest {

  /** A node whose timer re-arms itself every millisecond, forever. */
  private static Script forever() {
    return new Script()
        .onStart((node, context) -> context.setTimer(new Tag("tick"), MILLI))
        .onTimer((node, context, timer) -> context.setTimer(timer, MILLI));
  }

  @Test
  void theTimeLimitEndsARunThatWouldGoOnForever() {
    TraceCapture trace = new TraceCapture();
    RunOutcome outcome =
        builder(trace).node(N1, forever().factory()).limits(Limits.of(50 * MILLI)).build().run();
    assertThat(outcome.stopReason()).isEqualTo(StopReason.TIME_LIMIT);
    assertThat(outcome.endNanos()).isEqualTo(50 * MILLI);
    // Events due exactly at the limit still run: ticks at 1..50 ms.
    assertThat(trace.events("timer")).hasSize(50);
    assertThat(trace.events("halt").getFirst().get("reason").asText()).isEqualTo("time-limit");
    assertThat(trace.events("halt").getFirst().get("t").asLong()).isEqualTo(50 * MILLI);
  }

  @Test
  void theEventLimitEndsARunAfterExactlyThatManyEvents() {
    TraceCapture trace = new TraceCapture();
    Simulation simulation =
        builder(trace)
            .node(N1, forever().factory())
            .limits(new Limits(10_000 * MILLI, 100, 1_000))
            .build();
    RunOutcome outcome = simulation.run();
    assertThat(outcome.stopReason()).isEqualTo(StopReason.EVENT_LIMIT);
    assertThat(simulation.eventsProcessed()).isEqualTo(100);
    assertThat(trace.events("timer")).hasSize(99); // The start, then 99 ticks.
    assertThat(outcome.endNanos()).isEqualTo(99 * MILLI);
    assertThat(trace.events("halt").getFirst().get("reason").asText()).isEqualTo("event-limit");
  }

  @Test
  void theQueueLimitStopsAFloodingNode() {
    TraceCapture trace = new TraceCapture();
    Script flooder =
        new Script()
            .onStart(
                (node, context) -> {
                  if (context.self().equals(N1)) {
                    context.setTimer(new Tag("flood"), MILLI);
                  }
                })
            .onTimer(
                (node, context, timer) -> {
                  for (int i = 0; i < 40; i++) {
                    context.send(N2, new Text("spam"));
                  }
                  context.setTimer(timer, MILLI);
                });
    Simulation simulation =
        builder(trace)
            .network(LinkPolicy.defaults().withLatency(Latency.constant(1_000 * MILLI)))
            .node(N1, flooder.factory())
            .node(N2, flooder.factory())
            .limits(new Limits(10_000 * MILLI, 1_000_000, 100))
            .build();
    RunOutcome outcome = simulation.run();
    // 40 messages a tick, none delivered for a second: after the third tick 121 events wait.
    assertThat(outcome.stopReason()).isEqualTo(StopReason.QUEUE_LIMIT);
    assertThat(outcome.endNanos()).isEqualTo(3 * MILLI);
    assertThat(trace.events("send")).hasSize(120);
    assertThat(trace.events("halt").getFirst().get("reason").asText()).isEqualTo("queue-limit");
  }

  @Test
  void aRunWithNothingLeftToDoIsQuiescent() {
    TraceCapture trace = new TraceCapture();
    RunOutcome outcome =
        builder(trace)
            .node(
                N1,
                new Script().onStart((n, c) -> c.setTimer(new Tag("once"), 7 * MILLI)).factory())
            .build()
            .run();
    assertThat(outcome.stopReason()).isEqualTo(StopReason.QUIESCENT);
    assertThat(outcome.endNanos()).isEqualTo(7 * MILLI);
  }

  @Test
  void runUntilStopsAtTheDeadlineAndTheRunGoesOnFromThere() {
    TraceCapture trace = new TraceCapture();
    Simulation simulation =
        builder(trace).node(N1, forever().factory()).limits(Limits.of(20 * MILLI)).build();
    assertThat(simulation.runUntil(5 * MILLI)).isTrue();
    assertThat(simulation.nowNanos()).isEqualTo(5 * MILLI);
    assertThat(simulation.isStopped()).isFalse();
    assertThat(trace.events("timer")).hasSize(5);
    assertThat(simulation.runUntil(1_000 * MILLI)).as("capped by the time limit").isFalse();
    assertThat(simulation.isStopped()).isTrue();
    RunOutcome outcome = simulation.finish();
    assertThat(outcome.stopReason()).isEqualTo(StopReason.TIME_LIMIT);
    assertThat(simulation.finish()).as("finishing twice gives the same outcome").isSameAs(outcome);
  }

  @Test
  void aMonitorStopsARunBetweenEventsAndTheRunSaysWhy() {
    TraceCapture trace = new TraceCapture();
    long[] askedAt = new long[2];
    RunMonitor stopsOnSecondCall =
        (events, nowNanos) -> {
          askedAt[askedAt[0] == 0 ? 0 : 1] = events;
          return askedAt[1] == 0 ? null : StopReason.INTERRUPTED;
        };
    RunOutcome outcome =
        builder(trace)
            .node(N1, forever().factory())
            .limits(new Limits(1_000_000 * MILLI, 10_000_000, 1_000))
            .monitor(stopsOnSecondCall)
            .build()
            .run();
    assertThat(askedAt)
        .containsExactly(RunMonitor.EVENTS_BETWEEN_CALLS, 2L * RunMonitor.EVENTS_BETWEEN_CALLS);
    assertThat(outcome.stopReason()).isEqualTo(StopReason.INTERRUPTED);
    assertThat(outcome.stoppedByLimit()).as("a run cut short is not whole").isTrue();
    assertThat(outcome.events()).isEqualTo(2L * RunMonitor.EVENTS_BETWEEN_CALLS + 1); // + halt
    assertThat(trace.events("halt").getFirst().get("reason").asText()).isEqualTo("interrupted");
  }

  @Test
  void aMonitorThatLetsTheRunGoOnChangesNothingInIt() {
    Limits limits = Limits.of(40_000 * MILLI);
    RunOutcome unwatched =
        builder(new TraceCapture()).node(N1, forever().factory()).limits(limits).build().run();
    long[] calls = new long[1];
    RunOutcome watched =
        builder(new TraceCapture())
            .node(N1, forever().factory())
            .limits(limits)
            .monitor(
                (events, nowNanos) -> {
                  calls[0]++;
                  return null;
                })
            .build()
            .run();
    assertThat(calls[0]).isEqualTo(40_000 / RunMonitor.EVENTS_BETWEEN_CALLS);
    assertThat(watched).isEqualTo(unwatched);
  }

  @Test
  void aViolationAtTheMonitorsTurnStillStopsTheRun() {
    Invariant failsAtTheMonitorsTurn =
        new Invariant() {
          private long checks;

          @Override
          public String name() {
            return "test.fails-late";
          }

          @Override
          public String description() {
            return "fails on the event after which the monitor is asked";
          }

          @Override
          public void afterEvent(InvariantContext context) {
            if (++checks == RunMonitor.EVENTS_BETWEEN_CALLS) {
              context.fail(N1, "planted");
            }
          }
        };
    RunOutcome outcome =
        builder(new TraceCapture())
            .node(N1, forever().factory())
            .limits(Limits.of(40_000 * MILLI))
            .invariant(failsAtTheMonitorsTurn)
            .stopOnViolation(true)
            .monitor((events, nowNanos) -> null)
            .build()
            .run();
    assertThat(outcome.stopReason()).isEqualTo(StopReason.VIOLATION);
  }

  @Test
  void aMonitorMayOnlyStopARunAsInterruptedOrOutOfWallClockTime() {
    Simulation simulation =
        builder(new TraceCapture())
            .node(N1, forever().factory())
            .limits(Limits.of(100_000 * MILLI))
            .monitor((events, nowNanos) -> StopReason.TIME_LIMIT)
            .build();
    assertThatThrownBy(simulation::run).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void limitsAndFaultsMustBePossible() {
    assertThatThrownBy(() -> new Limits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Limits(1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Limits(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ScheduledFault(-1, new Fault.Heal()))
        .isInstanceOf(IllegalArgumentException.class);
    // A negative pause would schedule its resume in the past and trip the engine's time check.
    assertThatThrownBy(() -> new Fault.Pause(N1, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                builder(new TraceCapture())
                    .node(N1, forever().factory())
                    .limits(Limits.of(10 * MILLI))
                    .fault(new ScheduledFault(11 * MILLI, new Fault.Heal()))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
