package faultline.visualizer.viewmodel;

import faultline.visualizer.paint.Durations;
import faultline.visualizer.paint.MembershipFrame;
import faultline.visualizer.paint.RowLayout;
import faultline.visualizer.trace.MemberState;
import faultline.visualizer.trace.MemberViews;
import faultline.visualizer.trace.Membership.Counts;
import faultline.visualizer.trace.Membership.Segment;
import faultline.visualizer.trace.Membership.Spread;
import faultline.visualizer.trace.Membership.Update;
import faultline.visualizer.trace.Timeline;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The membership view's presentation model: which member's views are shown (or every member's),
 * which update's gossip spread is drawn, and what lies under the pointer. It follows the timeline's
 * model for the run, the time window, the cursor, the selection and the font, so that both views
 * share one time axis and one selection.
 */
public final class MembershipViewModel {
  private final TimelineViewModel timeline;
  private final IntegerProperty subject = new SimpleIntegerProperty(-1);
  private final ObjectProperty<Update> update = new SimpleObjectProperty<>();
  private final LongProperty revision = new SimpleLongProperty();
  private MemberViews views;
  private List<List<Segment>> segments;
  private Counts[] counts;
  private Spread spread;

  public MembershipViewModel(TimelineViewModel timeline) {
    this.timeline = timeline;
    timeline.timeline().addListener((observable, old, run) -> onRun(run));
    timeline.revision().addListener((observable, old, now) -> changed());
    if (timeline.timeline().get() != null) {
      onRun(timeline.timeline().get());
    }
  }

  private void onRun(Timeline run) {
    views = run == null ? null : run.memberViews();
    segments = null;
    counts = null;
    spread = null;
    update.set(null);
    int chosen = subject.get();
    subject.set(views == null || chosen >= views.size() ? -1 : chosen);
    changed();
  }

  /** Whether the run has membership records to show. */
  public boolean available() {
    return views != null && !views.isEmpty();
  }

  public MemberViews views() {
    return views;
  }

  /** Shows every observer's view of {@code member}; -1 shows every member at once. */
  public void showMember(int member) {
    if (!available() || member < -1 || member >= views.size()) {
      return;
    }
    if (member != subject.get()) {
      segments = null;
      if (spread != null && spread.update().member() != member) {
        clearSpread();
      }
    }
    subject.set(member);
    timeline
        .status()
        .set(member < 0 ? "Membership: every member" : "Membership: views of " + name(member));
    changed();
  }

  public void showAll() {
    showMember(-1);
  }

  /** The next (or previous) member, wrapping around through "every member". */
  public void nextMember(int direction) {
    if (!available()) {
      return;
    }
    int n = views.size();
    int next = Math.floorMod(subject.get() + 1 + direction, n + 1) - 1;
    showMember(next);
  }

  /** The distinct updates about the shown member (every update when every member is shown). */
  public List<Update> updates() {
    if (!available()) {
      return List.of();
    }
    return subject.get() < 0 ? views.updates() : views.updatesAbout(subject.get());
  }

  /** Draws how {@code chosen} spread: the view turns to the member it is about. */
  public void showSpread(Update chosen) {
    if (!available() || chosen == null) {
      clearSpread();
      return;
    }
    if (subject.get() != chosen.member()) {
      segments = null;
      subject.set(chosen.member());
    }
    spread = views.spread(chosen);
    update.set(chosen);
    timeline.status().set(spreadSummary(spread));
    changed();
  }

  public void clearSpread() {
    spread = null;
    update.set(null);
    changed();
  }

  /**
   * The spread of the update the selected event carries when it is a membership change, else of the
   * next update about the shown member (wrapping around).
   */
  public void spreadOfSelectionOrNext() {
    Update fromSelection = updateOfEvent(timeline.selected().get());
    if (fromSelection != null && !fromSelection.equals(update.get())) {
      showSpread(fromSelection);
      return;
    }
    List<Update> choices = updates();
    if (choices.isEmpty()) {
      timeline.status().set("No membership updates about this member.");
      return;
    }
    int at = choices.indexOf(update.get());
    showSpread(choices.get((at + 1) % choices.size()));
  }

  private Update updateOfEvent(int event) {
    return available() && event >= 0 ? views.updateOfEvent(event) : null;
  }

  private String spreadSummary(Spread s) {
    String label = s.update().label(views.names());
    if (s.learned().isEmpty()) {
      return label + ": nobody held it";
    }
    long first = s.learned().getFirst().atNanos();
    long last = s.learned().getLast().atNanos();
    return String.format(
        Locale.ROOT,
        "%s: %d of %d members held it, the first at %s, all of them within %s%s",
        label,
        s.learned().size(),
        views.size(),
        Durations.format(first),
        Durations.format(last - first),
        s.never().isEmpty() ? "" : "; never: " + names(s.never()));
  }

  private String names(List<Integer> members) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < members.size() && i < 12; i++) {
      text.append(i == 0 ? "" : ", ").append(name(members.get(i)));
    }
    return members.size() > 12 ? text + " and " + (members.size() - 12) + " more" : text.toString();
  }

  /** The picture at this size, on the timeline's window. */
  public MembershipFrame frame(double widthPx, double heightPx) {
    Viewport viewport =
        new Viewport(
            timeline.startNanos().get(),
            timeline.endNanos().get(),
            widthPx,
            heightPx,
            timeline.fontSize().get());
    double font = viewport.fontSize();
    boolean one = subject.get() >= 0;
    double truthTop = viewport.axisPx();
    double rowsTop = truthTop + (one ? font * 1.6 : 0);
    int items = available() ? views.size() : 0;
    double available = Math.max(1, heightPx - rowsTop - font * 0.4);
    if (!one && counts == null && available()) {
      counts = new Counts[views.size()];
      for (int m = 0; m < counts.length; m++) {
        counts[m] = views.countsAbout(m);
      }
    }
    RowLayout layout = RowLayout.fit(items, rowsTop, available, font * 1.8);
    if (!one && items > 0 && layout.rowPx() < font * 0.9) {
      // Too many members to name each: the ones with news get a row each, the rest share one.
      RowLayout focused =
          RowLayout.newsFirst(withNews(counts), rowsTop, available, font * 1.8, font * 0.9);
      layout = focused == null ? layout : focused;
    }
    if (one && segments == null) {
      segments = views.segmentsAbout(subject.get());
    }
    int cursor = timeline.cursor().get();
    Timeline run = timeline.timeline().get();
    long cursorNanos =
        run == null || cursor < 0 || cursor >= run.eventCount() - 1
            ? Long.MIN_VALUE
            : run.timeNanos(cursor);
    return new MembershipFrame(
        run,
        views,
        viewport,
        layout,
        subject.get(),
        one ? segments : null,
        one ? null : counts,
        truthTop,
        spread,
        cursorNanos,
        timeline.selected().get());
  }

  /** Members that someone held suspect, faulty or left at some time, or that crashed. */
  private static boolean[] withNews(Counts[] counts) {
    boolean[] news = new boolean[counts.length];
    for (int m = 0; m < counts.length; m++) {
      for (int step = 0; step < counts[m].timesNanos().length && !news[m]; step++) {
        int[] c = counts[m].counts()[step];
        news[m] =
            c[MemberState.SUSPECT.ordinal()]
                        + c[MemberState.FAULTY.ordinal()]
                        + c[MemberState.LEFT.ordinal()]
                    > 0
                || !counts[m].subjectUp()[step];
      }
    }
    return news;
  }

  /** What lies under the pointer, in words (the tooltip), or null over nothing. */
  public String describeAt(double x, double y, double widthPx, double heightPx) {
    return MembershipHits.describe(frame(widthPx, heightPx), x, y);
  }

  /**
   * A click: on a stretch of one member's view, selects the record that began it (the timeline
   * follows); on a row of the every-member view, shows that member's views.
   */
  public void clickAt(double x, double y, double widthPx, double heightPx) {
    MembershipFrame frame = frame(widthPx, heightPx);
    int row = frame.layout().rowAt(y);
    if (row < 0 || !available()) {
      return;
    }
    if (!frame.aboutOneMember()) {
      showMember(frame.layout().members(row)[0]);
      return;
    }
    Segment segment = MembershipHits.segmentAt(frame, x, y);
    if (segment != null && segment.event() >= 0) {
      timeline.moveCursorTo(segment.event());
      timeline.select(segment.event());
    }
  }

  private String name(int member) {
    return views.names().get(member);
  }

  void changed() {
    revision.set(revision.get() + 1);
  }

  public IntegerProperty subject() {
    return subject;
  }

  public ObjectProperty<Update> update() {
    return update;
  }

  public LongProperty revision() {
    return revision;
  }

  /** The state names in legend order, for the view's legend. */
  public static List<MemberState> legendStates() {
    return List.of(MemberState.ALIVE, MemberState.SUSPECT, MemberState.FAULTY, MemberState.LEFT);
  }
}
