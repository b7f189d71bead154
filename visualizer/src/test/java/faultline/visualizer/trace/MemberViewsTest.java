package faultline.visualizer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.visualizer.trace.Membership.Counts;
import faultline.visualizer.trace.Membership.Learning;
import faultline.visualizer.trace.Membership.Segment;
import faultline.visualizer.trace.Membership.Spread;
import faultline.visualizer.trace.Membership.Update;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberViewsTest {
  private static final int N1 = 0;
  private static final int N2 = 1;
  private static final int N3 = 2;

  private final Timeline run = TraceReader.fromLines("swim", MembershipFixtures.swimLike());
  private final MemberViews views = run.memberViews();

  @Test
  void eachObserversViewIsAStepFunctionOfItsRecords() {
    List<Segment> n1AboutN2 = views.segmentsAbout(N2).get(N1);
    assertThat(n1AboutN2)
        .extracting(s -> s.state() + "@" + s.incarnation() + " " + s.startNanos())
        .containsExactly("ALIVE@0 0", "SUSPECT@0 150", "FAULTY@0 250", "ALIVE@1 305");
    assertThat(n1AboutN2.get(2).endNanos()).isEqualTo(305);
    assertThat(n1AboutN2.getLast().endNanos()).isEqualTo(run.endNanos());
    assertThat(n1AboutN2.get(2).source()).isEqualTo(N1);
  }

  @Test
  void aVerdictAgainstAMemberThatIsUpIsAFalsePositiveAndOneAgainstACrashedMemberIsNot() {
    Segment pausedDeclaredFaulty = views.segmentsAbout(N2).get(N3).get(2);
    assertThat(pausedDeclaredFaulty.state()).isEqualTo(MemberState.FAULTY);
    assertThat(pausedDeclaredFaulty.falsePositive()).isTrue();
    Segment crashedDeclaredFaulty = views.segmentsAbout(N3).get(N2).getLast();
    assertThat(crashedDeclaredFaulty.state()).isEqualTo(MemberState.FAULTY);
    assertThat(crashedDeclaredFaulty.falsePositive()).isFalse();
    assertThat(views.falsePositiveCause(N2, 0)).isEqualTo("pause");
    assertThat(views.falsePositiveCause(N2, 1)).isNull();
  }

  @Test
  void aCrashWipesTheCrashedMembersOwnView() {
    List<Segment> n3AboutN1 = views.segmentsAbout(N1).get(N3);
    assertThat(n3AboutN1).hasSize(1);
    assertThat(n3AboutN1.getFirst().endNanos()).isEqualTo(400);
  }

  @Test
  void theSpreadOfAnUpdateSaysWhenAndThroughWhichMessageEachMemberLearnedIt() {
    Update faulty =
        views.updatesAbout(N2).stream()
            .filter(u -> u.state() == MemberState.FAULTY)
            .findFirst()
            .orElseThrow();
    assertThat(faulty.label(views.names())).isEqualTo("n2 faulty at incarnation 0");
    Spread spread = views.spread(faulty);
    assertThat(spread.learned()).extracting(Learning::observer).containsExactly(N1, N3);
    assertThat(spread.learned().get(0).via()).isEqualTo(-1); // n1's own suspicion timed out.
    Message carrier = run.messages().get(spread.learned().get(1).via());
    assertThat(carrier.from()).isEqualTo(N1);
    assertThat(run.timeNanos(carrier.sendIndex())).isEqualTo(250);
    assertThat(spread.never()).containsExactly(N2);
  }

  @Test
  void updatesAreListedOncePerStateAndIncarnationInOrderOfAppearance() {
    assertThat(views.updatesAbout(N2))
        .extracting(u -> u.label(views.names()))
        .containsExactly(
            "n2 suspect at incarnation 0",
            "n2 faulty at incarnation 0",
            "n2 alive at incarnation 1");
    assertThat(views.updates()).hasSize(5);
  }

  @Test
  void theMatrixHoldsEveryViewAtAnInstant() {
    byte[] matrix = views.matrixAt(260);
    assertThat(MemberState.values()[matrix[N1 * 3 + N2]]).isEqualTo(MemberState.FAULTY);
    assertThat(MemberState.values()[matrix[N3 * 3 + N2]]).isEqualTo(MemberState.FAULTY);
    assertThat(MemberState.values()[matrix[N2 * 3 + N1]]).isEqualTo(MemberState.ALIVE);
    byte[] later = views.matrixAt(450);
    assertThat(MemberState.values()[later[N3 * 3 + N1]]).isEqualTo(MemberState.UNKNOWN);
    assertThat(MemberState.values()[later[N1 * 3 + N3]]).isEqualTo(MemberState.SUSPECT);
  }

  @Test
  void countsSayHowManyMembersHeldAMemberInEachStateAndWhetherItWasUp() {
    Counts counts = views.countsAbout(N3);
    int step = counts.stepAt(550);
    assertThat(counts.counts()[step][MemberState.FAULTY.ordinal()]).isEqualTo(1);
    assertThat(counts.counts()[step][MemberState.SUSPECT.ordinal()]).isEqualTo(1);
    assertThat(counts.subjectUp()[step]).isFalse();
    assertThat(counts.subjectUp()[counts.stepAt(10)]).isTrue();
  }

  @Test
  void aDetectorThatAnnouncesNoStartingListIsTakenToStartWithEveryoneAlive() {
    MemberViews heartbeat =
        TraceReader.fromLines("hb", MembershipFixtures.heartbeatLike()).memberViews();
    assertThat(heartbeat.assumedBaselines()).isTrue();
    assertThat(heartbeat.segmentsAbout(N3).get(N1))
        .extracting(s -> s.state() + " " + s.startNanos() + " " + s.falsePositive())
        .containsExactly("ALIVE 0 false", "FAULTY 150 true", "ALIVE 210 false");
    assertThat(heartbeat.segmentsAbout(N3).get(N1).getFirst().event()).isEqualTo(-1);
  }

  @Test
  void aRunWithoutMembershipRecordsHasNoViews() {
    assertThat(TraceReader.fromLines("raft", TraceFixtures.raftLike()).memberViews().isEmpty())
        .isTrue();
    assertThat(views.isEmpty()).isFalse();
  }
}
