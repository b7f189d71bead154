package faultline.visualizer.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.visualizer.paint.Frame;
import faultline.visualizer.trace.EventKind;
import faultline.visualizer.trace.Message;
import faultline.visualizer.trace.Timeline;
import faultline.visualizer.trace.TraceFixtures;
import faultline.visualizer.trace.TraceReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The navigation rules without a screen: the view model is driven as the window would drive it, and
 * its cursor, window, selection and highlights are checked against the fixture run.
 */
class TimelineViewModelTest {
  private final Timeline run = TraceReader.fromLines("fixture", TraceFixtures.raftLike());
  private final TimelineViewModel model = new TimelineViewModel();

  @BeforeEach
  void show() {
    model.show(run);
  }

  @Test
  void opensFittedWithTheCursorAtTheEnd() {
    assertThat(model.cursor().get()).isEqualTo(run.eventCount() - 1);
    assertThat(model.startNanos().get()).isLessThanOrEqualTo(0);
    assertThat(model.endNanos().get()).isGreaterThanOrEqualTo(run.endNanos());
    assertThat(model.status().get()).contains("fixture/raft", "seed 7", "1 violations");
  }

  @Test
  void stepsForwardAndBackSkippingHiddenNodes() {
    model.moveCursorTo(0);
    model.stepNext();
    assertThat(model.cursor().get()).isEqualTo(1);
    model.stepPrevious();
    assertThat(model.cursor().get()).isZero();
    model.hiddenNodes().add("n2");
    model.stepNext();
    assertThat(run.lane(model.cursor().get())).as("n2's start is skipped").isEqualTo(2);
  }

  @Test
  void hidingAMessageTypeSkipsItsEvents() {
    model.moveCursorTo(0);
    model.hiddenMessageTypes().add("RequestVote");
    for (int i = 0; i < 12; i++) {
      model.stepNext();
      Message message = run.messageOf(model.cursor().get());
      assertThat(message == null || !message.type().equals("RequestVote")).isTrue();
    }
  }

  @Test
  void jumpsToViolationsFaultsAndRoleChanges() {
    model.moveCursorTo(0);
    assertThat(model.jumpToNextRoleChange()).isTrue();
    assertThat(model.cursor().get()).as("the first FOLLOWER state counts as a change").isEqualTo(3);
    model.moveCursorTo(6);
    assertThat(model.jumpToNextRoleChange()).isTrue();
    assertThat(run.line(model.cursor().get())).contains("CANDIDATE");
    assertThat(model.jumpToNextFault()).isTrue();
    assertThat(run.kind(model.cursor().get())).isEqualTo(EventKind.PARTITION);
    assertThat(model.jumpToNextViolation()).isTrue();
    assertThat(run.kind(model.cursor().get())).isEqualTo(EventKind.VIOLATION);
    assertThat(model.selected().get()).isEqualTo(model.cursor().get());
    assertThat(model.inspection().get()).contains("VIOLATION raft.election-safety");
    int only = model.cursor().get();
    assertThat(model.jumpToNextViolation()).as("wraps around to the only one").isTrue();
    assertThat(model.cursor().get()).isEqualTo(only);
    assertThat(model.status().get()).contains("from the start");
  }

  @Test
  void zoomKeepsTheAnchorAndPanMovesTheWindow() {
    model.setWindow(0, 1000);
    model.zoom(0.5, 200);
    assertThat(model.startNanos().get()).isEqualTo(100);
    assertThat(model.endNanos().get()).isEqualTo(600);
    model.pan(50);
    assertThat(model.startNanos().get()).isEqualTo(150);
    model.fit();
    assertThat(model.endNanos().get() - model.startNanos().get()).isGreaterThan(run.endNanos());
  }

  @Test
  void selectingAnArrowShowsPayloadAndCausality() {
    Message vote = run.messages().get(0);
    Frame frame = model.frame(1200, 600);
    Viewport viewport = frame.viewport();
    double x1 = viewport.x(run.timeNanos(vote.sendIndex()));
    double x2 = viewport.x(run.timeNanos(vote.deliverIndex()));
    double y1 = frame.laneCentre(vote.from());
    double y2 = frame.laneCentre(vote.to());
    int hit = model.selectAt((x1 + x2) / 2, (y1 + y2) / 2, 1200, 600);
    assertThat(hit).isEqualTo(vote.sendIndex());
    assertThat(model.inspection().get())
        .contains("RequestVote", "n1 → n2", "payload", "\"term\" : 1", "delivered at");
    assertThat(model.couldInfluence().get(vote.deliverIndex())).isTrue();
    assertThat(model.happenedBefore().get(vote.deliverIndex())).isFalse();
  }

  @Test
  void inspectionShowsTheNodesStateAndClocks() {
    int pause = -1;
    for (int event = 0; event < run.eventCount(); event++) {
      if (run.kind(event) == EventKind.PAUSE) {
        pause = event;
      }
    }
    model.select(pause);
    assertThat(model.inspection().get())
        .contains("on n2", "+50ns from true time", "state of n2", "FOLLOWER");
  }

  @Test
  void searchFindsByTextAndRegex() {
    assertThat(model.search("AppendEntries")).as("two sends and a drop").isEqualTo(3);
    assertThat(model.search("reason\":\"(loss|partition)")).isEqualTo(2);
    assertThat(model.search("[unclosed")).as("a bad regex is searched as text").isZero();
  }

  @Test
  void playsForwardAtTheChosenSpeedAndStopsAtTheEnd() {
    model.moveCursorTo(0);
    model.togglePlaying();
    model.speed().set(100); // 100 ns of run time per second.
    model.advance(1_000_000_000L);
    assertThat(run.timeNanos(model.cursor().get())).isBetween(90L, 100L);
    while (model.advance(1_000_000_000L)) {
      assertThat(model.cursor().get()).isLessThan(run.eventCount());
    }
    assertThat(model.playing().get()).isFalse();
    assertThat(model.cursor().get()).isEqualTo(run.eventCount() - 1);
  }

  @Test
  void aProblemReplacesTheTimeline() {
    model.showProblem("x.jsonl:3:1: the trace was truncated");
    assertThat(model.timeline().get()).isNull();
    assertThat(model.problem().get()).contains("truncated");
  }
}
