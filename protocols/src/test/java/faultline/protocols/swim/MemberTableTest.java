package faultline.protocols.swim;

import static faultline.protocols.swim.SwimRuns.n;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.protocols.membership.MemberIndex;
import faultline.protocols.membership.MemberStatus;
import faultline.protocols.membership.ViewChange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A member's list: entries by position, known count, and a log of changes per handler. */
class MemberTableTest {
  private final MemberTable table = new MemberTable(MemberIndex.of(List.of(n(3), n(1), n(2))));

  @Test
  void unknownMembersHaveNoEntryAndAreNotCounted() {
    assertThat(table.entry(0)).isNull();
    assertThat(table.status(0)).isEqualTo(MemberStatus.UNKNOWN);
    assertThat(table.knownCount()).isZero();
    table.initialize(0, new Entry(MemberStatus.ALIVE, 0));
    table.initialize(0, new Entry(MemberStatus.ALIVE, 2));
    assertThat(table.knownCount()).isEqualTo(1);
    assertThat(table.entry(0)).isEqualTo(new Entry(MemberStatus.ALIVE, 2));
    assertThat(table.changes()).as("the starting list is no change").isEmpty();
  }

  @Test
  void everyChangeIsLoggedWithItsBeforeAndItsSourceUntilCleared() {
    table.set(1, new Entry(MemberStatus.SUSPECT, 4), n(3));
    table.set(1, new Entry(MemberStatus.FAULTY, 4), n(1));
    assertThat(table.changes())
        .containsExactly(
            new ViewChange(n(2), MemberStatus.UNKNOWN, 0, MemberStatus.SUSPECT, 4, n(3)),
            new ViewChange(n(2), MemberStatus.SUSPECT, 4, MemberStatus.FAULTY, 4, n(1)));
    assertThat(table.index().id(1)).as("positions follow id order").isEqualTo(n(2));
    table.clearChanges();
    assertThat(table.changes()).isEmpty();
  }

  @Test
  void onlyOtherMembersAliveOrSuspectAreWorthProbing() {
    table.initialize(0, new Entry(MemberStatus.ALIVE, 0));
    table.initialize(1, new Entry(MemberStatus.SUSPECT, 0));
    table.initialize(2, new Entry(MemberStatus.FAULTY, 0));
    assertThat(table.isProbeable(0, 0)).isFalse();
    assertThat(table.isProbeable(1, 0)).isTrue();
    assertThat(table.isProbeable(2, 0)).isFalse();
  }
}
