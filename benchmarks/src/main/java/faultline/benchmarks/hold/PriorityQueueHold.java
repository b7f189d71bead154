package faultline.benchmarks.hold;

import java.util.PriorityQueue;

/**
 * The hold model on {@link PriorityQueue}, with the same {@code (time, sequence)} order as the
 * kernel's queue (a binary heap is not stable, so the sequence is what makes ties deterministic). A
 * fired entry is reused for the event it schedules, as an engine on this queue would do.
 */
final class PriorityQueueHold extends HoldEngine {
  private static final class Entry implements Comparable<Entry> {
    long timeNanos;
    long sequence;

    @Override
    public int compareTo(Entry other) {
      int byTime = Long.compare(timeNanos, other.timeNanos);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }

  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private long sequenceNext;

  PriorityQueueHold(ExponentialDraws draws) {
    super(draws);
  }

  @Override
  public void fill(int pending) {
    for (int i = 0; i < pending; i++) {
      Entry entry = new Entry();
      entry.timeNanos = draws.nextDelayNanos();
      entry.sequence = sequenceNext++;
      queue.add(entry);
    }
  }

  @Override
  public long hold(int count) {
    long sum = checksum;
    for (int i = 0; i < count; i++) {
      Entry entry = queue.poll();
      long nowNanos = entry.timeNanos;
      sum = fold(sum, nowNanos);
      entry.timeNanos = nowNanos + draws.nextDelayNanos();
      entry.sequence = sequenceNext++;
      queue.add(entry);
    }
    checksum = sum;
    return sum;
  }

  @Override
  public Object structure() {
    return queue;
  }
}
