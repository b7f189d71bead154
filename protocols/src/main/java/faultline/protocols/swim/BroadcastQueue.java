package faultline.protocols.swim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The updates a member still has to piggyback, each a bounded number of times (SWIM §4.1; the limit
 * is memberlist's {@code retransmitLimit}). As in memberlist's {@code TransmitLimitedQueue}, the
 * least-sent updates go first, the newest first among equals, and a newer update about a member
 * replaces the queued one. The queue holds at most {@code capacity} updates: beyond that the
 * most-sent (oldest) one is dropped and counted, so a burst of news cannot grow it without bound.
 */
final class BroadcastQueue {
  private record Queued(int member, Update update, int transmits, long id) {}

  private static final Comparator<Queued> ORDER =
      Comparator.comparingInt(Queued::transmits)
          .thenComparing(Comparator.comparingLong(Queued::id).reversed());

  private final TreeSet<Queued> queue = new TreeSet<>(ORDER);
  private final Queued[] byMember; // The queued update about each member, or null.
  private final int capacity;
  private long idNext;
  private long dropped;

  BroadcastQueue(int members, int capacity) {
    this.byMember = new Queued[members];
    this.capacity = capacity;
  }

  /** Queues {@code update} (about {@code member}), replacing an older one about the same member. */
  void enqueue(int member, Update update) {
    Queued old = byMember[member];
    if (old != null) {
      queue.remove(old);
    }
    Queued fresh = new Queued(member, update, 0, idNext++);
    queue.add(fresh);
    byMember[member] = fresh;
    if (queue.size() > capacity) {
      Queued evicted = queue.pollLast();
      byMember[evicted.member()] = null;
      dropped++;
    }
  }

  /**
   * Takes up to {@code max} updates to piggyback on one message, counting a transmission for each;
   * an update sent {@code limit} times leaves the queue. Updates about {@code skipMember} (one the
   * caller already piggybacks) are left for another message.
   */
  List<Update> take(int max, int limit, int skipMember) {
    if (queue.isEmpty() || max <= 0) {
      return List.of();
    }
    List<Queued> chosen = new ArrayList<>(Math.min(max, queue.size()));
    for (Queued queued : queue) {
      if (chosen.size() == max) {
        break;
      }
      if (queued.member() != skipMember) {
        chosen.add(queued);
      }
    }
    List<Update> updates = new ArrayList<>(chosen.size());
    for (Queued queued : chosen) {
      queue.remove(queued);
      updates.add(queued.update());
      if (queued.transmits() + 1 < limit) {
        Queued again =
            new Queued(queued.member(), queued.update(), queued.transmits() + 1, queued.id());
        queue.add(again);
        byMember[queued.member()] = again;
      } else {
        byMember[queued.member()] = null;
      }
    }
    return updates;
  }

  int size() {
    return queue.size();
  }

  /** How many updates were dropped because the queue was full. */
  long dropped() {
    return dropped;
  }
}
