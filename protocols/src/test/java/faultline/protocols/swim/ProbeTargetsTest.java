package faultline.protocols.swim;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.random.SimRandom;
import faultline.protocols.membership.MemberIndex;
import faultline.protocols.membership.MemberStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The choice of each period's ping target: round-robin over a shuffled list (SWIM §4.3), which
 * bounds the time between two pings of any member by one prober, and the uniform choices of §3.1.
 */
class ProbeTargetsTest {
  private static final int N = 10;
  private static final int SELF = 0;

  private final MemberTable table =
      new MemberTable(MemberIndex.of(SwimRuns.of(N).config().members().ids()));
  private final SimRandom random = new SimRandom(42);

  private ProbeTargets targets(ProbeOrder order) {
    ProbeTargets targets = new ProbeTargets(order, SELF, N);
    for (int member = 0; member < N; member++) {
      table.initialize(member, new Entry(MemberStatus.ALIVE, 0));
      targets.add(member, random);
    }
    return targets;
  }

  @Test
  void roundRobinPingsEveryOtherMemberOncePerPass() {
    ProbeTargets targets = targets(ProbeOrder.ROUND_ROBIN);
    for (int pass = 0; pass < 50; pass++) {
      Set<Integer> seen = new HashSet<>();
      for (int period = 0; period < N - 1; period++) {
        seen.add(targets.next(table, random));
      }
      assertThat(seen).as("pass %s", pass).hasSize(N - 1).doesNotContain(SELF);
    }
  }

  @Test
  void roundRobinPingsEachMemberWithinTwoPassesLessOnePeriod() {
    // §4.3: "... each member is detected by each other within (2n - 1) protocol periods": the
    // worst case is a member pinged first in one pass and last in the next.
    ProbeTargets targets = targets(ProbeOrder.ROUND_ROBIN);
    int[] lastPinged = new int[N];
    java.util.Arrays.fill(lastPinged, -1);
    int longestGap = 0;
    for (int period = 0; period < 5_000; period++) {
      int target = targets.next(table, random);
      if (lastPinged[target] >= 0) {
        longestGap = Math.max(longestGap, period - lastPinged[target]);
      }
      lastPinged[target] = period;
    }
    assertThat(longestGap).isLessThanOrEqualTo(2 * (N - 1) - 1).isGreaterThan(N - 1);
  }

  @Test
  void roundRobinPassesOverMembersHeldFaultyOrGone() {
    ProbeTargets targets = targets(ProbeOrder.ROUND_ROBIN);
    table.set(3, new Entry(MemberStatus.FAULTY, 0), null);
    table.set(4, new Entry(MemberStatus.LEFT, 0), null);
    table.set(5, new Entry(MemberStatus.SUSPECT, 0), null);
    List<Integer> chosen = new ArrayList<>();
    for (int period = 0; period < 3 * N; period++) {
      chosen.add(targets.next(table, random));
    }
    assertThat(chosen).doesNotContain(3, 4, SELF).contains(5);
  }

  @Test
  void nobodyToProbeGivesNone() {
    ProbeTargets targets = targets(ProbeOrder.ROUND_ROBIN);
    for (int member = 1; member < N; member++) {
      table.set(member, new Entry(MemberStatus.FAULTY, 0), null);
    }
    assertThat(targets.next(table, random)).isEqualTo(ProbeTargets.NONE);
    assertThat(new ProbeTargets(ProbeOrder.UNIFORM, SELF, N).next(table, random))
        .isEqualTo(ProbeTargets.NONE);
  }

  @Test
  void aMemberIsAddedOnceAndNeverTheProberItself() {
    ProbeTargets targets = new ProbeTargets(ProbeOrder.ROUND_ROBIN, SELF, N);
    for (int member = 0; member < N; member++) {
      table.initialize(member, new Entry(MemberStatus.ALIVE, 0));
    }
    targets.add(SELF, random);
    targets.add(7, random);
    targets.add(7, random);
    for (int period = 0; period < 5; period++) {
      assertThat(targets.next(table, random)).isEqualTo(7);
    }
  }

  @Test
  void uniformChoiceNeverDrawsTheProberAndReachesEveryone() {
    ProbeTargets targets = targets(ProbeOrder.UNIFORM);
    int[] drawn = new int[N];
    for (int period = 0; period < 9_000; period++) {
      drawn[targets.next(table, random)]++;
    }
    assertThat(drawn[SELF]).isZero();
    for (int member = 1; member < N; member++) {
      assertThat(drawn[member]).as("member %s", member).isBetween(850, 1150);
    }
  }

  @Test
  void uniformWithSelfSkipsAboutOnePeriodInN() {
    // The paper's sampling: a member picks among all n, itself included; drawing itself wastes the
    // period. Expect 1/n of 10,000 periods, within a few standard deviations (sd = 30).
    ProbeTargets targets = targets(ProbeOrder.UNIFORM_WITH_SELF);
    int skipped = 0;
    for (int period = 0; period < 10_000; period++) {
      if (targets.next(table, random) == ProbeTargets.NONE) {
        skipped++;
      }
    }
    assertThat(skipped).isBetween(880, 1120);
  }
}
