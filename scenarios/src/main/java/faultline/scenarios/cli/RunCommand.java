package faultline.scenarios.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.check.Undecided;
import faultline.engine.trace.TraceSink;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.history.ClientHistorySink;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.PropertiesJson;
import faultline.scenarios.run.RunReport;
import faultline.scenarios.run.ScenarioRunner;
import faultline.scenarios.run.Shell;
import faultline.scenarios.run.ViolationsJson;
import faultline.scenarios.trace.FileTraceSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a scenario and summarize it.",
      "The same scenario and seed always give the same run, byte for byte.",
      "Exit 0 when every invariant held, 1 when one was violated, 5 when inconclusive (a limit"
          + " stopped the run before its end, or a check could not decide within its budget)."
    })
final class RunCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "<scenario>", description = "A bundled name (see list) or a file.")
  String scenarioName;

  @Option(names = "--seed", paramLabel = "N", description = "Seed (default: the scenario's).")
  Long seed;

  @Option(names = "--trace", paramLabel = "FILE", description = "Write the JSON Lines trace here.")
  Path tracePath;

  @Option(
      names = "--history",
      paramLabel = "FILE",
      description =
          "Write the clients' operations here as a history for check (JSON Lines, Jepsen style).")
  Path historyPath;

  @Option(names = "--json", description = "Print one JSON object instead of the summary.")
  boolean json;

  @Option(
      names = "--until",
      paramLabel = "DURATION",
      description = "Virtual time to run to, like 5s or 750ms (default: the scenario's).")
  String until;

  @Option(
      names = "--swarm",
      description =
          "Run the seed's swarm configuration, as sweep --swarm ran it: only the random fault"
              + " kinds and network behaviours the seed keeps.")
  boolean swarm;

  @Option(
      names = "--wall-limit",
      paramLabel = "DURATION",
      description =
          "Stop after this much real time, like 30s or 10m; a run stopped so is inconclusive"
              + " (exit 5). Ctrl-C stops a run the same way.")
  String wallLimit;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    OutputPaths.requireDistinct("--trace", tracePath, "--history", historyPath);
    if (tracePath != null) {
      OutputPaths.prepareFile("--trace", tracePath, err);
    }
    if (historyPath != null) {
      OutputPaths.prepareFile("--history", historyPath, err);
    }
    long durationOption = until == null ? 0 : DurationOptions.positive("--until", until);
    StopConditions stop =
        StopConditions.startingNow(
            wallLimit == null ? null : DurationOptions.positive("--wall-limit", wallLimit));
    Scenario scenario = ScenarioArgument.load(scenarioName);
    for (String warning : Protocols.named(scenario.protocol()).orElseThrow().warnings(scenario)) {
      spec.commandLine().getErr().println("warning: " + warning);
    }
    long runSeed = seed != null ? seed : scenario.seed();
    if (swarm) {
      scenario = SwarmOption.configure(scenario, runSeed, spec.commandLine().getErr());
    }
    long durationNanos = until == null ? scenario.run().untilNanos() : durationOption;
    RunWatch watch = new RunWatch(scenario.name(), durationNanos, stop);
    Activity.set(watch::describe);
    long startedNanos = System.nanoTime();
    RunReport report;
    ClientHistorySink history;
    try (TraceSink sink = openSink();
        ClientHistorySink historySink = historyPath == null ? null : openHistory(sink)) {
      history = historySink;
      report =
          ScenarioRunner.run(
              scenario, runSeed, durationNanos, historySink == null ? sink : historySink, watch);
      if (swarm) {
        report = report.withCommandOptions(" --swarm");
      }
    }
    Activity.clear();
    ProgressLine.clearNow();
    long elapsedNanos = System.nanoTime() - startedNanos;
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(JSON.writeValueAsString(toJson(report)));
    } else {
      new RunSummary(out).print(report, elapsedNanos, tracePath);
      if (history != null) {
        printHistory(out, history);
      }
    }
    out.flush();
    return ExitCodes.of(report.outcome().verdict());
  }

  private TraceSink openSink() {
    if (tracePath == null) {
      return TraceSink.discard();
    }
    try {
      return new FileTraceSink(tracePath);
    } catch (IOException e) {
      throw OutputPaths.cannotWrite("--trace", tracePath, e);
    }
  }

  private ClientHistorySink openHistory(TraceSink next) {
    try {
      return new ClientHistorySink(historyPath, next);
    } catch (IOException e) {
      throw OutputPaths.cannotWrite("--history", historyPath, e);
    }
  }

  private static void printHistory(PrintWriter out, ClientHistorySink history) {
    if (history.invocations() == 0) {
      out.printf(
          "history: %s is empty: no client of this run invoked an operation%n",
          Shell.quote(history.path().toString()));
      return;
    }
    out.printf(
        "history: %d operations written to %s%s%n",
        history.invocations(),
        Shell.quote(history.path().toString()),
        history
            .model()
            .map(
                model ->
                    "; check: ./faultline check "
                        + Shell.quote(history.path().toString())
                        + " --model "
                        + model)
            .orElse(""));
  }

  static ObjectNode toJson(RunReport report) {
    ObjectNode result = JSON.createObjectNode();
    result.put("scenario", report.scenario().name());
    result.put("seed", report.seed());
    result.put("events", report.outcome().events());
    result.put("virtualTimeNanos", report.outcome().endNanos());
    result.put("fingerprint", report.outcome().fingerprint());
    result.put("stopReason", report.outcome().stopReason().label());
    result.put("verdict", report.outcome().verdict().label());
    ArrayNode inconclusive = result.putArray("inconclusive");
    report.inconclusiveReasons().forEach(inconclusive::add);
    ArrayNode undecided = result.putArray("undecided");
    for (Undecided check : report.outcome().undecided()) {
      ObjectNode item = undecided.addObject();
      item.put("invariant", check.invariant());
      item.put("timeNanos", check.timeNanos());
      item.put("message", check.message());
    }
    result.set("violations", ViolationsJson.of(report.outcome().violations()));
    result.set("eventually", PropertiesJson.eventually(report.outcome().eventually()));
    result.set("sometimes", PropertiesJson.sometimes(report.outcome().sometimes()));
    ObjectNode metrics = result.putObject("metrics");
    for (Map.Entry<String, Long> metric : report.outcome().metrics().entrySet()) {
      metrics.put(metric.getKey(), metric.getValue());
    }
    ObjectNode expectations = result.putObject("expectations");
    expectations.put("status", report.expectationStatus().label());
    expectations.put("judged", report.expectationsJudged());
    if (report.expectationsJudged()) {
      expectations.put("met", report.expectationsMet()); // Absent when not judged: not a pass.
    }
    ArrayNode unmet = expectations.putArray("unmet");
    report.unmetExpectations().forEach(unmet::add);
    result.put("reproduce", report.reproduceCommand());
    return result;
  }
}
