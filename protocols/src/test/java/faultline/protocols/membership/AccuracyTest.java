package faultline.protocols.membership;

import static faultline.engine.time.Nanos.SECOND;
import static faultline.protocols.membership.FakeGroup.id;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.net.DropReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Accuracy against the truth: a live member declared faulty is a false positive, counted once per
 * member and incarnation and once per believer, and attributed to the first cause that fits within
 * the window before the verdict. How it works: beliefs are set by hand in a {@link FakeGroup}, the
 * truth (pauses, drops, restarts) is set beside them, and the check is shown each step.
 */
class AccuracyTest {
  private static final MembershipBounds BOUNDS = new MembershipBounds(60 * SECOND, 10 * SECOND);

  private final FakeGroup group =
      new FakeGroup(5).checking(index -> List.of(new Accuracy(index, BOUNDS)));

  private void declare(int viewer, int accused, long incarnation, int judge) {
    group.member(viewer).believe(id(accused), MemberStatus.FAULTY, incarnation, id(judge));
    group.step(viewer);
  }

  @Test
  void aCrashedMemberDeclaredFaultyIsNoFalsePositive() {
    group.at(5 * SECOND).crash(3);
    group.at(9 * SECOND);
    declare(1, 3, 0, 1);

    assertThat(group.metrics).isEmpty();
    assertThat(group.notes).isEmpty();
    assertThat(group.failures).isEmpty();
  }

  @Test
  void aLiveMemberDeclaredFaultyIsCountedOncePerIncarnationAndOncePerBeliever() {
    group.at(20 * SECOND);
    declare(1, 3, 0, 1);
    declare(2, 3, 0, 1);
    declare(4, 3, 0, 1);
    declare(1, 3, 1, 2); // A second verdict, after a refutation: a new false positive.

    assertThat(group.metric("membership.falsePositives")).isEqualTo(2);
    assertThat(group.metric("membership.falsePositiveViews")).isEqualTo(4);
    assertThat(group.failures).as("accuracy never fails a run").isEmpty();
    assertThat(group.notes.getFirst())
        .contains("n1 holds n3 faulty (incarnation 0, verdict of n1) while it is up")
        .endsWith("cause: slow");
  }

  @Test
  void aSuspicionOfALiveMemberIsAFalseSuspicionNotAFalsePositive() {
    group.at(20 * SECOND);
    group.member(1).believe(id(3), MemberStatus.SUSPECT, 0, id(1));
    group.step(1);
    group.member(2).believe(id(3), MemberStatus.SUSPECT, 0, id(1));
    group.step(2);

    assertThat(group.metric("membership.falseSuspicions")).isEqualTo(1);
    assertThat(group.metric("membership.falsePositives")).isZero();
  }

  @Test
  void aPauseOfTheAccusedExplainsTheVerdictBeforeAnythingElse() {
    group.at(10 * SECOND).drop(3, DropReason.LOSS);
    group.drop(3, DropReason.PARTITION);
    group.pausedSince.put(id(3), 11 * SECOND);
    group.at(18 * SECOND);
    declare(1, 3, 0, 1);

    assertThat(group.metric("membership.falsePositives.pause")).isEqualTo(1);
  }

  @Test
  void aPauseThatEndedBeforeTheWindowExplainsNothing() {
    group.lastPaused.put(id(3), 2 * SECOND);
    group.at(20 * SECOND);
    declare(1, 3, 0, 1);

    assertThat(group.metric("membership.falsePositives.slow")).isEqualTo(1);
  }

  @Test
  void aRecentRestartOfTheAccusedExplainsTheVerdict() {
    group.at(10 * SECOND).crash(3);
    group.at(12 * SECOND);
    group.up.put(id(3), true);
    group.step(3);
    group.at(16 * SECOND);
    declare(1, 3, 0, 2);

    assertThat(group.metric("membership.falsePositives.restart")).isEqualTo(1);
  }

  @Test
  void dropsAtTheAccusedOrAtTheJudgeAreLookedForInOrder() {
    group.at(12 * SECOND).drop(2, DropReason.LOSS); // At the judge, n2.
    group.drop(3, DropReason.PARTITION); // At the accused.
    group.at(15 * SECOND);
    declare(1, 3, 0, 2);
    assertThat(group.metric("membership.falsePositives.partition")).isEqualTo(1);

    group.drop(2, DropReason.BLOCKED);
    declare(1, 4, 0, 2);
    assertThat(group.metric("membership.falsePositives.one-way-link")).isEqualTo(1);

    group.at(23 * SECOND).drop(5, DropReason.LOSS);
    declare(1, 5, 0, 1);
    assertThat(group.metric("membership.falsePositives.loss")).isEqualTo(1);
  }

  @Test
  void aMemberThatLeftIsNotAccusedFalsely() {
    group.member(3).member = false;
    group.at(5 * SECOND);
    group.step(3);
    declare(1, 3, 0, 1);

    assertThat(group.metric("membership.falsePositives")).isZero();
  }
}
