package faultline.engine;

import static faultline.engine.SimulationTest.N1;
import static faultline.engine.SimulationTest.N2;
import static faultline.engine.SimulationTest.N3;
import static faultline.engine.SimulationTest.builder;
import static faultline.engine.time.Nanos.MILLI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.check.Eventually;
import faultline.engine.check.EventuallyResult;
import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.check.Sometimes;
import faultline.engine.check.Step;
import faultline.engine.testing.Script;
import faultline.engine.testing.StepRecorder;
import faultline.engine.testing.Tag;
import faultline.engine.testing.Text;
import faultline.engine.testing.TraceCapture;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The causal history is tracked only when some check of the run may read it. How it works: the same
 * three-node relay runs with a check that reads the history (the default) and with checks that all
 * declare they do not; the first gets the stamps, the second makes none yet numbers the same steps,
 * and a check that declared it does not read the history but asks is named in the error.
 */
class CausalHistoryTrackingTest {
  /** n1 ticks every millisecond and sends to n2, which relays to n3 and back to n1. */
  private static Script relay() {
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
            })
        .onMessage(
            (node, context, from, message) -> {
              if (context.self().equals(N2)) {
                context.send(N3, message);
                context.send(N1, message);
              }
            });
  }

  /** Reads each step through {@code read}; declares whether it reads the causal history. */
  private record Reader(String name, boolean readsCausalHistory, Consumer<InvariantContext> read)
      implements Invariant {
    @Override
    public String description() {
      return "Reads what it is given; always holds.";
    }

    @Override
    public void afterEvent(InvariantContext context) {
      read.accept(context);
    }
  }

  /** Keeps each step's node, kind and index: what a run that tracks no history still knows. */
  private static Reader indexKeeper(List<String> indices) {
    return new Reader(
        "test.index-keeper",
        false,
        context ->
            context
                .lastStep()
                .ifPresent(s -> indices.add(s.node() + " " + s.kind() + " " + s.index())));
  }

  /** n1, n2 and n3 running {@link #relay()} for {@code forNanos}. */
  private static SimulationBuilder relayCluster(long forNanos) {
    return builder(new TraceCapture())
        .node(N1, relay().factory())
        .node(N2, relay().factory())
        .node(N3, relay().factory())
        .limits(Limits.of(forNanos));
  }

  private static Simulation relayRun(Invariant... invariants) {
    SimulationBuilder builder = relayCluster(20 * MILLI);
    for (Invariant invariant : invariants) {
      builder.invariant(invariant);
    }
    return builder.build();
  }

  @Test
  void aRunWithACheckThatReadsTheHistoryGetsTheSameStampsAsOneWithOnlyThatCheck() {
    StepRecorder alone = new StepRecorder();
    Simulation readerOnly = relayRun(alone);
    RunOutcome readerOnlyOutcome = readerOnly.run();
    StepRecorder withOthers = new StepRecorder();
    Simulation mixed = relayRun(indexKeeper(new ArrayList<>()), withOthers);
    RunOutcome mixedOutcome = mixed.run();

    assertThat(mixed.tracksCausalHistory()).isTrue();
    assertThat(mixed.stampsMade()).isPositive();
    assertThat(withOthers.steps()).hasSizeGreaterThan(20);
    assertThat(withOthers.steps())
        .extracting(step -> step.node() + " " + step.index() + " " + step.truth())
        .isEqualTo(
            alone.steps().stream()
                .map(step -> step.node() + " " + step.index() + " " + step.truth())
                .toList());
    assertThat(mixedOutcome.fingerprint()).isEqualTo(readerOnlyOutcome.fingerprint());
  }

  @Test
  void aRunWhoseChecksAllDeclareTheyDoNotReadTheHistoryMakesNoStampAndStillNumbersSteps() {
    List<String> tracked = new ArrayList<>();
    Simulation trackedRun = relayRun(indexKeeper(tracked), new StepRecorder());
    RunOutcome trackedOutcome = trackedRun.run();
    List<String> untracked = new ArrayList<>();
    List<Step> copies = new ArrayList<>();
    Simulation untrackedRun =
        relayRun(
            indexKeeper(untracked),
            new Reader(
                "test.copier",
                false,
                context -> context.lastStep().ifPresent(s -> copies.add(s.copy()))));
    RunOutcome untrackedOutcome = untrackedRun.run();

    assertThat(untrackedRun.tracksCausalHistory()).isFalse();
    assertThat(untrackedRun.stampsMade()).isZero();
    assertThat(untracked).hasSizeGreaterThan(20).isEqualTo(tracked);
    assertThat(untrackedOutcome.fingerprint()).isEqualTo(trackedOutcome.fingerprint());
    // A copy keeps its index; its truth fails as the live step's would have, naming the copier.
    Step last = copies.getLast();
    assertThat(last.index()).isEqualTo(Long.parseLong(untracked.getLast().split(" ")[2]));
    assertThat(last.copy()).isSameAs(last);
    assertThatThrownBy(last::truth)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the check test.copier read Step.truth() of a copied step");
  }

  @Test
  void aCheckThatDeclaredItDoesNotReadTheHistoryButReadsATruthIsNamed() {
    Simulation run =
        relayRun(
            new Reader("test.sneaky", false, context -> context.lastStep().ifPresent(Step::truth)));

    assertThatThrownBy(run::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the check test.sneaky read Step.truth(), but this run does not track the causal"
                + " history: every invariant and property of it declared readsCausalHistory()"
                + " false, test.sneaky included; if it reads it, it must not override"
                + " readsCausalHistory() to return false");
  }

  @Test
  void aCheckThatDeclaredItDoesNotReadTheHistoryButReadsTheCausalFloorIsNamed() {
    Simulation run = relayRun(new Reader("test.floor", false, context -> context.causalFloor(N1)));

    assertThatThrownBy(run::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the check test.floor read InvariantContext.causalFloor,");
  }

  @Test
  void propertiesDeclareTooAndAreNamedWhenTheyReadTheHistoryUndeclared() {
    Sometimes sometimes =
        new Sometimes() {
          @Override
          public String name() {
            return "test.sometimes-reads";
          }

          @Override
          public String description() {
            return "Reads a step's truth.";
          }

          @Override
          public boolean reached(InvariantContext context) {
            return context.lastStep().map(Step::truth).isPresent();
          }

          @Override
          public boolean readsCausalHistory() {
            return false;
          }
        };
    Simulation sometimesRun = relayCluster(5 * MILLI).sometimes(sometimes).build();
    assertThatThrownBy(sometimesRun::run)
        .hasMessageStartingWith("the check test.sometimes-reads read Step.truth(),");

    Eventually eventually =
        new Eventually() {
          @Override
          public String name() {
            return "test.eventually-reads";
          }

          @Override
          public String description() {
            return "Reads the causal floor.";
          }

          @Override
          public Optional<String> judge(InvariantContext context) {
            return context.causalFloor(N1) > 0 ? Optional.empty() : Optional.of("none");
          }

          @Override
          public boolean readsCausalHistory() {
            return false;
          }
        };
    Simulation eventuallyRun = relayCluster(5 * MILLI).eventually(eventually).build();
    assertThat(eventuallyRun.tracksCausalHistory()).isFalse();
    assertThatThrownBy(eventuallyRun::run)
        .hasMessageStartingWith(
            "the check test.eventually-reads read InvariantContext.causalFloor,");

    // One property that says nothing reads the history by default, so the run tracks it.
    Simulation defaultRun =
        relayCluster(5 * MILLI)
            .eventually(eventually)
            .sometimes(
                new Sometimes() {
                  @Override
                  public String name() {
                    return "test.default";
                  }

                  @Override
                  public String description() {
                    return "Says nothing of the history.";
                  }

                  @Override
                  public boolean reached(InvariantContext context) {
                    return false;
                  }
                })
            .build();
    assertThat(defaultRun.tracksCausalHistory()).isTrue();
    assertThat(defaultRun.run().eventually())
        .extracting(EventuallyResult::status)
        .containsExactly(EventuallyResult.Status.HELD);
  }
}
