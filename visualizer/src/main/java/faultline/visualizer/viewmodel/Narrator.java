package faultline.visualizer.viewmodel;

import faultline.scenarios.narration.NarrationResolver;
import faultline.scenarios.narration.ResolvedStep;
import faultline.visualizer.paint.Durations;
import faultline.visualizer.trace.Timeline;
import java.util.ArrayList;
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
 * what led to it), marks its nodes' lanes and shows its caption. After a what-if re-run it finds
 * the same steps in the new run ({@link #findIn}) and says which ones the new run lacks.
 */
public final class Narrator {
  private final TimelineViewModel model;
  private List<ResolvedStep> steps = List.of();
  private int stepsInNarration;
  private NarrationFinder finder = NarrationFinder.NONE;
  private final IntegerProperty current = new SimpleIntegerProperty(-1);
  private final StringProperty caption = new SimpleStringProperty("");
  private final IntegerProperty stepCount = new SimpleIntegerProperty(0);
  private final StringProperty leftOut = new SimpleStringProperty("");
  private final StringProperty leftOutReasons = new SimpleStringProperty("");

  Narrator(TimelineViewModel model) {
    this.model = model;
  }

  /** The steps of the run on show; none shown until the first {@link #next()}. */
  public void load(List<ResolvedStep> narration) {
    load(narration, List.of(), NarrationFinder.NONE);
  }

  /**
   * The steps of the run on show, a line for each step it lacks (at another seed), and how to find
   * them again in a re-run of the same scenario.
   */
  public void load(List<ResolvedStep> found, List<String> missing, NarrationFinder narration) {
    finder = narration;
    replaceSteps(found, missing, "Not in this run: ");
  }

  /**
   * Finds the narration again in a re-run of the same scenario: the steps whose moments the new run
   * still has are kept (at their events in the new run), and the others are named above the
   * timeline. Returns a sentence for the what-if pane, empty for a run without narration.
   */
  public String findIn(List<String> lines, long seed) {
    NarrationResolver.Resolution found = finder.find(lines, seed);
    replaceSteps(found.steps(), found.missing(), "No longer in this run after the re-run: ");
    if (stepsInNarration == 0) {
      return "";
    }
    if (found.missing().isEmpty()) {
      return "Narration: all " + stepsInNarration + " steps still apply.";
    }
    return String.format(
        Locale.ROOT,
        "Narration: %d of %d steps still apply; %s no longer (named above the timeline).",
        steps.size(),
        stepsInNarration,
        missingNumbers());
  }

  private void replaceSteps(List<ResolvedStep> found, List<String> missing, String leftOutLead) {
    steps = List.copyOf(found);
    stepsInNarration = steps.size() + missing.size();
    current.set(-1);
    caption.set("");
    stepCount.set(steps.size());
    // The bar names the steps in one short line, for a projector; why each is missing (the event
    // its selector looks for) is one line per step on hover.
    leftOut.set(missing.isEmpty() ? "" : leftOutLead + missingNumbers() + ". Hover for why.");
    leftOutReasons.set(String.join("\n", missing));
  }

  /** {@code step 3}, {@code steps 2 and 5}, {@code steps 2, 4 and 5}: those not found. */
  private String missingNumbers() {
    List<Integer> numbers = new ArrayList<>();
    for (int number = 1; number <= stepsInNarration; number++) {
      int wanted = number;
      if (steps.stream().noneMatch(step -> step.number() == wanted)) {
        numbers.add(number);
      }
    }
    return StepNumbers.phrase(numbers);
  }

  /**
   * Forgets the steps, which point into the run that was on show, and keeps how to find them, for
   * {@link #findIn} on a re-run of the same scenario.
   */
  void clear() {
    replaceSteps(List.of(), List.of(), "");
  }

  public List<ResolvedStep> steps() {
    return steps;
  }

  /** Shows the next step (the first when none is shown); false when there is none. */
  public boolean next() {
    if (steps.isEmpty()) {
      model
          .status()
          .set(
              stepsInNarration > 0
                  ? "No step of the narration applies to this run."
                  : "This run has no narration (a scenario's \"narration\" adds one).");
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

  /** The steps the run on show lacks, by number, in a sentence; empty when every step applies. */
  public ReadOnlyStringProperty leftOut() {
    return leftOut;
  }

  /** Why each step in {@link #leftOut()} is missing: the event it looks for, a line per step. */
  public ReadOnlyStringProperty leftOutReasons() {
    return leftOutReasons;
  }

  /**
   * What the Step control says while no step is shown: how many steps there are to walk through,
   * and how many of the narration's apply when some do not.
   */
  public String overview() {
    if (steps.isEmpty()) {
      return stepsInNarration > 0 ? "No step of the narration applies to this run." : "";
    }
    String count =
        steps.size() == stepsInNarration
            ? steps.size() + " steps"
            : steps.size() + " of " + stepsInNarration + " steps";
    return "Narrated: " + count + ". Step ▶ (Shift+N or Page Down) walks through them.";
  }

  public ReadOnlyStringProperty caption() {
    return caption;
  }
}
