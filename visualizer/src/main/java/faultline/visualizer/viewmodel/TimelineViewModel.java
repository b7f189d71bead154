package faultline.visualizer.viewmodel;

import faultline.visualizer.paint.Frame;
import faultline.visualizer.trace.Message;
import faultline.visualizer.trace.Timeline;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
 *
 * <p>It holds the state the view binds to and the picture it paints; the rules live in its parts:
 * {@link CursorMoves} (stepping, jumps, scrubbing, playback), {@link Selection} (the selected
 * event, its causal rings, search), {@link Narrator} and {@link Presentation}.
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
  private BitSet highlighted = new BitSet();
  private final CursorMoves moves = new CursorMoves(this);
  private final Selection selection = new Selection(this);
  private final Narrator narrator = new Narrator(this);
  private final Presentation presentation = new Presentation(this);

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
    selection.show(run);
    moves.show(run);
    highlighted = new BitSet();
    narrator.clear();
    selected.set(-1);
    cursor.set(run.eventCount() - 1);
    speed.set(Math.max(1, run.endNanos()) / 20.0); // The whole run plays in 20 seconds.
    fit();
    inspection.set(
        Inspector.describe(run, -1, selection.happenedBefore(), selection.couldInfluence()));
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
    moves.stepNext();
  }

  public void stepPrevious() {
    moves.stepPrevious();
  }

  public boolean jumpToNextViolation() {
    return moves.jumpToNextViolation();
  }

  public boolean jumpToNextFault() {
    return moves.jumpToNextFault();
  }

  /** The next recorded state whose role (or whole state, without roles) differs from before. */
  public boolean jumpToNextRoleChange() {
    return moves.jumpToNextRoleChange();
  }

  /** Puts the cursor on {@code event} and scrolls so that it is on screen. */
  public void moveCursorTo(int event) {
    moves.moveTo(event);
  }

  /** Scrubs to a time: the cursor goes to the last event at or before it. */
  public void scrubTo(long nanos) {
    moves.scrubTo(nanos);
  }

  /** Advances playback by {@code realNanos} of wall time at the chosen speed; false at the end. */
  public boolean advance(long realNanos) {
    return moves.advance(realNanos);
  }

  /** Starts or stops playback; starting at the end starts from the beginning. */
  public void togglePlaying() {
    moves.togglePlaying();
  }

  /** Selects an event: inspection text and the causal highlights follow. */
  public void select(int event) {
    selection.select(event);
  }

  /** Selects what is under the pointer: the nearest event mark, or the nearest message arrow. */
  public int selectAt(double x, double y, double widthPx, double heightPx) {
    return selection.selectAt(x, y, widthPx, heightPx);
  }

  /** Finds events whose record contains the text (or matches it as a regular expression). */
  public int search(String query) {
    return selection.search(query);
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
        selection.happenedBefore(),
        selection.couldInfluence(),
        divergence.get(),
        selection.matches(),
        highlighted);
  }

  /** Message types that occur in the run, for the filter pane. */
  public List<String> messageTypes() {
    return EventIndex.messageTypes(timeline.get());
  }

  /** Whether an event is shown: its node's lane and its message's type are not hidden. */
  boolean visible(int event) {
    Timeline run = timeline.get();
    int lane = run.lane(event);
    if (lane >= 0 && hiddenNodes.contains(run.nodes().get(lane))) {
      return false;
    }
    Message message = run.messageOf(event);
    return message == null || !hiddenMessageTypes.contains(message.type());
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
    return selection.happenedBefore();
  }

  public BitSet couldInfluence() {
    return selection.couldInfluence();
  }
}
