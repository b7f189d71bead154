package faultline.scenarios.export;

import faultline.engine.RunMonitor;
import faultline.engine.check.InvariantContext;
import faultline.engine.check.Observer;
import faultline.engine.check.Step;
import faultline.engine.trace.InMemoryTraceSink;
import faultline.engine.trace.TraceEvent;
import faultline.engine.trace.TraceLines;
import faultline.scenarios.cli.ScenarioArgument;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.ScenarioRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bundled scenario run at its own seed, keeping its trace lines, its typed events, and the
 * engine's own view of every handler step (the node and its ground-truth vector stamp), which an
 * observer collects as the run goes.
 */
record ObservedRun(String name, List<String> lines, List<TraceEvent> events, List<Step> steps) {
  private static final Map<String, ObservedRun> RUNS = new TreeMap<>();

  /** The run of {@code scenarioName}, made once per test JVM: runs are deterministic. */
  static synchronized ObservedRun of(String scenarioName) {
    ObservedRun run = RUNS.get(scenarioName);
    if (run == null) {
      run = observe(scenarioName);
      RUNS.put(scenarioName, run);
    }
    return run;
  }

  private static ObservedRun observe(String scenarioName) {
    Scenario scenario = ScenarioArgument.load(scenarioName);
    InMemoryTraceSink sink = new InMemoryTraceSink();
    StepRecorder recorder = new StepRecorder();
    ScenarioRunner.build(
            scenario,
            scenario.seed(),
            scenario.run().untilNanos(),
            sink,
            RunMonitor.NONE,
            List.of(recorder))
        .run();
    List<TraceEvent> events = new ArrayList<>();
    for (String line : sink.lines().subList(1, sink.lines().size())) {
      var object = TraceLines.object(line);
      if (!TraceLines.isEnd(object)) {
        events.add(TraceLines.event(object));
      }
    }
    return new ObservedRun(scenario.name(), List.copyOf(sink.lines()), events, recorder.steps);
  }

  RunSource source() {
    return RunSource.ofLines(name, lines);
  }

  /** Every step the engine took, in order, as its observers saw them. */
  private static final class StepRecorder implements Observer {
    final List<Step> steps = new ArrayList<>();

    @Override
    public String name() {
      return "test.step-recorder";
    }

    @Override
    public String description() {
      return "Records every step for a test.";
    }

    @Override
    public void afterEvent(InvariantContext context) {
      context.lastStep().ifPresent(step -> steps.add(step.copy())); // Valid for this event only.
    }
  }
}
