package faultline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.testing.Trials;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The event queue must behave exactly like a list kept sorted by time, where an event goes after
 * every event with the same time or earlier: that stability is what makes equal-time events leave
 * in the order they were scheduled, and so what makes runs repeatable.
 *
 * <p>How it works: each generated case is a random interleaving of adds and polls, applied to the
 * heap and to that naive model side by side; every poll, peek and size must agree. Times are drawn
 * from a handful of values most of the time, so that ties are common, and from the whole range of
 * longs otherwise; one add in eight is an {@code addAhead}, the engine's way of putting overdue
 * work first. Example tests cover growth from the smallest capacity and misuse.
 */
class EventQueueProperties {

  /**
   * A naive, obviously correct model: a list sorted stably by time, where an event added ahead goes
   * before the ordinary events of its time but after the events added ahead before it.
   */
  private static final class SortedListModel {
    private final List<long[]> entries = new ArrayList<>(); // {time, payload, ahead ? 1 : 0}

    void add(long time, long payload) {
      int at = entries.size();
      while (at > 0 && entries.get(at - 1)[0] > time) {
        at--;
      }
      entries.add(at, new long[] {time, payload, 0});
    }

    void addAhead(long time, long payload) {
      int at = entries.size();
      while (at > 0
          && (entries.get(at - 1)[0] > time
              || (entries.get(at - 1)[0] == time && entries.get(at - 1)[2] == 0))) {
        at--;
      }
      entries.add(at, new long[] {time, payload, 1});
    }

    long[] poll() {
      return entries.removeFirst();
    }

    long peekTime() {
      return entries.getFirst()[0];
    }

    int size() {
      return entries.size();
    }
  }

  @Test
  void randomInterleavingsLeaveInTheModelsOrder() {
    Trials.forAll(
        "the heap polls like a stable sorted list",
        1_000,
        case_ -> {
          EventQueue<Long> queue = new EventQueue<>(case_.nextInt(1, 8));
          SortedListModel model = new SortedListModel();
          long payloadNext = 0;
          int operations = case_.nextInt(1, 400);
          int addPercent = case_.nextInt(30, 90); // Some cases grow large, some stay small.
          for (int op = 0; op < operations; op++) {
            if (model.size() == 0 || case_.nextInt(100) < addPercent) {
              long time = time(case_);
              if (case_.nextInt(8) == 0) {
                queue.addAhead(time, payloadNext);
                model.addAhead(time, payloadNext);
              } else {
                queue.add(time, payloadNext);
                model.add(time, payloadNext);
              }
              payloadNext++;
            } else {
              assertThat(queue.peekTimeNanos()).isEqualTo(model.peekTime());
              long[] expected = model.poll();
              assertThat(queue.poll()).as("poll %s", op).isEqualTo(expected[1]);
            }
            assertThat(queue.size()).isEqualTo(model.size());
            assertThat(queue.isEmpty()).isEqualTo(model.size() == 0);
          }
          while (model.size() > 0) {
            assertThat(queue.peekTimeNanos()).isEqualTo(model.peekTime());
            assertThat(queue.poll()).isEqualTo(model.poll()[1]);
          }
          assertThat(queue.isEmpty()).isTrue();
        });
  }

  /**
   * The queue defers refilling its root after a poll until the next add (which takes the root) or
   * the next peek or poll (which refill it from the last leaf). The interleavings above always peek
   * before polling; these poll, poll again, and add right after polls, without peeking.
   */
  @Test
  void pollsAndAddsWithoutPeeksLeaveInTheModelsOrder() {
    Trials.forAll(
        "the heap polls like a stable sorted list without peeks",
        1_000,
        case_ -> {
          EventQueue<Long> queue = new EventQueue<>(case_.nextInt(1, 8));
          SortedListModel model = new SortedListModel();
          long payloadNext = 0;
          int operations = case_.nextInt(1, 400);
          for (int op = 0; op < operations; op++) {
            int choice = case_.nextInt(10);
            if (model.size() == 0 || choice < 5) {
              long time = time(case_);
              if (choice == 0) {
                queue.addAhead(time, payloadNext);
                model.addAhead(time, payloadNext);
              } else {
                queue.add(time, payloadNext);
                model.add(time, payloadNext);
              }
              payloadNext++;
            } else {
              assertThat(queue.poll()).as("poll %s", op).isEqualTo(model.poll()[1]);
            }
            assertThat(queue.size()).isEqualTo(model.size());
          }
          while (model.size() > 0) {
            assertThat(queue.poll()).isEqualTo(model.poll()[1]);
          }
          assertThat(queue.isEmpty()).isTrue();
        });
  }

