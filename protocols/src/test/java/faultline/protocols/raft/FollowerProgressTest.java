package faultline.protocols.raft;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Probe and replicate states, and replies that arrive late, twice or out of order. */
class FollowerProgressTest {
  private static final long HEARTBEAT_NANOS = 50;

  private static FollowerProgress replicatingFrom(long next) {
    FollowerProgress progress = new FollowerProgress(next, 256);
    progress.probeSent();
    progress.matched(next - 1);
    return progress;
  }

  @Test
  void probesOneAtATimeUntilASuccess() {
    FollowerProgress progress = new FollowerProgress(5, 256);
    assertThat(progress.mayProbe()).isTrue();
    progress.probeSent();
    assertThat(progress.mayProbe()).isFalse();
    assertThat(progress.heartbeatNextIndex()).isEqualTo(5);

    progress.matched(6);

    assertThat(progress.state()).isEqualTo(FollowerProgress.State.REPLICATE);
    assertThat(progress.nextIndex()).isEqualTo(7);
    assertThat(progress.mayProbe()).isFalse();
  }

  @Test
  void replicatingMovesNextIndexWhenSendingAndHeartbeatsPointAtWhatMatches() {
    FollowerProgress progress = replicatingFrom(3);
    progress.sent(3, 5, 0);
    progress.sent(6, 6, 1);

    assertThat(progress.nextIndex()).isEqualTo(7);
    assertThat(progress.matchIndex()).isEqualTo(2);
    assertThat(progress.heartbeatNextIndex()).isEqualTo(3); // Entries may still be in flight.
    progress.tick();
    assertThat(progress.heartbeatNextIndex()).isEqualTo(7); // A whole interval: check for them.
  }

  @Test
  void staleAndDuplicatedRepliesNeverMoveMatchIndexBack() {
    FollowerProgress progress = replicatingFrom(3);
    progress.sent(3, 10, 0);
    progress.matched(10);
    progress.matched(4); // An older reply, reordered.
    progress.matched(10); // A duplicate.

    assertThat(progress.matchIndex()).isEqualTo(10);
    assertThat(progress.nextIndex()).isEqualTo(11);
    assertThat(progress.isCurrentRejection(7)).isFalse(); // Rejected before 8..10 arrived.
    assertThat(progress.isCurrentRejection(12)).isTrue();

    progress.backUp(2);

    assertThat(progress.state()).isEqualTo(FollowerProgress.State.PROBE);
    assertThat(progress.nextIndex()).isEqualTo(11); // Never below what is known to match.
    assertThat(progress.isCurrentRejection(10)).isTrue();
    assertThat(progress.isCurrentRejection(12)).isFalse(); // Only the latest probe's answer.
    progress.matched(9);
    assertThat(progress.matchIndex()).isEqualTo(10);
  }

  @Test
  void aRejectionWhileReplicatingProbesJustAfterWhatMatchesWhateverTheHint() {
    // etcd-raft's MaybeDecrTo: everything sent since matchIndex may have been lost.
    FollowerProgress progress = replicatingFrom(3);
    progress.sent(3, 400, 0);
    progress.matched(120);

    progress.backUp(399);

    assertThat(progress.state()).isEqualTo(FollowerProgress.State.PROBE);
    assertThat(progress.nextIndex()).isEqualTo(121);
  }

  @Test
  void aRejectionWhileProbingGoesWhereTheFollowerSaysItsLogEndsNeverBelowWhatMatches() {
    FollowerProgress progress = new FollowerProgress(500, 256);
    progress.probeSent();

    progress.backUp(41); // The follower holds 40 entries.

    assertThat(progress.nextIndex()).isEqualTo(41);
    assertThat(progress.mayProbe()).isTrue();
    progress.probeSent();
    progress.matched(40);
    progress.backUp(7);
    progress.backUp(7); // A second rejection, now while probing again.
    assertThat(progress.nextIndex()).isEqualTo(41);
  }

  @Test
  void replicatingStopsWithTheInflightWindowFullAndGoesOnAsAcknowledgementsFreeIt() {
    FollowerProgress progress = new FollowerProgress(3, 2);
    progress.probeSent();
    progress.matched(2);
    progress.sent(3, 4, 0);
    assertThat(progress.inflightFull()).isFalse();
    progress.sent(5, 5, 0);
    assertThat(progress.inflightFull()).isTrue();

    progress.matched(4);
    assertThat(progress.inflightFull()).isFalse();
    progress.sent(6, 9, 0);
    assertThat(progress.inflightFull()).isTrue();

    progress.backUp(1); // Probing again: what was in flight no longer counts.
    assertThat(progress.inflightFull()).isFalse();
  }

  @Test
  void theInflightWindowCountsEachAppendEntriesOnceAndWrapsAround() {
    InflightAppends inflight = new InflightAppends(3);
    for (long last = 10; last <= 100; last += 10) {
      inflight.add(last);
      inflight.add(last - 5); // Sent again (a gap refilled): already counted.
      assertThat(inflight.count()).isEqualTo(last == 10 ? 1 : 2);
      inflight.freeThrough(last - 10);
      assertThat(inflight.count()).isEqualTo(1);
    }
    inflight.add(110);
    inflight.add(120);
    assertThat(inflight.full()).isTrue();
    inflight.freeThrough(1_000);
    assertThat(inflight.count()).isZero();
  }

  @Test
  void anOvertakenAppendGoesAgainOnceTheGapBeforeItFills() {
    FollowerProgress progress = replicatingFrom(3);
    progress.sent(3, 3, 0);
    progress.sent(4, 4, 1);
    assertThat(progress.mayStillArrive(3, 2, HEARTBEAT_NANOS)).isTrue();
    assertThat(progress.mayStillArrive(3, 60, HEARTBEAT_NANOS)).isFalse();

    progress.overtaken(4); // 4 arrived before 3 and was rejected.
    assertThat(progress.takeGapFilled()).isFalse();
    progress.matched(3);

    assertThat(progress.takeGapFilled()).isTrue();
    assertThat(progress.takeGapFilled()).isFalse(); // Once.
  }
}
