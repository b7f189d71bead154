package faultline.protocols.membership;

import static faultline.engine.time.Nanos.SECOND;
import static faultline.protocols.membership.FakeGroup.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Completeness made a bounded, checkable property: within the bound of a crash or a leave, every
 * member that stayed up, in the group and unpaused holds the departed member faulty or gone. Judged
 * at the first event at or after the deadline, in a {@link FakeGroup} driven by hand.
 */
class CompletenessTest {
  private static final MembershipBounds BOUNDS = new MembershipBounds(10 * SECOND, 5 * SECOND);

  private final FakeGroup group =
      new FakeGroup(4).checking(index -> List.of(new Completeness(index, BOUNDS)));

  private void holdFaulty(int viewer, int member) {
    group.member(viewer).believe(id(member), MemberStatus.FAULTY, 0, null);
    group.step(viewer);
  }

  @Test
  void everyLiveMemberKnowingInTimePasses() {
    group.at(5 * SECOND).crash(2);
    group.at(8 * SECOND);
    holdFaulty(1, 2);
    holdFaulty(3, 2);
    holdFaulty(4, 2);
    group.at(15 * SECOND).step(1);

    assertThat(group.failures).isEmpty();
  }

  @Test
  void aMemberStillHoldingTheCrashedOneAliveAtTheDeadlineFails() {
    group.at(5 * SECOND).crash(2);
    group.at(8 * SECOND);
    holdFaulty(1, 2);
    group.member(3).believe(id(2), MemberStatus.SUSPECT, 0, id(1));
    group.step(3);
    group.at(14 * SECOND).step(1);
    assertThat(group.failures).as("before the deadline").isEmpty();

    group.at(15 * SECOND).step(1);
    assertThat(group.failures)
        .singleElement()
        .asString()
        .isEqualTo(
            "2 member(s) still hold n2 alive or suspect 10000 ms after it crashed: [n3, n4]");
    assertThat(group.metric("membership.completenessMisses")).isEqualTo(1);

    group.at(30 * SECOND).step(1);
    assertThat(group.failures).as("judged once").hasSize(1);
  }

  @Test
  void aPausedMemberOrOneThatCameLaterOwesNothing() {
    group.pausedSince.put(id(3), 4 * SECOND); // Frozen through the deadline.
    group.at(5 * SECOND).crash(4);
    group.at(6 * SECOND).crash(2); // n4 restarts after n2's crash: it cannot have seen it.
    group.at(7 * SECOND);
    group.up.put(id(4), true);
    group.step(4);
    holdFaulty(1, 2);
    group.at(16 * SECOND).step(1);

    assertThat(group.failures).isEmpty();
  }

  @Test
  void aMemberThatComesBackBeforeTheDeadlineIsNoLongerOwed() {
    group.at(5 * SECOND).crash(2);
    group.at(7 * SECOND);
    group.up.put(id(2), true);
    group.step(2);
    group.at(20 * SECOND).step(1);

    assertThat(group.failures).isEmpty();
  }

  @Test
  void aGracefulLeaveIsOwedLikeACrash() {
    group.member(2).member = false;
    group.at(5 * SECOND).step(2);
    group.member(1).believe(id(2), MemberStatus.LEFT, 0, id(2));
    group.step(1);
    group.at(15 * SECOND).step(1);

    assertThat(group.failures)
        .singleElement()
        .asString()
        .endsWith("10000 ms after it left: [n3, n4]");
  }

  @Test
  void longListsAreAbbreviated() {
    List<faultline.engine.node.NodeId> twelve =
        java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(FakeGroup::id).toList();
    assertThat(Completeness.abbreviated(twelve)).isEqualTo(twelve.subList(0, 8) + " and 4 more");
  }
}
