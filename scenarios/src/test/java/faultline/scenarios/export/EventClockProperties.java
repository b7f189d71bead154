package faultline.scenarios.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import faultline.engine.trace.TraceEvent;
import faultline.engine.trace.TraceEvent.At;
import faultline.engine.trace.TraceHeader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random runs, made up event by event (local steps, sends, deliveries of any message in flight and
 * of duplicates, drops, crashes and restarts, notes of arbitrary text), exported to ShiViz: the log
 * always parses by ShiViz's rules, and its clocks order two events exactly when the trace's
 * happens-before, by brute force, does.
 */
class EventClockProperties {
  /** One made-up step: what, on which node, towards which, which message in flight, and text. */
  record Action(int kind, int node, int peer, int pick, String text) {}

  @Property(tries = 200)
  void clocksOrderEventsExactlyAsTheTraceDoes(
      @ForAll("nodeCounts") int nodeCount, @ForAll("actions") List<Action> actions)
      throws Exception {
    List<String> nodes = new ArrayList<>();
    for (int i = 1; i <= nodeCount; i++) {
      nodes.add("n" + i);
    }
    List<TraceEvent> trace = new Runs(nodes).play(actions);
    ShivizExport export = new ShivizExport();
    StringWriter text = new StringWriter();
    export.begin(new TraceHeader(2, JsonNodeFactory.instance.objectNode(), 1, nodes), text);
    for (TraceEvent event : trace) {
      export.accept(event);
    }
    ShivizLog log = ShivizLog.parse(text.toString());
    TraceGraph graph = TraceGraph.of(trace);
    assertThat(log.events()).hasSize(graph.events.size());
    for (int a = 0; a < graph.events.size(); a++) {
      for (int b = 0; b < graph.events.size(); b++) {
        assertThat(log.events().get(a).happenedBefore(log.events().get(b)))
            .as("%s before %s", graph.events.get(a), graph.events.get(b))
            .isEqualTo(graph.happenedBefore(a, b));
      }
    }
  }

  @Provide
  Arbitrary<Integer> nodeCounts() {
    return Arbitraries.integers().between(1, 5);
  }

  @Provide
  Arbitrary<List<Action>> actions() {
    Arbitrary<Action> action =
        Combinators.combine(
                Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 1_000),
                Arbitraries.strings().ofMaxLength(12))
            .as(Action::new);
    return action.list().ofMaxSize(60);
  }

  /** Plays actions into a trace that a run could have written. */
  private static final class Runs {
    private final List<String> nodes;
    private final List<TraceEvent> trace = new ArrayList<>();
    private final List<TraceEvent.Send> inFlight = new ArrayList<>();
    private final List<TraceEvent.Send> delivered = new ArrayList<>();
    private final boolean[] down;
    private long seq;
    private long id;

    Runs(List<String> nodes) {
      this.nodes = nodes;
      this.down = new boolean[nodes.size()];
    }

    List<TraceEvent> play(List<Action> actions) {
      nodes.forEach(node -> trace.add(new TraceEvent.Start(at(node))));
      for (Action action : actions) {
        int node = action.node() % nodes.size();
        String name = nodes.get(node);
        if (down[node]) {
          down[node] = false;
          trace.add(new TraceEvent.Restart(at(name)));
          continue;
        }
        switch (action.kind()) {
          case 0 -> trace.add(new TraceEvent.Timer(at(name), "TICK", seq));
          case 1, 2 -> send(name, nodes.get(action.peer() % nodes.size()));
          case 3 -> deliver(action.pick());
          case 4 -> duplicate(action.pick());
          case 5 -> crashOrDrop(node, action.pick());
          default -> trace.add(new TraceEvent.Note(at(name), action.text()));
        }
      }
      return trace;
    }

    private void send(String from, String to) {
      TraceEvent.Send send =
          new TraceEvent.Send(at(from), to, ++id, "Ping", JsonNodeFactory.instance.objectNode());
      trace.add(send);
      inFlight.add(send);
    }

    private void deliver(int pick) {
      if (inFlight.isEmpty()) {
        return;
      }
      TraceEvent.Send send = inFlight.remove(pick % inFlight.size());
      if (down[nodes.indexOf(send.to())]) {
        trace.add(
            new TraceEvent.Drop(
                at(send.to()), send.at().node(), send.to(), send.id(), "Ping", "node-down"));
        return;
      }
      trace.add(new TraceEvent.Deliver(at(send.to()), send.at().node(), send.id(), 1, "Ping"));
      delivered.add(send);
    }

    private void duplicate(int pick) {
      if (delivered.isEmpty()) {
        return;
      }
      TraceEvent.Send send = delivered.get(pick % delivered.size());
      if (!down[nodes.indexOf(send.to())]) {
        trace.add(new TraceEvent.Deliver(at(send.to()), send.at().node(), send.id(), 2, "Ping"));
      }
    }

    private void crashOrDrop(int node, int pick) {
      if (pick % 2 == 0 || inFlight.isEmpty()) {
        down[node] = true;
        trace.add(new TraceEvent.Crash(at(nodes.get(node)), false, 0, 0));
        return;
      }
      TraceEvent.Send send = inFlight.remove(pick % inFlight.size());
      trace.add(
          new TraceEvent.Drop(
              at(send.at().node()), send.at().node(), send.to(), send.id(), "Ping", "loss"));
    }

    private At at(String node) {
      seq++;
      return new At(seq, seq * 1_000, node, seq * 1_000, seq * 1_000);
    }
  }
}
