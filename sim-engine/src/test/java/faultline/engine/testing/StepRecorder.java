package faultline.engine.testing;

import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.check.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * An invariant that never fails: it records every node step the engine reports, so tests can look
 * at ground-truth causality and at what invariants are shown.
 */
public final class StepRecorder implements Invariant {
  private final List<Step> steps = new ArrayList<>();
  private final List<Long> eventNumbers = new ArrayList<>();
  private int checks;
  private int endChecks;

  @Override
  public String name() {
    return "test.step-recorder";
  }

  @Override
  public String description() {
    return "Records steps; always holds.";
  }

  @Override
  public void afterEvent(InvariantContext context) {
    checks++;
    eventNumbers.add(context.eventNumber());
    context.lastStep().ifPresent(step -> steps.add(step.copy())); // Valid for this event only.
  }

  @Override
  public void atEnd(InvariantContext context) {
    endChecks++;
  }

  public List<Step> steps() {
    return steps;
  }

  /** The {@link InvariantContext#eventNumber()} of every event shown, in order. */
  public List<Long> eventNumbers() {
    return eventNumbers;
  }

  public int checks() {
    return checks;
  }

  public int endChecks() {
    return endChecks;
  }
}
