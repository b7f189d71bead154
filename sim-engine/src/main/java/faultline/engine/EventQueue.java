package faultline.engine;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A min-heap of events ordered by {@code (atNanos, sequence)}. The sequence is assigned at
 * insertion, so events due at the same instant leave in the order they were scheduled, whatever the
 * heap's internal shape: heaps are not stable, and this tie-break is what makes runs repeatable.
 *
 * <p>This is the engine's hot path, and its layout is chosen for the cache:
 *
 * <ul>
 *   <li>Four children per node rather than two: half the levels, and a node's children are
 *       adjacent, so one sift step reads one or two cache lines instead of up to four.
 *   <li>Times have a compact array of their own, and a comparison reads a sequence only when two
 *       times are equal, so the keys that sifting compares take half the cache. The least of four
 *       children is chosen without branches, which coin-toss comparisons would mispredict.
 *   <li>{@link #poll} leaves the root empty instead of refilling it at once. A simulation almost
 *       always schedules an event right after firing one, and {@link #add} then drops the new key
 *       into the empty root and sifts it down: one pass instead of two (the "replace top" of the
 *       event-list literature). When no add follows, the next peek or poll refills the root from
 *       the last leaf, exactly as an eager poll would have.
 * </ul>
 *
 * Adding and removing an event allocates nothing beyond occasional growth.
 *
 * @param <E> the event payload
 */
public final class EventQueue<E> {
  // Four children per node: the children of i are 4i+1 .. 4i+4; the parent of i is (i-1)/4.
  private static final int ARITY_SHIFT = 2;
  // Beyond this, child indexes would overflow an int; it is also ~8 GiB of pending events.
  private static final int CAPACITY_MAX = 1 << 28;

  // Times start one entry into their array: with the array's 16-byte header, the four children of
  // a node (4i+1 .. 4i+4, 32 bytes of times) then never straddle a 64-byte cache line when the
  // array starts on a line, as large arrays do (the collector puts them at the start of a region).
  private static final int TIME_BASE = 1;

  // Heap position i holds its time at times[TIME_BASE + i], its sequence at sequences[i], and its
  // payload at payloads[i]. Positions 0 .. occupied-1 are in use; 0 is empty while rootEmpty.
  // Times have an array of their own because sifting reads sequences only on equal times: a
  // compact array of times keeps twice as many of the keys it compares in the cache.
  private long[] times;
  private long[] sequences;
  private Object[] payloads;
  private int occupied;
  private boolean rootEmpty;
  private int size;
  private long sequenceNext;
  // Sequences for addAhead: always below those of add, and increasing among themselves.
  private long aheadSequenceNext = Long.MIN_VALUE;

  public EventQueue() {
    this(64);
  }

  public EventQueue(int initialCapacity) {
    int capacity = Math.clamp(initialCapacity, 2, CAPACITY_MAX);
    times = new long[TIME_BASE + capacity];
    sequences = new long[capacity];
    payloads = new Object[capacity];
  }

  public void add(long atNanos, E payload) {
    insert(atNanos, sequenceNext++, payload);
  }

  /**
   * Takes the sequence that the next {@link #add} would have used, for an event to be added later
   * with {@link #addReserved}: it then leaves the queue exactly where it would have if it had been
   * added now.
   */
  public long reserveSequence() {
    return sequenceNext++;
  }

  /** Adds an event with a sequence taken earlier by {@link #reserveSequence}. */
  public void addReserved(long atNanos, long sequence, E payload) {
    Check.state(sequence >= 0 && sequence < sequenceNext, "sequence %s was not reserved", sequence);
    insert(atNanos, sequence, payload);
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

  private void insert(long atNanos, long sequence, Object payload) {
    size++;
    if (rootEmpty) {
      // Replace-top: the new key takes the empty root and sinks to its place.
      rootEmpty = false;
      siftDown(0, atNanos, sequence, payload);
      return;
    }
    if (occupied == payloads.length) {
      grow();
    }
    siftUp(occupied++, atNanos, sequence, payload);
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
    if (rootEmpty) {
      refillRoot();
    }
    return times[TIME_BASE];
  }

  /** Removes and returns the next event; the queue must not be empty. */
  @SuppressWarnings("unchecked")
  public E poll() {
    Check.state(size > 0, "the queue is empty");
    if (rootEmpty) {
      refillRoot();
    }
    E head = (E) payloads[0];
    payloads[0] = null;
    size--;
    if (size == 0) {
      occupied = 0;
    } else {
      rootEmpty = true;
    }
    return head;
  }

  /** Hands every pending payload to {@code action}, in no particular order. */
  @SuppressWarnings("unchecked")
  public void forEachPending(Consumer<? super E> action) {
    for (int i = rootEmpty ? 1 : 0; i < occupied; i++) {
      action.accept((E) payloads[i]);
    }
  }

  /** Moves the last leaf into the empty root and sinks it: the second half of an eager poll. */
  private void refillRoot() {
    rootEmpty = false;
    int last = --occupied;
    long time = times[TIME_BASE + last];
    long sequence = sequences[last];
    Object payload = payloads[last];
    payloads[last] = null;
    if (last > 0) {
      siftDown(0, time, sequence, payload);
    }
  }

  private void siftUp(int hole, long time, long sequence, Object payload) {
    long[] times = this.times;
    long[] sequences = this.sequences;
    Object[] payloads = this.payloads;
    while (hole > 0) {
      int parent = (hole - 1) >>> ARITY_SHIFT;
      long parentTime = times[TIME_BASE + parent];
      if (time > parentTime || (time == parentTime && sequence > sequences[parent])) {
        break;
      }
      times[TIME_BASE + hole] = parentTime;
      sequences[hole] = sequences[parent];
      payloads[hole] = payloads[parent];
      hole = parent;
    }
    times[TIME_BASE + hole] = time;
    sequences[hole] = sequence;
    payloads[hole] = payload;
  }

  private void siftDown(int hole, long time, long sequence, Object payload) {
    long[] times = this.times;
    long[] sequences = this.sequences;
    Object[] payloads = this.payloads;
    int count = occupied;
    while (true) {
      int first = (hole << ARITY_SHIFT) + 1;
      if (first >= count) {
        break;
      }
      // The least of up to four adjacent children, by time; sequences are read only on a tie.
      // With all four present (the common case) the choice is written without branches: which
      // child is least is a coin toss, and the processor would guess wrong half the time.
      int least = first;
      long leastTime = times[TIME_BASE + first];
      int end = Math.min(first + (1 << ARITY_SHIFT), count);
      for (int child = first + 1; child < end; child++) {
        long childTime = times[TIME_BASE + child];
        boolean less =
            childTime < leastTime | (childTime == leastTime && sequences[child] < sequences[least]);
        least = less ? child : least;
        leastTime = less ? childTime : leastTime;
      }
      if (leastTime > time || (leastTime == time && sequences[least] > sequence)) {
        break;
      }
      times[TIME_BASE + hole] = leastTime;
      sequences[hole] = sequences[least];
      payloads[hole] = payloads[least];
      hole = least;
    }
    times[TIME_BASE + hole] = time;
    sequences[hole] = sequence;
    payloads[hole] = payload;
  }

  private void grow() {
    Check.state(payloads.length < CAPACITY_MAX, "the event queue is full");
    int capacity = Math.min(payloads.length * 2, CAPACITY_MAX);
    times = Arrays.copyOf(times, TIME_BASE + capacity);
    sequences = Arrays.copyOf(sequences, capacity);
    payloads = Arrays.copyOf(payloads, capacity);
  }
}
