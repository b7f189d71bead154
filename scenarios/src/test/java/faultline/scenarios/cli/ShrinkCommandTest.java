package faultline.scenarios.cli;

import static faultline.scenarios.cli.CommandLineTest.faultline;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.scenarios.cli.CommandLineTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shrink} as a user meets it: a demonstration scenario that fails by design is shrunk, the
 * written file runs and fails the same way, the report says before and after; a passing seed and
 * bad budgets get one line each.
 */
class ShrinkCommandTest {
  @TempDir Path temp;

  @Test
  void writesAScenarioThatRunReproducesAndReportsBeforeAndAfter() throws IOException {
    Path out = temp.resolve("lww.json");
    Result shrink = faultline("shrink", "clocks/lww-skew", "--out", out.toString());

    assertThat(shrink.exitCode()).as(shrink.err()).isZero();
    assertThat(shrink.out())
        .contains("register.causal-lww still violated", "before", "after", "faults", "events")
        .contains("written: " + out, "run it: ./faultline run " + out);
    assertThat(shrink.err()).contains("shrink: run ");
    String text = Files.readString(out);
    assertThat(text).startsWith("// Shrunk by: ./faultline shrink clocks/lww-skew --seed 42");
    assertThat(text).doesNotContain("randomFaults");

    Result run = faultline("run", out.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).contains("register.causal-lww");
    assertThat(run.out()).contains("expectations: met");
  }

  @Test
  void aPassingSeedIsOneLineAndExitOne() {
    Result result =
        faultline("shrink", "clocks/lamport", "--out", temp.resolve("x.json").toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err()).contains("passes at seed", "nothing to shrink");
    assertThat(temp.resolve("x.json")).doesNotExist();
  }

  @Test
  void aZeroBudgetOrABadFlagIsUsageAndExitTwo() {
    Result runs = faultline("shrink", "clocks/lww-skew", "--max-runs", "0");
    assertThat(runs.exitCode()).isEqualTo(2);
    assertThat(runs.err().strip()).isEqualTo("faultline: --max-runs: must be at least 1, not 0");

    Result time = faultline("shrink", "clocks/lww-skew", "--max-time", "0s");
    assertThat(time.exitCode()).isEqualTo(2);
    assertThat(time.err().strip().lines()).hasSize(1);
    assertThat(time.err()).contains("--max-time");

    Result flag = faultline("shrink", "clocks/lww-skew", "--max-rnus", "5");
    assertThat(flag.exitCode()).isEqualTo(2);
    assertThat(flag.err()).contains("--max-rnus");
  }

  @Test
  void anInvariantTheRunDoesNotViolateIsNothingToShrink() {
    Result result =
        faultline(
            "shrink",
            "clocks/lww-skew",
            "--invariant",
            "clocks.lamport-clock-condition",
            "--out",
            temp.resolve("x.json").toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err()).contains("does not violate clocks.lamport-clock-condition");
  }
}
