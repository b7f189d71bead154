package faultline.visualizer.trace;

import java.util.ArrayDeque;
import java.util.BitSet;

/**
 * The ground-truth happens-before relation of a run, rebuilt from the trace: an event happens
 * before the next event on its node, and a send happens before each of its deliveries. Events of
 * the whole run (partition, heal) have no node and take no part.
 */
public final class Causality {
  private final Timeline timeline;
  private final int[] nextOnLane;

  public Causality(Timeline timeline) {
    this.timeline = timeline;
    this.nextOnLane = new int[timeline.count];
    java.util.Arrays.fill(nextOnLane, -1);
    for (int i = 0; i < timeline.count; i++) {
      int previous = timeline.previousOnLane[i];
      if (previous >= 0) {
        nextOnLane[previous] = i;
      }
    }
  }

  /** Every event that happened before {@code event} (not the event itself). */
  public BitSet happenedBefore(int event) {
    BitSet seen = new BitSet(timeline.count);
    ArrayDeque<Integer> todo = new ArrayDeque<>();
    todo.push(event);
    while (!todo.isEmpty()) {
      int current = todo.pop();
      visit(seen, todo, timeline.previousOnLane[current]);
      if (timeline.kind(current) == EventKind.DELIVER) {
        Message message = timeline.messageOf(current);
        visit(seen, todo, message == null ? -1 : message.sendIndex());
      }
    }
    return seen;
  }

  /** Every event that {@code event} could have influenced (not the event itself). */
  public BitSet couldInfluence(int event) {
    BitSet seen = new BitSet(timeline.count);
    ArrayDeque<Integer> todo = new ArrayDeque<>();
    todo.push(event);
    while (!todo.isEmpty()) {
      int current = todo.pop();
      visit(seen, todo, nextOnLane[current]);
      if (timeline.kind(current) == EventKind.SEND) {
        Message message = timeline.messageOf(current);
        if (message != null) {
          visit(seen, todo, message.deliverIndex());
          visit(seen, todo, message.duplicateIndex());
        }
      }
    }
    return seen;
  }

  private static void visit(BitSet seen, ArrayDeque<Integer> todo, int event) {
    if (event >= 0 && !seen.get(event)) {
      seen.set(event);
      todo.push(event);
    }
  }
}
