package faultline.visualizer.viewmodel;

import faultline.visualizer.paint.Frame;
import faultline.visualizer.trace.Causality;
import faultline.visualizer.trace.EventKind;
import faultline.visualizer.trace.Message;
import faultline.visualizer.trace.Timeline;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The presentation model of the timeline: which run, which time window, the cursor, the selection,
 * filters and search. It knows trace events and nothing of canvases or the engine, so every
 * navigation rule runs in plain JUnit. The view observes {@link #revision()} and repaints.
 */
public final class TimelineViewModel {
  private final ObjectProperty<Timeline> timeline = new SimpleObjectProperty<>();
  private final StringProperty problem = new SimpleStringProperty();
  private final LongProperty startNanos = new SimpleLongProperty(0);
  private final LongProperty endNanos = new SimpleLongProperty(1);
  private final IntegerProperty cursor = new SimpleIntegerProperty(-1);
  private final IntegerProperty selected = new SimpleIntegerProperty(-1);
  private final BooleanProperty playing = new SimpleBooleanProperty(false);
  private final DoubleProperty speed = new SimpleDoubleProperty(1.0);
  private final DoubleProperty fontSize = new SimpleDoubleProperty(13);
  private final IntegerProperty divergence = new SimpleIntegerProperty(-1);
  private final StringProperty status = new SimpleStringProperty("");
  private final StringProperty inspection = new SimpleStringProperty("");
  private final LongProperty revision = new SimpleLongProperty(0);
  private final ObservableSet<String> hiddenNodes = FXCollections.observableSet(new TreeSet<>());
  private final ObservableSet<String> hiddenMessageTypes =
      FXCollections.observableSet(new TreeSet<>());
  private Causality causality;
  private BitSet before = new BitSet();
  private BitSet after = new BitSet();
  private BitSet matches;
  private BitSet roleChanges = new BitSet();
  private BitSet highlighted = new BitSet();
  private final Narrator narrator = new Narrator(this);
  private final Presentation presentation = new Presentation(this);
  private double playNanos;

  public TimelineViewModel() {
    hiddenNodes.addListener((javafx.collections.SetChangeListener<String>) change -> changed());
    hiddenMessageTypes.addListener(
        (javafx.collections.SetChangeListener<String>) change -> changed());
    fontSize.addListener((observable, old, now) -> changed());
  }

  /** Shows a run; the window fits it and the cursor sits at its end. */
  public void show(Timeline run) {
    problem.set(null);
    timeline.set(run);
    causality = new Causality(run);
    roleChanges = EventIndex.roleChanges(run);
    before = new BitSet();
    after = new BitSet();
    matches = null;
    highlighted = new BitSet();
    narrator.clear();
    selected.set(-1);
    cursor.set(run.eventCount() - 1);
    speed.set(Math.max(1, run.endNanos()) / 20.0); // The whole run plays in 20 seconds.
    fit();
    inspection.set(Inspector.describe(run, -1, before, after));
    status.set(summary(run));
  }

  /** Shows why a run could not be opened, instead of a timeline. */
  public void showProblem(String message) {
    playing.set(false);
    timeline.set(null);
    problem.set(message);
    status.set("Could not open: " + message);
    changed();
  }

  public void fit() {
    Timeline run = timeline.get();
    long end = run == null ? 1 : Math.max(1, run.endNanos());
    setWindow(-end / 50, end + end / 50);
  }

  /** Zooms by {@code factor} (below 1 zooms in) keeping the time under {@code anchor} in place. */
  public void zoom(double factor, long anchorNanos) {
    double start = anchorNanos - (anchorNanos - startNanos.get()) * factor;
    double end = anchorNanos + (endNanos.get() - anchorNanos) * factor;
    if (end - start < 100) {
      return; // A hundred nanoseconds across the screen is as close as it gets.
    }
    setWindow(Math.round(start), Math.round(end));
  }

  public void pan(long deltaNanos) {
    setWindow(startNanos.get() + deltaNanos, endNanos.get() + deltaNanos);
  }

  public void setWindow(long start, long end) {
    startNanos.set(start);
    endNanos.set(Math.max(start + 1, end));
    changed();
  }

  public void stepNext() {
    Timeline run = timeline.get();
    boolean atEnd = run != null && cursor.get() >= run.eventCount() - 1;
    moveCursorTo(next(atEnd ? -1 : cursor.get(), +1, this::visible));
  }

  public void stepPrevious() {
    moveCursorTo(next(cursor.get(), -1, this::visible));
  }

  public boolean jumpToNextViolation() {
    return jump(event -> kindOf(event) == EventKind.VIOLATION);
  }

  public boolean jumpToNextFault() {
    return jump(event -> kindOf(event).isFault());
  }

  /** The next recorded state whose role (or whole state, without roles) differs from before. */
  public boolean jumpToNextRoleChange() {
    return jump(roleChanges::get);
  }

  private boolean jump(IntPredicate wanted) {
    IntPredicate shown = event -> visible(event) && wanted.test(event);
    int found = next(cursor.get(), +1, shown);
    boolean wrapped = false;
    if (found < 0) {
      found = next(-1, +1, shown); // Wrap around, as search does: the cursor starts at the end.
      wrapped = true;
    }
    if (found < 0) {
      status.set("None in this run.");
      return false;
    }
    moveCursorTo(found);
    select(found);
    if (wrapped) {
      status.set(status.get() + "  (from the start)");
    }
    return true;
  }

  private int next(int from, int direction, IntPredicate wanted) {
    Timeline run = timeline.get();
    if (run == null) {
      return -1;
    }
    for (int event = from + direction; event >= 0 && event < run.eventCount(); event += direction) {
      if (wanted.test(event)) {
        return event;
      }
    }
    return -1;
  }

  /** Puts the cursor on {@code event} and scrolls so that it is on screen. */
  public void moveCursorTo(int event) {
    Timeline run = timeline.get();
    if (run == null || event < 0 || event >= run.eventCount()) {
      return;
    }
    cursor.set(event);
    playNanos = run.timeNanos(event);
    long t = run.timeNanos(event);
    long width = endNanos.get() - startNanos.get();
    if (t < startNanos.get() || t > endNanos.get()) {
      setWindow(t - width / 2, t + width / 2);
    }
    status.set(
        String.format(
            java.util.Locale.ROOT,
            "seq %d of %d at t=%s",
            event + 1,
            run.eventCount(),
            faultline.visualizer.paint.Durations.format(t)));
    changed();
  }

  /** Scrubs to a time: the cursor goes to the last event at or before it. */
  public void scrubTo(long nanos) {
    Timeline run = timeline.get();
    if (run != null) {
      moveCursorTo(Math.max(0, run.firstEventAtOrAfter(nanos + 1) - 1));
    }
  }

  /** Advances playback by {@code realNanos} of wall time at the chosen speed; false at the end. */
  public boolean advance(long realNanos) {
    Timeline run = timeline.get();
    if (run == null || !playing.get()) {
      return false;
    }
    if (cursor.get() >= run.eventCount() - 1) {
      playing.set(false);
      return false;
    }
    playNanos = Math.max(playNanos, run.timeNanos(Math.max(0, cursor.get())));
    playNanos += speed.get() * realNanos / 1e9;
    int target = Math.max(cursor.get() + 1, run.firstEventAtOrAfter((long) playNanos + 1) - 1);
    moveCursorTo(Math.min(target, run.eventCount() - 1));
    return true;
  }

  /** Starts or stops playback; starting at the end starts from the beginning. */
  public void togglePlaying() {
    Timeline run = timeline.get();
    if (run == null) {
      return;
    }
    if (!playing.get() && cursor.get() >= run.eventCount() - 1) {
      cursor.set(0);
      playNanos = 0;
    }
    playing.set(!playing.get());
  }

  /** Selects an event: inspection text and the causal highlights follow. */
  public void select(int event) {
    Timeline run = timeline.get();
    if (run == null || event < 0 || event >= run.eventCount()) {
      selected.set(-1);
      before = new BitSet();
      after = new BitSet();
    } else {
      selected.set(event);
      before = causality.happenedBefore(event);
      after = causality.couldInfluence(event);
    }
    if (run != null) {
      inspection.set(Inspector.describe(run, selected.get(), before, after));
    }
    changed();
  }

  /** Selects what is under the pointer: the nearest event mark, or the nearest message arrow. */
  public int selectAt(double x, double y, double widthPx, double heightPx) {
    Timeline run = timeline.get();
    if (run == null) {
      return -1;
    }
    Frame frame = frame(widthPx, heightPx);
    int hit = HitTest.find(frame, x, y);
    select(hit);
    return hit;
  }

  /** Finds events whose record contains the text (or matches it as a regular expression). */
  public int search(String query) {
    Timeline run = timeline.get();
    if (run == null || query == null || query.isBlank()) {
      matches = null;
      changed();
      return 0;
    }
    BitSet found = EventIndex.matching(run, query);
    matches = found;
    status.set(found.cardinality() + " events match \"" + query + "\"");
    int next = found.nextSetBit(cursor.get() + 1);
    if (next < 0) {
      next = found.nextSetBit(0);
    }
    if (next >= 0) {
      moveCursorTo(next);
      select(next);
    }
    changed();
    return found.cardinality();
  }

  /** The picture to paint at this size. */
  public Frame frame(double widthPx, double heightPx) {
    Timeline run = timeline.get();
    int[] rowOfLane = new int[run == null ? 0 : run.nodes().size()];
    int rows = 0;
    for (int lane = 0; lane < rowOfLane.length; lane++) {
      rowOfLane[lane] = hiddenNodes.contains(run.nodes().get(lane)) ? -1 : rows++;
    }
    Viewport viewport =
        new Viewport(startNanos.get(), endNanos.get(), widthPx, heightPx, fontSize.get())
            .filling(rows, run == null ? 0 : run.clientProcesses().size());
    return new Frame(
        run,
        viewport,
        rowOfLane,
        rows,
        Set.copyOf(hiddenMessageTypes),
        cursor.get() >= 0 && run != null && cursor.get() < run.eventCount() - 1 ? cursor.get() : -1,
        selected.get(),
        before,
        after,
        divergence.get(),
        matches,
        highlighted);
  }

  /** Message types that occur in the run, for the filter pane. */
  public List<String> messageTypes() {
    return EventIndex.messageTypes(timeline.get());
  }

  private boolean visible(int event) {
    Timeline run = timeline.get();
    int lane = run.lane(event);
    if (lane >= 0 && hiddenNodes.contains(run.nodes().get(lane))) {
      return false;
    }
    Message message = run.messageOf(event);
    return message == null || !hiddenMessageTypes.contains(message.type());
  }

  private EventKind kindOf(int event) {
    return timeline.get().kind(event);
  }

  private static String summary(Timeline run) {
    return String.format(
        java.util.Locale.ROOT,
        "%s  seed %d  %,d events  %,d messages  %d violations",
        run.name(),
        run.seed(),
        run.eventCount(),
        run.messages().size(),
        run.violations().size());
  }

  /** Marks the lanes of these nodes (a narration step's); names not in the run are ignored. */
  void highlight(List<String> nodes) {
    Timeline run = timeline.get();
    BitSet lanes = new BitSet();
    for (int lane = 0; run != null && lane < run.nodes().size(); lane++) {
      if (nodes.contains(run.nodes().get(lane))) {
        lanes.set(lane);
      }
    }
    highlighted = lanes;
    changed();
  }

  /** Presentation mode: large type, the high-contrast palette, thick lines. */
  public Presentation presentation() {
    return presentation;
  }

  /** The narration of the run on show: its steps and the one shown. */
  public Narrator narrator() {
    return narrator;
  }

  void changed() {
    revision.set(revision.get() + 1);
  }

  public ObjectProperty<Timeline> timeline() {
    return timeline;
  }

  public StringProperty problem() {
    return problem;
  }

  public LongProperty startNanos() {
    return startNanos;
  }

  public LongProperty endNanos() {
    return endNanos;
  }

  public IntegerProperty cursor() {
    return cursor;
  }

  public IntegerProperty selected() {
    return selected;
  }

  public BooleanProperty playing() {
    return playing;
  }

  public DoubleProperty speed() {
    return speed;
  }

  public DoubleProperty fontSize() {
    return fontSize;
  }

  public IntegerProperty divergence() {
    return divergence;
  }

  public StringProperty status() {
    return status;
  }

  public StringProperty inspection() {
    return inspection;
  }

  public LongProperty revision() {
    return revision;
  }

  public ObservableSet<String> hiddenNodes() {
    return hiddenNodes;
  }

  public ObservableSet<String> hiddenMessageTypes() {
    return hiddenMessageTypes;
  }

  public BitSet happenedBefore() {
    return before;
  }

  public BitSet couldInfluence() {
    return after;
  }
}
