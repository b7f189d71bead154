package faultline.protocols.swim;

import static faultline.protocols.swim.SwimRuns.n;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The transmit-limited queue, as memberlist's {@code TransmitLimitedQueue} behaves. */
class BroadcastQueueTest {
  @Test
  void leastSentFirstThenNewestFirst() {
    BroadcastQueue queue = new BroadcastQueue(10, 100);
    queue.enqueue(1, Update.alive(n(2), 0));
    queue.enqueue(2, Update.alive(n(3), 0));
    assertThat(queue.take(1, 5, -1)).containsExactly(Update.alive(n(3), 0));
    queue.enqueue(3, Update.alive(n(4), 0));
    assertThat(queue.take(3, 5, -1))
        .containsExactly(Update.alive(n(4), 0), Update.alive(n(2), 0), Update.alive(n(3), 0));
  }

  @Test
  void aNewerUpdateAboutAMemberReplacesTheQueuedOne() {
    BroadcastQueue queue = new BroadcastQueue(10, 100);
    queue.enqueue(1, Update.alive(n(2), 0));
    queue.enqueue(1, Update.suspect(n(2), 0, n(5)));
    assertThat(queue.size()).isEqualTo(1);
    assertThat(queue.take(5, 5, -1)).containsExactly(Update.suspect(n(2), 0, n(5)));
  }

  @Test
  void anUpdateLeavesAfterItsLimitOfTransmissions() {
    BroadcastQueue queue = new BroadcastQueue(10, 100);
    queue.enqueue(1, Update.alive(n(2), 0));
    for (int i = 0; i < 3; i++) {
      assertThat(queue.take(5, 3, -1)).hasSize(1);
    }
    assertThat(queue.take(5, 3, -1)).isEmpty();
    assertThat(queue.size()).isZero();
  }

  @Test
  void aFullQueueDropsItsMostSentUpdateAndCountsIt() {
    BroadcastQueue queue = new BroadcastQueue(10, 2);
    queue.enqueue(1, Update.alive(n(2), 0));
    queue.take(1, 9, -1); // n2's alive has been sent once.
    queue.enqueue(2, Update.alive(n(3), 0));
    queue.enqueue(3, Update.alive(n(4), 0));
    assertThat(queue.size()).isEqualTo(2);
    assertThat(queue.dropped()).isEqualTo(1);
    assertThat(queue.take(5, 9, -1)).containsExactly(Update.alive(n(4), 0), Update.alive(n(3), 0));
  }

  @Test
  void anUpdateAboutTheSkippedMemberWaitsForAnotherMessage() {
    BroadcastQueue queue = new BroadcastQueue(10, 100);
    queue.enqueue(1, Update.alive(n(2), 0));
    queue.enqueue(2, Update.alive(n(3), 0));
    assertThat(queue.take(5, 5, 1)).containsExactly(Update.alive(n(3), 0));
    assertThat(queue.take(5, 5, -1)).contains(Update.alive(n(2), 0));
  }
}
