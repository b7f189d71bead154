package faultline.scenarios.export;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.check.Step;
import faultline.engine.trace.TraceEvent;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ShiViz export of real runs, read back by the rules ShiViz's parser applies ({@link
 * ShivizLog}), then checked against the trace: one log event per event on a node, in order, with
 * its host and seq; every delivery after its send; the log's happens-before equal, pair by pair and
 * both ways, to the trace's by brute force ({@link TraceGraph}); and to the engine's own
 * ground-truth stamps of every handler step, which the engine computed while it ran.
 *
 * <p>The scenarios cover crashes and restarts (leader-election), a long pause (gc-pause-leader),
 * loss, duplication and reordering (hlc-faults), a partition and a violation (stale-read).
 */
class ShivizExportTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "raft/leader-election",
        "raft/gc-pause-leader",
        "clocks/hlc-faults",
        "raft/stale-read",
        "paxos/basic"
      })
  void theLogParsesAsShivizDoesAndShowsTheTracesCausality(String scenario) throws Exception {
    ObservedRun run = ObservedRun.of(scenario);
    StringWriter text = new StringWriter();
    String summary = Exports.convert(new ShivizExport(), run.source(), text);
    ShivizLog log = ShivizLog.parse(text.toString());
    TraceGraph graph = TraceGraph.of(run.events());

    assertThat(log.events()).hasSize(graph.events.size());
    assertThat(summary).contains(String.format("%,d events", graph.events.size()));
    for (int i = 0; i < graph.events.size(); i++) {
      TraceEvent event = graph.events.get(i);
      ShivizLog.Event logged = log.events().get(i);
      assertThat(logged.host()).isEqualTo(event.at().node());
      assertThat(logged.fields().get("seq")).isEqualTo(Long.toString(event.at().seq()));
      assertThat(logged.text()).isEqualTo(EventText.of(event));
    }
    long[][] clocks = clocks(log, run);
    assertMessagePairs(graph, clocks);
    assertSameHappensBefore(graph, clocks);
    assertAgreesWithTheEngine(graph, clocks, run);
  }

  private static long[][] clocks(ShivizLog log, ObservedRun run) {
    List<String> nodes = run.source().header().nodes();
    long[][] clocks = new long[log.events().size()][];
    for (int i = 0; i < clocks.length; i++) {
      Map<String, Long> clock = log.events().get(i).clock();
      clocks[i] = nodes.stream().mapToLong(node -> clock.getOrDefault(node, 0L)).toArray();
    }
    return clocks;
  }

  private static void assertMessagePairs(TraceGraph graph, long[][] clocks) {
    int deliveries = 0;
    for (int i = 0; i < graph.events.size(); i++) {
      if (graph.events.get(i) instanceof TraceEvent.Deliver deliver) {
        int send = graph.sendIndexOf(deliver);
        assertThat(send).as("every delivery has its send in the log").isNotNegative();
        assertThat(EventClocks.happenedBefore(clocks[send], clocks[i])).isTrue();
        deliveries++;
      }
    }
    assertThat(deliveries).as("the run delivered messages").isPositive();
  }

  private static void assertSameHappensBefore(TraceGraph graph, long[][] clocks) {
    int ordered = 0;
    int concurrent = 0;
    for (int a = 0; a < clocks.length; a++) {
      for (int b : partners(a, clocks.length)) {
        boolean truth = graph.happenedBefore(a, b);
        if (truth != EventClocks.happenedBefore(clocks[a], clocks[b])) {
          throw new AssertionError(
              "events " + graph.events.get(a) + " and " + graph.events.get(b) + ": truth " + truth);
        }
        if (truth) {
          ordered++;
        } else if (a != b && !graph.happenedBefore(b, a)) {
          concurrent++;
        }
      }
    }
    assertThat(ordered).as("some pairs ordered").isPositive();
    assertThat(concurrent).as("some pairs concurrent").isPositive();
  }

  /**
   * The engine stamps handler steps; a step begins with a start, restart, delivery or timer event
   * on its node. Step k of node n is the k-th such event of n, and two steps are ordered by the
   * engine exactly when their first events are ordered by the exported clocks.
   */
  private static void assertAgreesWithTheEngine(
      TraceGraph graph, long[][] clocks, ObservedRun run) {
    Map<String, List<Integer>> stepEvents = new TreeMap<>();
    for (int i = 0; i < graph.events.size(); i++) {
      TraceEvent event = graph.events.get(i);
      if (event instanceof TraceEvent.Start
          || event instanceof TraceEvent.Restart
          || event instanceof TraceEvent.Deliver
          || event instanceof TraceEvent.Timer) {
        stepEvents.computeIfAbsent(event.at().node(), node -> new ArrayList<>()).add(i);
      }
    }
    List<Integer> eventOfStep = new ArrayList<>();
    for (Step step : run.steps()) {
      List<Integer> ofNode = stepEvents.get(step.node().toString());
      assertThat(ofNode)
          .as("steps of " + step.node())
          .isNotNull()
          .hasSizeGreaterThanOrEqualTo((int) step.index());
      eventOfStep.add(ofNode.get((int) step.index() - 1));
    }
    assertThat(eventOfStep)
        .as("one step per step-starting event")
        .hasSize(stepEvents.values().stream().mapToInt(List::size).sum());
    List<Step> steps = run.steps();
    for (int a = 0; a < steps.size(); a++) {
      for (int b : partners(a, steps.size())) {
        boolean engine = steps.get(a).truth().happenedBefore(steps.get(b).truth());
        boolean exported =
            EventClocks.happenedBefore(clocks[eventOfStep.get(a)], clocks[eventOfStep.get(b)]);
        if (engine != exported) {
          throw new AssertionError(
              "steps " + a + " and " + b + ": engine " + engine + ", export " + exported);
        }
      }
    }
  }

  /**
   * The events to compare with event {@code a}: all of them in a run of up to 1,500 events; in a
   * longer one, those within 200 of it (where causality is most intricate) and a fixed spread of
   * the rest, so that a check costs about the same whatever the run's length.
   */
  private static int[] partners(int a, int count) {
    if (count <= 1_500) {
      return IntStream.range(0, count).toArray();
    }
    int stride = count / 500;
    return IntStream.concat(
            IntStream.rangeClosed(Math.max(0, a - 200), Math.min(count - 1, a + 200)),
            IntStream.iterate(a % stride, b -> b < count, b -> b + stride)
                .filter(b -> Math.abs(a - b) > 200))
        .toArray();
  }
}
