package faultline.visualizer.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.scenarios.narration.NarrationResolver.Resolution;
import faultline.scenarios.narration.ResolvedStep;
import faultline.visualizer.trace.Timeline;
import faultline.visualizer.trace.TraceFixtures;
import faultline.visualizer.trace.TraceReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The narration across a re-run without a screen: a made-up finder stands in for the scenario, and
 * the narrator's wording (how many steps apply, which do not) and its steps are checked after each
 * re-run, including one where no step applies and a run without narration.
 */
class NarratorReRunTest {
  private final Timeline run = TraceReader.fromLines("fixture", TraceFixtures.raftLike());
  private final TimelineViewModel model = new TimelineViewModel();

  /** A narration of five steps; the re-run finds those in {@code found}. */
  private static NarrationFinder finding(List<Integer> found) {
    return (lines, seed) -> {
      List<ResolvedStep> steps = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (int number = 1; number <= 5; number++) {
        if (found.contains(number)) {
          steps.add(
              new ResolvedStep(number, 5, "caption " + number, number, number, List.of(), -1, -1));
        } else {
          missing.add("narration step " + number + " finds nothing");
        }
      }
      return new Resolution(steps, missing);
    };
  }

  private String reRun(NarrationFinder narration) {
    model.show(run);
    model.narrator().load(List.of(), List.of(), narration);
    model.show(run); // As the What-if pane shows the re-run before finding the narration in it.
    return model.narrator().findIn(run.lines(), 7);
  }

  @Test
  void everyStepFoundKeepsTheNarrationWhole() {
    assertThat(reRun(finding(List.of(1, 2, 3, 4, 5))))
        .isEqualTo("Narration: all 5 steps still apply.");
    assertThat(model.narrator().overview()).startsWith("Narrated: 5 steps.");
    assertThat(model.narrator().leftOut().get()).isEmpty();
    assertThat(model.narrator().next()).isTrue();
    assertThat(model.cursor().get()).as("step 1's event in the re-run").isEqualTo(1);
  }

  @Test
  void stepsNotFoundAreNamedByNumberAndInFull() {
    assertThat(reRun(finding(List.of(1, 3, 4))))
        .isEqualTo(
            "Narration: 3 of 5 steps still apply; steps 2 and 5 no longer (named above the"
                + " timeline).");
    assertThat(model.narrator().overview()).startsWith("Narrated: 3 of 5 steps.");
    assertThat(model.narrator().leftOut().get())
        .isEqualTo("No longer in this run after the re-run: steps 2 and 5. Hover for why.");
    assertThat(model.narrator().leftOutReasons().get())
        .isEqualTo("narration step 2 finds nothing\nnarration step 5 finds nothing");
    assertThat(reRun(finding(List.of(1, 2, 4, 5)))).contains("; step 3 no longer");
  }

  @Test
  void noStepFoundLeavesTheBarSayingSo() {
    assertThat(reRun(finding(List.of())))
        .contains("0 of 5 steps still apply; steps 1, 2, 3, 4 and 5");
    assertThat(model.narrator().stepCount().get()).isZero();
    assertThat(model.narrator().overview())
        .isEqualTo("No step of the narration applies to this run.");
    assertThat(model.narrator().next()).isFalse();
    assertThat(model.status().get()).isEqualTo("No step of the narration applies to this run.");
  }

  @Test
  void aRunWithoutNarrationSaysNothing() {
    assertThat(reRun(NarrationFinder.NONE)).isEmpty();
    assertThat(model.narrator().overview()).isEmpty();
    assertThat(model.narrator().leftOut().get()).isEmpty();
    assertThat(model.narrator().leftOutReasons().get()).isEmpty();
  }
}
