package faultline.protocols.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The HLC paper's guarantees (Kulkarni et al., OPODIS 2014, section 3) checked on random
 * executions.
 *
 * <p>How it works: an execution has 2 to 4 processes, each with its own physical clock that starts
 * at a different reading (skew) and moves by a random step per event, usually forward, sometimes
 * not at all, and sometimes backwards. Each action is a local event, a send to another process, or
 * the receipt of one in-flight message addressed to the process (any one, so messages reorder; some
 * are never delivered). Alongside its HLC every process keeps a {@link VectorClock}, which gives
 * the true happened-before relation: e happened before f exactly when f's vector has heard of e's
 * position on e's process. The properties then hold for every event f:
 *
 * <ol>
 *   <li>l.f &ge; pt.f.
 *   <li>If e happened before f, then hlc(e) &lt; hlc(f).
 *   <li>l.f is the largest physical reading among f and the events that happened before it.
 *   <li>c.f &le; |{g : g happened before f and l.g = l.f}|, the paper's bound; and so c.f is below
 *       the number of events.
 * </ol>
 *
 * <p>Physical readings are kept at 1 or more, as the paper assumes: {@link HybridTimestamp#zero()}
 * has l = 0, and a first reading of 0 would give c = 1 with no earlier event to account for it.
 */
class HybridTimestampProperties {
  private static final int EVENTS_MAX = 60;

  enum Kind {
    LOCAL,
    SEND,
    RECEIVE
  }

  /**
   * One step of the execution. {@code process} and {@code choice} are reduced modulo what exists
   * when the action runs, so every generated (and shrunk) action list is a valid execution.
   */
  record Action(int process, Kind kind, int choice, long clockStepNanos) {}

  record Execution(List<Long> physicalStartNanos, List<Action> actions) {
    int processCount() {
      return physicalStartNanos.size();
    }
  }

  record Message(int to, HybridTimestamp hybrid, VectorClock vector) {}

  /** One event as it happened: where, when by the local physical clock, and both stamps. */
  record Event(
      int process,
      long indexOnProcess,
      Kind kind,
      long physicalNanos,
      HybridTimestamp hybrid,
      VectorClock vector) {}

  @Provide
  Arbitrary<Execution> executions() {
    Arbitrary<Long> clockSteps =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.longs().between(1, 40)),
            Tuple.of(3, Arbitraries.just(0L)),
            Tuple.of(1, Arbitraries.longs().between(-300, -1)));
    Arbitrary<Action> actions =
        Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.frequency(
                    Tuple.of(1, Kind.LOCAL), Tuple.of(2, Kind.SEND), Tuple.of(2, Kind.RECEIVE)),
                Arbitraries.integers().between(0, 7),
                clockSteps)
            .as(Action::new);
    return Arbitraries.integers()
        .between(2, 4)
        .flatMap(
            processCount ->
                Combinators.combine(
                        Arbitraries.longs().between(1, 200).list().ofSize(processCount),
                        actions
                            .list()
                            .ofMinSize(1)
                            .ofMaxSize(EVENTS_MAX)
                            .withSizeDistribution(RandomDistribution.uniform()))
                    .as(Execution::new));
  }

  // Edge cases would be tiny executions, and there are more of them than tries: draw randomly.
  @Property(edgeCases = EdgeCasesMode.NONE)
  void hybridClocksKeepThePaperGuarantees(@ForAll("executions") Execution execution) {
    List<Event> events = run(execution);
    for (Event later : events) {
      // Descriptions are built only on failure: the whole execution is long to print.
      Supplier<String> where = () -> "at " + later + "\nin " + events;
      assertThat(later.hybrid().wallNanos())
          .as(() -> "l >= pt " + where.get())
          .isGreaterThanOrEqualTo(later.physicalNanos());

      long physicalMaxNanos = later.physicalNanos();
      long sameWallPredecessors = 0;
      for (Event earlier : events) {
        boolean happenedBefore = happenedBefore(earlier, later);
        // The vector clocks must agree with the positional test they are built to encode.
        assertThat(earlier.vector().happenedBefore(later.vector()))
            .as(() -> "vector clocks order " + earlier + " and " + where.get())
            .isEqualTo(happenedBefore);
        if (!happenedBefore) {
          continue;
        }
        assertThat(earlier.hybrid().isBefore(later.hybrid()))
            .as(() -> "hb implies hlc order: " + earlier + " before " + where.get())
            .isTrue();
        physicalMaxNanos = Math.max(physicalMaxNanos, earlier.physicalNanos());
        if (earlier.hybrid().wallNanos() == later.hybrid().wallNanos()) {
          sameWallPredecessors++;
        }
      }
      assertThat(later.hybrid().wallNanos())
          .as(() -> "l is the largest physical reading in the causal past " + where.get())
          .isEqualTo(physicalMaxNanos);
      assertThat(later.hybrid().logical())
          .as(() -> "c <= events before with the same l " + where.get())
          .isLessThanOrEqualTo(sameWallPredecessors)
          .isLessThan(events.size());
    }
    collectStatistics(execution, events);
  }

  /**
   * e happened before f when f's vector has heard of e's position on e's process; an event does not
   * happen before itself.
   */
  private static boolean happenedBefore(Event earlier, Event later) {
    if (earlier == later) {
      return false;
    }
    return later.vector().get(nodeName(earlier.process())) >= earlier.indexOnProcess();
  }

  private static List<Event> run(Execution execution) {
    int processCount = execution.processCount();
    long[] physicalNanos = new long[processCount];
    HybridTimestamp[] hybrids = new HybridTimestamp[processCount];
    VectorClock[] vectors = new VectorClock[processCount];
    for (int process = 0; process < processCount; process++) {
      physicalNanos[process] = execution.physicalStartNanos().get(process);
      hybrids[process] = HybridTimestamp.zero();
      vectors[process] = VectorClock.empty();
    }
    List<Message> inFlight = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    for (Action action : execution.actions()) {
      int process = action.process() % processCount;
      String self = nodeName(process);
      // Readings stay at 1 or more; see the class comment.
      physicalNanos[process] = Math.max(1, physicalNanos[process] + action.clockStepNanos());
      long now = physicalNanos[process];
      Kind kind = action.kind();
      List<Message> deliverable =
          inFlight.stream().filter(message -> message.to() == process).toList();
      if (kind == Kind.RECEIVE && deliverable.isEmpty()) {
        kind = Kind.LOCAL; // Nothing to receive: the process does local work instead.
      }
      if (kind == Kind.RECEIVE) {
        Message message = deliverable.get(action.choice() % deliverable.size());
        inFlight.remove(message);
        hybrids[process] = hybrids[process].receive(message.hybrid(), now);
        vectors[process] = vectors[process].receive(self, message.vector());
      } else {
        hybrids[process] = hybrids[process].sendOrLocal(now);
        vectors[process] = vectors[process].tick(self);
      }
      if (kind == Kind.SEND) {
        int to = (process + 1 + action.choice() % (processCount - 1)) % processCount;
        inFlight.add(new Message(to, hybrids[process], vectors[process]));
      }
      events.add(
          new Event(
              process, vectors[process].get(self), kind, now, hybrids[process], vectors[process]));
    }
    return events;
  }

  private static String nodeName(int process) {
    return "n" + (process + 1);
  }

  /**
   * Fails the property if the generator stops producing the cases that matter: receipts, a non-zero
   * logical counter (l held while events happened), and receipts where the remote l won.
   */
  private static void collectStatistics(Execution execution, List<Event> events) {
    boolean anyReceive = events.stream().anyMatch(event -> event.kind() == Kind.RECEIVE);
    boolean anyLogical = events.stream().anyMatch(event -> event.hybrid().logical() > 0);
    boolean anyAheadOfPhysical =
        events.stream().anyMatch(event -> event.hybrid().wallNanos() > event.physicalNanos());
    boolean anyBackwardStep =
        execution.actions().stream().anyMatch(action -> action.clockStepNanos() < 0);
    Statistics.label("receive").collect(anyReceive);
    Statistics.label("logical counter used").collect(anyLogical);
    Statistics.label("l ahead of physical").collect(anyAheadOfPhysical);
    Statistics.label("clock stepped back").collect(anyBackwardStep);
    Statistics.label("receive")
        .coverage(coverage -> coverage.check(true).percentage(percent -> percent > 80));
    Statistics.label("logical counter used")
        .coverage(coverage -> coverage.check(true).percentage(percent -> percent > 80));
    Statistics.label("l ahead of physical")
        .coverage(coverage -> coverage.check(true).percentage(percent -> percent > 80));
    Statistics.label("clock stepped back")
        .coverage(coverage -> coverage.check(true).percentage(percent -> percent > 50));
  }
}
