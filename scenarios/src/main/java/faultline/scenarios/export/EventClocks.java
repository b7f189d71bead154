package faultline.scenarios.export;

import faultline.engine.lookup.LookupMap;
import faultline.engine.trace.TraceEvent;
import java.util.List;

/**
 * Vector clocks for the events of a trace, from the engine's ground-truth happens-before (Lamport
 * 1978; Fidge and Mattern 1988): an event happens after the events before it on its node, and a
 * delivery happens after the send of its message. Every counted event ticks its node's own entry by
 * one, and a delivery first takes the entry-wise maximum with its send's clock.
 *
 * <p>This is the relation the timeline draws (its happened-before rings) at the grain of trace
 * events rather than handler steps; the engine's own stamps ({@code CausalTracker}) count steps,
 * and two steps are ordered there exactly when their first events are ordered here. A crash and the
 * restart after it stay on their node's line, as on the timeline: what a node did before it crashed
 * happened before what it does after it restarts. Copies of a duplicated message each carry the
 * send's clock.
 */
public final class EventClocks {
  private final List<String> nodes;
  private final LookupMap<String, Integer> indexOfNode = new LookupMap<>(); // Only looked up.
  private final long[][] current;
  private final LookupMap<Long, long[]> sendClocks = new LookupMap<>(); // Only looked up.

  public EventClocks(List<String> nodes) {
    this.nodes = List.copyOf(nodes);
    this.current = new long[nodes.size()][nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      indexOfNode.put(nodes.get(i), i);
    }
  }

  /** The run's nodes, in the order of a clock's entries. */
  public List<String> nodes() {
    return nodes;
  }

  /**
   * Counts {@code event} as the next event of its node and returns its clock (entry {@code i}
   * counts the events of node {@code i} in its causal past, itself included). The array is the
   * caller's to keep.
   *
   * @throws IllegalArgumentException for an event of the whole run, or of a node the header lacks
   */
  public long[] tick(TraceEvent event) {
    Integer index = event.at().hasNode() ? indexOfNode.get(event.at().node()) : null;
    if (index == null) {
      throw new IllegalArgumentException(
          "event " + event.at().seq() + " is not on a node of the run: " + event.at().node());
    }
    long[] clock = current[index];
    if (event instanceof TraceEvent.Deliver deliver) {
      long[] sent = sendClocks.get(deliver.id());
      if (sent != null) {
        for (int i = 0; i < clock.length; i++) {
          clock[i] = Math.max(clock[i], sent[i]);
        }
      }
    }
    clock[index]++;
    long[] stamp = clock.clone();
    if (event instanceof TraceEvent.Send send) {
      sendClocks.put(send.id(), stamp);
    }
    return stamp;
  }

  /** True when the event stamped {@code a} happened before the one stamped {@code b}. */
  public static boolean happenedBefore(long[] a, long[] b) {
    boolean strictlyLess = false;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > b[i]) {
        return false;
      }
      strictlyLess |= a[i] < b[i];
    }
    return strictlyLess;
  }
}
