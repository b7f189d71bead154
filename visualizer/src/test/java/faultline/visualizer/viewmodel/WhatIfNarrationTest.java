package faultline.visualizer.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.scenarios.narration.ResolvedStep;
import faultline.visualizer.app.RunLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A saved what-if keeps the narration the scenario file was written with (the trace header the
 * schedule comes from leaves it out): every step whose moment the edited run still has, so that the
 * saved file opens at its own seed, where a step that finds nothing would be an error.
 */
class WhatIfNarrationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RunLoader.OpenedRun opened = RunLoader.openRun("raft/split-brain", null);
  private final WhatIf whatIf = new WhatIf();

  @Test
  void anUneditedSaveKeepsEveryStepAndOpensAsTheOriginalDoes(@TempDir Path directory)
      throws Exception {
    whatIf.load(opened.timeline().lines().getFirst(), opened.writtenNarration());
    Path saved = directory.resolve("same.json");

    WhatIf.SavedNarration narration = whatIf.save(saved, RunLoader.narrationCheck());

    assertThat(narration.kept()).containsExactly(1, 2, 3, 4, 5);
    assertThat(narration.leftOut()).isEmpty();
    assertThat(JSON.readTree(saved.toFile()).get("narration")).isEqualTo(opened.writtenNarration());
    RunLoader.OpenedRun reopened = RunLoader.openRun(saved.toString(), null);
    assertThat(reopened.missing()).isEmpty();
    assertThat(reopened.steps())
        .map(ResolvedStep::caption)
        .isEqualTo(opened.steps().stream().map(ResolvedStep::caption).toList());
    assertThat(reopened.timeline().lines().subList(1, reopened.timeline().lines().size()))
        .isEqualTo(opened.timeline().lines().subList(1, opened.timeline().lines().size()));
  }

  @Test
  void stepsWhoseMomentsTheEditRemovedAreLeftOutAndNamedSoTheFileStillOpens(@TempDir Path directory)
      throws Exception {
    whatIf.load(opened.timeline().lines().getFirst(), opened.writtenNarration());
    whatIf.remove(0); // The partition,
    whatIf.remove(0); // and its heal: nothing from the split on happens.
    Path saved = directory.resolve("no-split.json");

    WhatIf.SavedNarration narration = whatIf.save(saved, RunLoader.narrationCheck());

    assertThat(narration.kept()).containsExactly(1);
    assertThat(narration.leftOut()).containsExactly(2, 3, 4, 5);
    JsonNode steps = JSON.readTree(saved.toFile()).get("narration");
    assertThat(steps).hasSize(1);
    assertThat(steps.get(0)).isEqualTo(opened.writtenNarration().get(0));
    RunLoader.OpenedRun reopened = RunLoader.openRun(saved.toString(), null);
    assertThat(reopened.steps()).hasSize(1);
    assertThat(reopened.steps().getFirst().caption()).contains("n1 wins the election");
    assertThat(reopened.timeline().partitions()).isEmpty();
  }

  @Test
  void aTraceHasNoNarrationToKeep(@TempDir Path directory) throws Exception {
    whatIf.load(opened.timeline().lines().getFirst());
    Path saved = directory.resolve("from-trace.json");

    WhatIf.SavedNarration narration = whatIf.save(saved, RunLoader.narrationCheck());

    assertThat(narration).isEqualTo(WhatIf.SavedNarration.NONE);
    assertThat(Files.readString(saved)).doesNotContain("\"narration\"");
    assertThat(RunLoader.openRun(saved.toString(), null).steps()).isEmpty();
  }

  @Test
  void stepNumbersReadAsASentence() {
    assertThat(StepNumbers.phrase(List.of())).isEmpty();
    assertThat(StepNumbers.phrase(List.of(3))).isEqualTo("step 3");
    assertThat(StepNumbers.phrase(List.of(2, 5))).isEqualTo("steps 2 and 5");
    assertThat(StepNumbers.phrase(List.of(2, 4, 5))).isEqualTo("steps 2, 4 and 5");
  }
}
