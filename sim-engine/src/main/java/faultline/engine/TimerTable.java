package faultline.engine;

import faultline.engine.node.TimerTag;
import java.util.Arrays;

/**
 * A node's timer entries by tag: an open-addressing table with linear probing, looked up but never
 * iterated (so the identity hash codes of enum tags cannot order anything).
 *
 * <p>It replaces a {@code HashMap}, whose {@code getNode} calls {@code hashCode} and {@code equals}
 * from one place for every key type of the run, too many kinds for the compiler to inline; here
 * those calls see only timer tags (in the Raft workload an enum and a record), and a tag is
 * compared by identity before equality, since nodes arm and fire the same tag objects.
 */
final class TimerTable {
  private TimerTag[] tags = new TimerTag[8]; // Null where empty; a power of two long.
  private ArmedTimer[] timers = new ArmedTimer[8];
  private int size;

  /** The entry of {@code tag}, or null. */
  ArmedTimer get(TimerTag tag) {
    if (tag == null) {
      return null;
    }
    int mask = tags.length - 1;
    for (int position = firstPosition(tag, mask); ; position = (position + 1) & mask) {
      TimerTag held = tags[position];
      if (held == tag) {
        return timers[position];
      }
      if (held == null) {
        return null;
      }
      if (held.equals(tag)) {
        return timers[position];
      }
    }
  }

  /** Makes {@code timer} the entry of {@code tag}, replacing any. */
  void put(TimerTag tag, ArmedTimer timer) {
    Check.argument(tag != null, "a timer tag is null: %s", timer);
    if ((size + 1) * 2 > tags.length) {
      grow(); // At most half full, so that a miss ends after a probe or two.
    }
    int mask = tags.length - 1;
    int position = firstPosition(tag, mask);
    while (tags[position] != null) {
      if (tags[position] == tag || tags[position].equals(tag)) {
        timers[position] = timer;
        return;
      }
      position = (position + 1) & mask;
    }
    tags[position] = tag;
    timers[position] = timer;
    size++;
  }

  /** Removes the entry of {@code tag}; returns it, or null when there was none. */
  ArmedTimer remove(TimerTag tag) {
    if (tag == null) {
      return null; // Cancelling a null tag cancels nothing, as with a map.
    }
    int mask = tags.length - 1;
    int position = firstPosition(tag, mask);
    while (tags[position] != tag) {
      if (tags[position] == null) {
        return null;
      }
      if (tags[position].equals(tag)) {
        break;
      }
      position = (position + 1) & mask;
    }
    ArmedTimer removed = timers[position];
    size--;
    // Backward-shift deletion: move later entries of the probe run into the gap where their
    // probe would pass it, so that a lookup never stops early at a hole and no tombstones build up.
    int gap = position;
    for (int next = (gap + 1) & mask; tags[next] != null; next = (next + 1) & mask) {
      int home = firstPosition(tags[next], mask);
      // The entry at next may fill the gap unless its home lies cyclically in (gap, next].
      boolean homeAfterGap = gap <= next ? home > gap && home <= next : home > gap || home <= next;
      if (!homeAfterGap) {
        tags[gap] = tags[next];
        timers[gap] = timers[next];
        gap = next;
      }
    }
    tags[gap] = null;
    timers[gap] = null;
    return removed;
  }

  void clear() {
    Arrays.fill(tags, null);
    Arrays.fill(timers, null);
    size = 0;
  }

  int size() {
    return size;
  }

  private void grow() {
    TimerTag[] oldTags = tags;
    ArmedTimer[] oldTimers = timers;
    tags = new TimerTag[oldTags.length * 2];
    timers = new ArmedTimer[oldTags.length * 2];
    size = 0;
    for (int i = 0; i < oldTags.length; i++) {
      if (oldTags[i] != null) {
        put(oldTags[i], oldTimers[i]);
      }
    }
  }

  private static int firstPosition(TimerTag tag, int mask) {
    int hash = tag.hashCode();
    return (hash ^ (hash >>> 16)) & mask;
  }
}
