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
        .contains("FALSE POSITIVE");
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
    assertThat(RowLayout.fit(10, 0, 400, 23)).extracting(RowLayout::perRow).isEqualTo(1);
    RowLayout thousand = RowLayout.fit(1000, 0, 400, 23);
    assertThat(thousand.perRow()).isEqualTo(8);
    assertThat(thousand.rows()).isEqualTo(125);
    assertThat(thousand.rowOf(999)).isEqualTo(124);
    assertThat(thousand.endItem(124)).isEqualTo(1000);
  }

  @Test
  void aThousandMembersDrawInBoundedCallsInEveryMode() {
    Timeline run = MembershipScaleFixture.run(1000);
    timeline.show(run);
    assertThat(run.memberViews().changeCount()).isEqualTo(4 * 999);
    CountingSurface all = new CountingSurface();
    new MembershipPainter().paint(all, model.frame(1400, 500));
    assertThat(all.calls()).isLessThan(20_000);
    model.showMember(0);
    CountingSurface one = new CountingSurface();
    MembershipFrame frame = model.frame(1400, 500);
    new MembershipPainter().paint(one, frame);
    assertThat(frame.layout().perRow()).isGreaterThan(1);
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
