package faultline.scenarios.cli;

import faultline.engine.check.Invariant;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.net.Latency;
import faultline.engine.net.LinkPolicy;
import faultline.scenarios.bind.ProtocolBinding;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.model.Expectation;
import faultline.scenarios.model.Narration;
import faultline.scenarios.model.RandomFaults;
import faultline.scenarios.model.Scenario;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description = {
      "Explain a scenario: what it teaches, its nodes, faults and checks.",
      "Shows its description, protocol, nodes, network, clocks, faults, invariants and"
          + " expectations."
    })
final class DescribeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "<scenario>", description = "A bundled name (see list) or a file.")
  String scenarioName;

  @Override
  public Integer call() {
    Scenario scenario = ScenarioArgument.load(scenarioName);
    ProtocolBinding binding = Protocols.named(scenario.protocol()).orElseThrow();
    ProtocolBinding.Setup setup = binding.bind(scenario); // Validates the parameters too.
    PrintWriter out = spec.commandLine().getOut();
    out.println(scenario.name());
    out.println(Text.wrap(scenario.description(), 96, "  "));
    out.println();
    out.printf("protocol    %s: %s%n", binding.name(), binding.summary());
    out.printf(
        "nodes       %s%n",
        String.join(" ", scenario.nodes().stream().map(Object::toString).toList()));
    out.printf(
        "run         %s of virtual time, seed %d%n",
        Text.duration(scenario.run().durationNanos()), scenario.seed());
    out.printf("network     %s%n", describe(scenario.network()));
    scenario
        .links()
        .forEach(
            link -> out.printf("  %s->%s  %s%n", link.from(), link.to(), describe(link.policy())));
    scenario
        .clocks()
        .forEach(
            (node, clock) ->
                out.printf(
                    "clock       %s: offset %s, drift %s ppm%n",
                    node, Text.duration(clock.offsetNanos()), clock.driftPpb() / 1000.0));
    if (!scenario.faults().isEmpty()) {
      out.println("faults");
      for (ScheduledFault fault : scenario.faults()) {
        out.printf("  at %-8s %s%n", Text.duration(fault.atNanos()), FaultText.of(fault.fault()));
      }
    }
    RandomFaults random = scenario.randomFaults();
    if (random != null) {
      out.printf(
          "random      %s from %s to %s, one every %s..%s lasting %s..%s, on %s%n",
          String.join(", ", random.kinds().stream().map(RandomFaults.Kind::label).toList()),
          Text.duration(random.fromNanos()),
          Text.duration(random.untilNanos()),
          Text.duration(random.gapMinNanos()),
          Text.duration(random.gapMaxNanos()),
          Text.duration(random.durationMinNanos()),
          Text.duration(random.durationMaxNanos()),
          String.join(" ", random.nodes().stream().map(Object::toString).toList()));
      out.println("            (drawn from the seed: every seed a different schedule)");
    }
    out.println("invariants");
    for (Invariant invariant : setup.invariants()) {
      boolean checked =
          scenario.invariants().isEmpty() || scenario.invariants().contains(invariant.name());
      out.printf(
          "  %s %s%n%s%n",
          checked ? "*" : " ", invariant.name(), Text.wrap(invariant.description(), 96, "      "));
    }
    Expectation expect = scenario.expect();
    out.println("expected");
    out.printf(
        "  violations: %s%n",
        expect.violations().isEmpty() ? "none" : String.join(", ", expect.violations()));
    for (Map.Entry<String, Expectation.Bound> bound : expect.metrics().entrySet()) {
      out.printf("  metric %s %s%n", bound.getKey(), bound.getValue());
    }
    describeNarration(out, scenario.narration());
    out.flush();
    return ExitCodes.OK;
  }

  /** The narration's steps, one line each: what {@code viz}'s Step control walks through. */
  private static void describeNarration(PrintWriter out, Narration narration) {
    if (narration.steps().isEmpty()) {
      return;
    }
    out.printf(
        "narration   %d steps (viz: Step, Shift+N or Page Down; export --steps DIR)%n",
        narration.steps().size());
    for (Narration.Step step : narration.steps()) {
      String moment =
          step.event() == null ? "at " + Text.duration(step.atNanos()) : step.event().describe();
      out.printf("  %d. %s%n%s%n", step.number(), moment, Text.wrap(step.caption(), 96, "       "));
    }
  }

  private static String describe(LinkPolicy policy) {
    return "latency "
        + describe(policy.latency())
        + (policy.loss().isZero() ? ", no loss" : ", loss " + Text.probability(policy.loss()))
        + (policy.duplicate().isZero()
            ? ", no duplicates"
            : ", duplicate " + Text.probability(policy.duplicate()))
        + (policy.reorder().isZero()
            ? ", no reordering"
            : ", reorder " + Text.probability(policy.reorder()))
        + (policy.fifo() ? ", FIFO" : "");
  }

  static String describe(Latency latency) {
    return switch (latency) {
      case Latency.Constant constant -> Text.duration(constant.nanos());
      case Latency.Uniform uniform ->
          Text.duration(uniform.minNanos()) + ".." + Text.duration(uniform.maxNanos()) + " uniform";
      case Latency.Exponential exponential ->
          Text.duration(exponential.minNanos())
              + " + exponential, mean "
              + Text.duration(exponential.meanExtraNanos())
              + ", at most "
              + Text.duration(exponential.maxNanos());
      case Latency.Normal normal ->
          "normal, mean "
              + Text.duration(normal.meanNanos())
              + ", deviation "
              + Text.duration(normal.stddevNanos())
              + ", in "
              + Text.duration(normal.minNanos())
              + ".."
              + Text.duration(normal.maxNanos());
    };
  }
}
