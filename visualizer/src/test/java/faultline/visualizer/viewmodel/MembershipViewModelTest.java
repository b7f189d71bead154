package faultline.visualizer.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.visualizer.paint.CountingSurface;
import faultline.visualizer.paint.MatrixPainter;
import faultline.visualizer.paint.MembershipFrame;
import faultline.visualizer.paint.MembershipPainter;
import faultline.visualizer.paint.RowLayout;
import faultline.visualizer.trace.MemberState;
import faultline.visualizer.trace.MembershipFixtures;
import faultline.visualizer.trace.MembershipScaleFixture;
import faultline.visualizer.trace.Timeline;
import faultline.visualizer.trace.TraceFixtures;
import faultline.visualizer.trace.TraceReader;
import org.junit.jupiter.api.Test;

class MembershipViewModelTest {
  private final TimelineViewModel timeline = new TimelineViewModel();
  private final MembershipViewModel model = new MembershipViewModel(timeline);

  private Timeline showSwimLike() {
    Timeline run = TraceReader.fromLines("swim", MembershipFixtures.swimLike());
    timeline.show(run);
    return run;
  }

  @Test
  void membersAreSteppedThroughAndWrapAroundThroughEveryMember() {
    showSwimLike();
    assertThat(model.available()).isTrue();
    assertThat(model.subject().get()).isEqualTo(-1);
    model.nextMember(1);
    model.nextMember(1);
    assertThat(model.subject().get()).isEqualTo(1);
    model.nextMember(1);
    model.nextMember(1);
    assertThat(model.subject().get()).isEqualTo(-1);
    model.nextMember(-1);
    assertThat(model.subject().get()).isEqualTo(2);
  }

  @Test
  void theSpreadOfTheSelectedRecordsUpdateIsShownAboutItsMember() {
    Timeline run = showSwimLike();
    int record = firstLine(run, "\"member\":\"n2\",\"status\":\"faulty\"");
    timeline.select(record);
    model.spreadOfSelectionOrNext();
    assertThat(model.subject().get()).isEqualTo(1);
    assertThat(model.update().get().state()).isEqualTo(MemberState.FAULTY);
    assertThat(timeline.status().get())
        .isEqualTo(
            "n2 faulty at incarnation 0: 2 of 3 members held it, the first at 250ns,"
                + " all of them within 5ns; never: n2");
    model.spreadOfSelectionOrNext(); // Again: the next update about n2, wrapping around.
    assertThat(model.update().get().state()).isEqualTo(MemberState.ALIVE);
    model.clearSpread();
    assertThat(model.frame(1000, 400).spread()).isNull();
  }

  @Test
  void hoveringTellsStateIncarnationSourceMessageAndFalsePositives() {
    showSwimLike();
    model.showMember(1);
    MembershipFrame frame = model.frame(1000, 400);
    double x = frame.viewport().x(280);
    double y = frame.rowCentre(2); // n3's view of n2.
    assertThat(model.describeAt(x, y, 1000, 400))
        .contains("n3 holds n2 faulty at incarnation 0")
        .contains("verdict or announcement of n1")
        .contains("learned from n1 in its Ping")
        .contains("FALSE POSITIVE: n2 was up (the accuracy check's cause: pause)");
    model.showAll();
    MembershipFrame all = model.frame(1000, 400);
    assertThat(model.describeAt(all.viewport().x(260), all.rowCentre(1), 1000, 400))
        .contains("alive 1 · suspect 0 · faulty 2")
        .contains("2 of the faulty verdicts are false positives");
  }

  @Test
  void clickingARowOfEveryMemberOpensItsViewsAndClickingAStretchSelectsItsRecord() {
    Timeline run = showSwimLike();
    MembershipFrame all = model.frame(1000, 400);
    model.clickAt(all.viewport().x(100), all.rowCentre(2), 1000, 400);
    assertThat(model.subject().get()).isEqualTo(2);
    MembershipFrame one = model.frame(1000, 400);
    model.clickAt(one.viewport().x(520), one.rowCentre(1), 1000, 400);
    assertThat(timeline.selected().get()).isGreaterThanOrEqualTo(0);
    assertThat(run.line(timeline.selected().get()))
        .contains("\"node\":\"n2\"")
        .contains("\"member\":\"n3\",\"status\":\"faulty\"");
  }