  @Test
  void eventsAtOneInstantLeaveInInsertionOrder() {
    EventQueue<Integer> queue = new EventQueue<>();
    for (int i = 0; i < 1_000; i++) {
      queue.add(5, i);
    }
    for (int i = 0; i < 1_000; i++) {
      assertThat(queue.poll()).isEqualTo(i);
    }
  }

  @Test
  void eventsAddedAheadLeaveBeforeTheOthersOfTheirInstantInTheirOwnOrder() {
    EventQueue<String> queue = new EventQueue<>();
    queue.add(5, "ordinary-1");
    queue.add(4, "earlier");
    queue.addAhead(5, "ahead-1");
    queue.add(5, "ordinary-2");
    queue.addAhead(5, "ahead-2");
    queue.addAhead(6, "later-ahead");
    List<String> polled = new ArrayList<>();
    while (!queue.isEmpty()) {
      polled.add(queue.poll());
    }
    assertThat(polled)
        .containsExactly(
            "earlier", "ahead-1", "ahead-2", "ordinary-1", "ordinary-2", "later-ahead");
  }

  @Test
  void anEventAddedWithAReservedSequenceLeavesWhereItWouldHaveIfAddedAtTheReservation() {
    EventQueue<String> queue = new EventQueue<>();
    queue.add(5, "before-reservation");
    long reserved = queue.reserveSequence();
    queue.add(5, "after-reservation");
    queue.add(3, "early");
    assertThat(queue.poll()).isEqualTo("early");
    queue.addReserved(5, reserved, "reserved"); // Into the root the poll left empty.
    List<String> polled = new ArrayList<>();
    while (!queue.isEmpty()) {
      polled.add(queue.poll());
    }
    assertThat(polled).containsExactly("before-reservation", "reserved", "after-reservation");
    assertThatThrownBy(() -> queue.addReserved(5, reserved + 1_000, "never reserved"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("was not reserved");
  }

  @Test
  void growsFromTheSmallestCapacityWithoutLosingOrder() {
    EventQueue<Integer> queue = new EventQueue<>(0); // Clamped to a capacity of two.
    int count = 100_000;
    for (int i = 0; i < count; i++) {
      queue.add(count - i, i); // Descending times: every add sifts all the way up.
    }
    assertThat(queue.size()).isEqualTo(count);
    for (int i = 0; i < count; i++) {
      assertThat(queue.peekTimeNanos()).isEqualTo(i + 1);
      assertThat(queue.poll()).isEqualTo(count - 1 - i);
    }
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void growsWhilePartlyDrained() {
    EventQueue<Integer> queue = new EventQueue<>(2);
    List<Integer> polled = new ArrayList<>();
    for (int round = 0; round < 10; round++) {
      for (int i = 0; i < 100; i++) {
        queue.add(round * 1_000L + i, round * 1_000 + i);
      }
      for (int i = 0; i < 50; i++) {
        polled.add(queue.poll());
      }
    }
    while (!queue.isEmpty()) {
      polled.add(queue.poll());
    }
    assertThat(polled).hasSize(1_000).isSorted();
  }

  @Test
  void anEmptyQueueRefusesToPollOrPeek() {
    EventQueue<String> queue = new EventQueue<>();
    assertThatThrownBy(queue::poll).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(queue::peekTimeNanos).isInstanceOf(IllegalStateException.class);
    queue.add(1, "only");
    assertThat(queue.poll()).isEqualTo("only");
    assertThatThrownBy(queue::poll).isInstanceOf(IllegalStateException.class);
  }

  private static long time(SplittableRandom random) {
    return random.nextInt(4) == 0
        ? Trials.edgy(random, Long.MIN_VALUE, Long.MAX_VALUE)
        : random.nextLong(0, 6);
  }
}
