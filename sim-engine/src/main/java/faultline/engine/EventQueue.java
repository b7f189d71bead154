package faultline.engine;

import java.util.Arrays;

/**
 * A binary min-heap of events ordered by {@code (atNanos, sequence)}. The sequence is assigned at
 * insertion, so events due at the same instant leave in the order they were scheduled, whatever the
 * heap's internal shape: heaps are not stable, and this tie-break is what makes runs repeatable.
 *
 * <p>This is the engine's hot path: keys live in primitive arrays next to the payloads, so adding
 * and removing an event allocates nothing beyond occasional growth.
 *
 * @param <E> the event payload
 */
public final class EventQueue<E> {
  private long[] times;
  private long[] sequences;
  private Object[] payloads;
  private int size;
  private long sequenceNext;
  // Sequences for addAhead: always below those of add, and increasing among themselves.
  private long aheadSequenceNext = Long.MIN_VALUE;

  public EventQueue() {
    this(64);
  }

  public EventQueue(int initialCapacity) {
    int capacity = Math.max(2, initialCapacity);
    times = new long[capacity];
    sequences = new long[capacity];
    payloads = new Object[capacity];
  }

  public void add(long atNanos, E payload) {
    insert(atNanos, sequenceNext++, payload);
  }

  /**
   * Adds an event that leaves before every event added with {@link #add} for the same time, and
   * after the events added ahead before it. The engine uses it at the current instant, for work
   * that is overdue (what a paused node missed), so that nothing scheduled since overtakes it.
   */
  public void addAhead(long atNanos, E payload) {
    Check.state(aheadSequenceNext < 0, "too many events added ahead");
    insert(atNanos, aheadSequenceNext++, payload);
  }

  private void insert(long atNanos, long sequence, E payload) {
    if (size == times.length) {
      grow();
    }
    int hole = size++;
    // Sift up: move parents down until the new key's place is found.
    while (hole > 0) {
      int parent = (hole - 1) >>> 1;
      if (!less(atNanos, sequence, times[parent], sequences[parent])) {
        break;
      }
      move(parent, hole);
      hole = parent;
    }
    set(hole, atNanos, sequence, payload);
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public int size() {
    return size;
  }

  /** The time of the next event; the queue must not be empty. */
  public long peekTimeNanos() {
    Check.state(size > 0, "the queue is empty");
    return times[0];
  }

  /** Removes and returns the next event; the queue must not be empty. */
  @SuppressWarnings("unchecked")
  public E poll() {
    Check.state(size > 0, "the queue is empty");
    E head = (E) payloads[0];
    int last = --size;
    long lastTime = times[last];
    long lastSequence = sequences[last];
    Object lastPayload = payloads[last];
    payloads[last] = null;
    if (last > 0) {
      siftDown(lastTime, lastSequence, lastPayload, last);
    }
    return head;
  }

  private void siftDown(long time, long sequence, Object payload, int count) {
    int hole = 0;
    int half = count >>> 1;
    while (hole < half) {
      int child = 2 * hole + 1;
      int right = child + 1;
      if (right < count && less(times[right], sequences[right], times[child], sequences[child])) {
        child = right;
      }
      if (!less(times[child], sequences[child], time, sequence)) {
        break;
      }
      move(child, hole);
      hole = child;
    }
    set(hole, time, sequence, payload);
  }

  private static boolean less(long timeA, long sequenceA, long timeB, long sequenceB) {
    return timeA < timeB || (timeA == timeB && sequenceA < sequenceB);
  }

  private void move(int from, int to) {
    times[to] = times[from];
    sequences[to] = sequences[from];
    payloads[to] = payloads[from];
  }

  private void set(int index, long time, long sequence, Object payload) {
    times[index] = time;
    sequences[index] = sequence;
    payloads[index] = payload;
  }

  private void grow() {
    int capacity = times.length * 2;
    times = Arrays.copyOf(times, capacity);
    sequences = Arrays.copyOf(sequences, capacity);
    payloads = Arrays.copyOf(payloads, capacity);
  }
}
