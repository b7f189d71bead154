package faultline.visualizer.viewmodel;

import faultline.scenarios.narration.ResolvedStep;
import faultline.visualizer.paint.Durations;
import faultline.visualizer.trace.Timeline;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Steps through a run's narration as a lecture does (continue and back): each step moves the window
 * to the step's zoom, puts the cursor on its moment, selects its event (so the causal rings show
 * what led to it), marks its nodes' lanes and shows its caption.
 */
public final class Narrator {
  private final TimelineViewModel model;
  private List<ResolvedStep> steps = List.of();
  private final IntegerProperty current = new SimpleIntegerProperty(-1);
  private final StringProperty caption = new SimpleStringProperty("");
  private final IntegerProperty stepCount = new SimpleIntegerProperty(0);

  Narrator(TimelineViewModel model) {
    this.model = model;
  }

  /** The steps of the run on show; none shown until the first {@link #next()}. */
  public void load(List<ResolvedStep> narration) {
    steps = List.copyOf(narration);
    current.set(-1);
    caption.set("");
    stepCount.set(steps.size());
  }

  void clear() {
    load(List.of());
  }

  public List<ResolvedStep> steps() {
    return steps;
  }

  /** Shows the next step (the first when none is shown); false when there is none. */
  public boolean next() {
    if (steps.isEmpty()) {
      model.status().set("This run has no narration (a scenario's \"narration\" adds one).");
      return false;
    }
    if (current.get() >= steps.size() - 1) {
      model.status().set("That was the last step (" + steps.size() + " of " + steps.size() + ").");
      return false;
    }
    show(current.get() + 1);
    return true;
  }

  /** Shows the previous step; false at the first. */
  public boolean previous() {
    if (current.get() <= 0) {
      model
          .status()
          .set(steps.isEmpty() ? "This run has no narration." : "This is the first step.");
      return false;
    }
    show(current.get() - 1);
    return true;
  }

  /** Shows step {@code index} (0 for the first). */
  public void show(int index) {
    Timeline run = model.timeline().get();
    if (run == null || index < 0 || index >= steps.size()) {
      return;
    }
    ResolvedStep step = steps.get(index);
    if (step.hasWindow()) {
      model.setWindow(step.windowStartNanos(), step.windowEndNanos());
    }
    if (step.event() >= 0 && step.event() < run.eventCount()) {
      model.moveCursorTo(step.event());
      model.select(step.event());
    } else {
      model.select(-1);
      model.scrubTo(step.timeNanos());
    }
    model.highlight(step.highlight());
    current.set(index);
    caption.set(text(step));
    model.status().set(caption.get());
  }

  /** Leaves the narration: no caption, no marked lanes; the view stays where it is. */
  public void leave() {
    current.set(-1);
    caption.set("");
    model.highlight(List.of());
  }

  /** {@code Step 2 of 5 · 1.2s · caption}. */
  public static String text(ResolvedStep step) {
    return String.format(
        Locale.ROOT,
        "Step %d of %d · %s · %s",
        step.number(),
        step.total(),
        Durations.format(step.timeNanos()),
        step.caption());
  }

  public ReadOnlyIntegerProperty current() {
    return current;
  }

  /** How many steps the run on show has; 0 for a run without narration. */
  public ReadOnlyIntegerProperty stepCount() {
    return stepCount;
  }

  public ReadOnlyStringProperty caption() {
    return caption;
  }
}
