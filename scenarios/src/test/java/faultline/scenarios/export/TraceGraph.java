package faultline.scenarios.export;

import faultline.engine.lookup.LookupMap;
import faultline.engine.trace.TraceEvent;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Happens-before by brute force, for checking clocks: the events that happen on a node (drops and
 * events of the whole run left out, as in a ShiViz log), each with the set of all events before it,
 * built as the transitive closure of "the previous event on my node" and "the send of the message I
 * deliver".
 */
final class TraceGraph {
  final List<TraceEvent> events = new ArrayList<>();
  private final List<BitSet> before = new ArrayList<>();
  private final LookupMap<String, Integer> lastOnNode = new LookupMap<>();
  private final LookupMap<Long, Integer> sendOf = new LookupMap<>();

  static TraceGraph of(List<TraceEvent> trace) {
    TraceGraph graph = new TraceGraph();
    trace.stream().filter(TraceGraph::onANode).forEach(graph::add);
    return graph;
  }

  static boolean onANode(TraceEvent event) {
    return event.at().hasNode() && !(event instanceof TraceEvent.Drop);
  }

  private void add(TraceEvent event) {
    int index = events.size();
    BitSet past = new BitSet();
    Integer previous = lastOnNode.put(event.at().node(), index);
    if (previous != null) {
      past.or(before.get(previous));
      past.set(previous);
    }
    if (event instanceof TraceEvent.Deliver deliver) {
      Integer send = sendOf.get(deliver.id());
      if (send != null) {
        past.or(before.get(send));
        past.set(send);
      }
    }
    if (event instanceof TraceEvent.Send send) {
      sendOf.put(send.id(), index);
    }
    events.add(event);
    before.add(past);
  }

  boolean happenedBefore(int a, int b) {
    return before.get(b).get(a);
  }

  /** The index of the send of the message that event {@code deliver} delivers, or -1. */
  int sendIndexOf(TraceEvent.Deliver deliver) {
    Integer send = sendOf.get(deliver.id());
    return send == null ? -1 : send;
  }
}