  @Test
  void aRunWithoutMembershipRecordsOffersNoView() {
    timeline.show(TraceReader.fromLines("raft", TraceFixtures.raftLike()));
    assertThat(model.available()).isFalse();
    model.nextMember(1);
    assertThat(model.subject().get()).isEqualTo(-1);
  }

  @Test
  void rowsGroupMembersWhenTheyWouldBeThinnerThanThreePixels() {
    assertThat(RowLayout.fit(10, 0, 400, 23).oneEach()).isTrue();
    RowLayout thousand = RowLayout.fit(1000, 0, 400, 23);
    assertThat(thousand.members(0)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    assertThat(thousand.rows()).isEqualTo(125);
    assertThat(thousand.rowOf(999)).isEqualTo(124);
    assertThat(thousand.label(124, names(1000))).isEqualTo("n993–n1000");
  }

  @Test
  void membersWithNewsGetARowEachAndTheQuietOnesShareTheLast() {
    boolean[] news = new boolean[100];
    news[3] = true;
    news[7] = true;
    RowLayout layout = RowLayout.newsFirst(news, 0, 400, 23, 12);
    assertThat(layout.rows()).isEqualTo(3);
    assertThat(layout.members(0)).containsExactly(3);
    assertThat(layout.members(1)).containsExactly(7);
    assertThat(layout.members(2)).hasSize(98);
    assertThat(layout.label(2, names(100))).isEqualTo("98 quiet");
    assertThat(layout.rowOf(7)).isEqualTo(1);
    assertThat(layout.rowOf(50)).isEqualTo(2);
    assertThat(RowLayout.newsFirst(new boolean[100], 0, 400, 23, 12).rows()).isEqualTo(1);
    boolean[] everyone = new boolean[100];
    java.util.Arrays.fill(everyone, true);
    assertThat(RowLayout.newsFirst(everyone, 0, 400, 23, 12)).isNull();
  }

  private static java.util.List<String> names(int n) {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (int i = 1; i <= n; i++) {
      names.add("n" + i);
    }
    return names;
  }

  @Test
  void aThousandMembersDrawInBoundedCallsInEveryMode() {
    Timeline run = MembershipScaleFixture.run(1000);
    timeline.show(run);
    assertThat(run.memberViews().changeCount()).isEqualTo(4 * 999);
    CountingSurface all = new CountingSurface();
    MembershipFrame every = model.frame(1400, 500);
    assertThat(every.layout().rows()).as("n1, n1000 and the quiet rest").isEqualTo(3);
    assertThat(every.layout().members(1)).containsExactly(999);
    new MembershipPainter().paint(all, every);
    assertThat(all.calls()).isLessThan(20_000);
    model.showMember(0);
    CountingSurface one = new CountingSurface();
    MembershipFrame frame = model.frame(1400, 500);
    new MembershipPainter().paint(one, frame);
    assertThat(frame.layout().oneEach()).isFalse();
    assertThat(one.calls()).isLessThan(20_000);
    model.showSpread(run.memberViews().updatesAbout(0).getLast());
    assertThat(model.frame(1400, 500).spread().learned()).hasSize(999);
    CountingSurface matrix = new CountingSurface();
    new MatrixPainter().paint(matrix, run.memberViews(), 22_000_000_000L, 340, 13, "t");
    assertThat(matrix.calls()).isLessThan(50_000);
  }

  private static int firstLine(Timeline run, String text) {
    for (int i = 0; i < run.eventCount(); i++) {
      if (run.line(i).contains(text)) {
        return i;
      }
    }
    throw new AssertionError("no line with " + text);
  }
}
