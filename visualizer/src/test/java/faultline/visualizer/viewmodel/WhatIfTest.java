package faultline.visualizer.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.scenarios.cli.ScenarioArgument;
import faultline.scenarios.model.FaultKind;
import faultline.visualizer.app.RunLoader;
import faultline.visualizer.trace.Timeline;
import faultline.visualizer.trace.TraceReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What-if on a real scenario: the schedule is edited, re-run with the same seed through the same
 * runner the window uses, and the divergence point and the saved file are checked.
 */
class WhatIfTest {
  private final Timeline original = RunLoader.open("clocks/lww-skew", null);
  private final WhatIf whatIf = new WhatIf();

  @Test
  void rerunWithoutEditsIsIdentical() {
    whatIf.load(original.lines().getFirst());
    List<String> again = whatIf.rerun(RunLoader.whatIfRunner());
    assertThat(WhatIf.firstDifference(original.lines(), again)).isEqualTo(-1);
  }

  @Test
  void aCrashMakesTheRunDivergeWhereItHappens() {
    whatIf.load(original.lines().getFirst());
    whatIf.add(whatIf.template("crash", "150ms", original.nodes()));
    List<String> edited = whatIf.rerun(RunLoader.whatIfRunner());
    int divergence = WhatIf.firstDifference(original.lines(), edited);
    Timeline next = TraceReader.fromLines("re-run", edited);
    assertThat(divergence).isPositive();
    assertThat(next.line(divergence)).contains("\"type\":\"crash\"", "\"node\":\"n1\"");
    assertThat(next.timeNanos(divergence)).isEqualTo(150_000_000L);
    assertThat(whatIf.runId()).contains("clocks/lww-skew --seed 42", "1 fault edits");
  }

  @Test
  void theMenuOffersEveryFaultKindOfTheScenarioFormatInItsOrder() {
    assertThat(WhatIf.faultTypes()).isEqualTo(FaultKind.typeNames()).contains("link");
  }

  @Test
  void everyKindsTemplateIsAFaultTheLoaderAcceptsAndTheRunApplies() {
    for (String type : WhatIf.faultTypes()) {
      whatIf.load(original.lines().getFirst());
      whatIf.add(whatIf.template(type, "150ms", original.nodes()));
      List<String> edited = whatIf.rerun(RunLoader.whatIfRunner());
      Timeline next = TraceReader.fromLines("re-run", edited);
      int divergence = WhatIf.firstDifference(original.lines(), edited);
      assertThat(divergence).as(type).isNotNegative();
      assertThat(next.timeNanos(divergence)).as(type).isEqualTo(150_000_000L);
    }
  }

  @Test
  void aBadEditIsAOneLineReason() {
    whatIf.load(original.lines().getFirst());
    whatIf.add(new WhatIf.FaultRow("150ms", "crash", "\"node\": \"n9\""));
    assertThatThrownBy(() -> whatIf.rerun(RunLoader.whatIfRunner()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("n9");
    whatIf.replace(0, new WhatIf.FaultRow("150ms", "crash", "node: n1"));
    assertThatThrownBy(whatIf::editedScenario).hasMessageContaining("faults[0]");
  }

  @Test
  void theSavedScenarioLoadsAndRunsTheSame(@TempDir Path directory) throws Exception {
    whatIf.load(original.lines().getFirst());
    whatIf.add(whatIf.template("partition", "120ms", original.nodes()));
    whatIf.add(whatIf.template("heal", "180ms", original.nodes()));
    List<String> edited = whatIf.rerun(RunLoader.whatIfRunner());
    Path saved = directory.resolve("edited.json");
    whatIf.save(saved, RunLoader.narrationCheck());
    assertThat(ScenarioArgument.load(saved.toString()).faults()).hasSize(2);
    Timeline reopened = RunLoader.open(saved.toString(), 42L);
    assertThat(reopened.lines().subList(1, reopened.lines().size()))
        .isEqualTo(edited.subList(1, edited.size()));
    assertThat(reopened.partitions()).hasSize(1);
  }
}
