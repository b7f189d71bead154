package faultline.scenarios.analysis;

import faultline.engine.RunOutcome;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * The detector comparison the course material teaches: SWIM, all-to-all heartbeats with a fixed
 * timeout, and all-to-all heartbeats judged by phi accrual (threshold 8, window 100, least standard
 * deviation 500 ms), on identical fault schedules (the same scenario but for the protocol, the same
 * seeds): a network that loses 1% of messages, one member crashed at 10 s, another paused for 4 s
 * at 20 s, a run of 40 s. For each detector and group size, over the seeds: the time until some
 * member and until every member holds the crashed one faulty, false positives per run (members and
 * verdicts), and messages and bytes sent per member per second.
 */
public final class DetectorComparison {
  /** The detectors compared, as the {@code protocol} and {@code params} of a scenario. */
  enum Contender {
    SWIM("SWIM", "swim", "{}"),
    FIXED_TIMEOUT(
        "all-to-all, fixed timeout 5 s", "heartbeat", "{\"detector\": \"fixed-timeout\"}"),
    PHI_ACCRUAL("all-to-all, phi accrual (8)", "heartbeat", "{\"detector\": \"phi-accrual\"}");

    final String label;
    final String protocol;
    final String params;

    Contender(String label, String protocol, String params) {
      this.label = label;
      this.protocol = protocol;
      this.params = params;
    }
  }

  /** One detector at one group size. */
  public record Row(
      String detector,
      int members,
      int seeds,
      Estimate firstDetectionSeconds,
      Estimate allKnowSeconds,
      Estimate falsePositives,
      Estimate falsePositiveViews,
      Estimate messagesPerMemberSecond,
      Estimate bytesPerMemberSecond) {

    public static final String MARKDOWN_HEADER =
        "| detector | n | seeds | first detection (s) | all know (s) | false positives per run"
            + " (members / verdicts) | messages per member per s | bytes per member per s |\n"
            + "|---|---:|---:|---|---|---|---:|---:|";

    public static final String CSV_HEADER =
        "detector,members,seeds,first_detection_s,first_detection_low,first_detection_high,"
            + "all_know_s,all_know_low,all_know_high,false_positives,false_positive_views,"
            + "messages_per_member_s,bytes_per_member_s";

    public String markdown() {
      return "| "
          + detector
          + " | "
          + members
          + " | "
          + seeds
          + " | "
          + withInterval(firstDetectionSeconds)
          + " | "
          + withInterval(allKnowSeconds)
          + " | "
          + AnalysisRow.number(falsePositives.value())
          + " / "
          + AnalysisRow.number(falsePositiveViews.value())
          + " | "
          + AnalysisRow.number(messagesPerMemberSecond.value())
          + " | "
          + AnalysisRow.number(bytesPerMemberSecond.value())
          + " |";
    }

    public String csv() {
      return String.join(
          ",",
          '"' + detector + '"',
          Integer.toString(members),
          Integer.toString(seeds),
          AnalysisRow.number(firstDetectionSeconds.value()),
          AnalysisRow.number(firstDetectionSeconds.low()),
          AnalysisRow.number(firstDetectionSeconds.high()),
          AnalysisRow.number(allKnowSeconds.value()),
          AnalysisRow.number(allKnowSeconds.low()),
          AnalysisRow.number(allKnowSeconds.high()),
          AnalysisRow.number(falsePositives.value()),
          AnalysisRow.number(falsePositiveViews.value()),
          AnalysisRow.number(messagesPerMemberSecond.value()),
          AnalysisRow.number(bytesPerMemberSecond.value()));
    }

    private static String withInterval(Estimate estimate) {
      return AnalysisRow.number(estimate.value())
          + " ["
          + AnalysisRow.number(estimate.low())
          + ", "
          + AnalysisRow.number(estimate.high())
          + "]";
    }
  }

  /**
   * The event limit of the generated runs: all-to-all heartbeats write about four million trace
   * events per simulated second at n = 1,000 (a send and a delivery per message), so the default of
   * ten million would stop them before the crash at 10 s. The trace is discarded; only time grows
   * with it.
   */
  static final long EVENTS_MAX = 1_000_000_000L;

  private final ScenarioLoader loader;
  private final SeedRuns runs;
  private final List<String> notes = new ArrayList<>();

  public DetectorComparison(ScenarioLoader loader, int jobs) {
    this.loader = loader;
    this.runs = new SeedRuns(jobs);
  }

  /** One row per detector and size in {@code members}, each over {@code seeds}. */
  public List<Row> compare(List<Integer> members, long[] seeds) {
    List<Row> rows = new ArrayList<>();
    for (int n : members) {
      for (Contender contender : Contender.values()) {
        rows.add(row(contender, n, seeds));
      }
    }
    return rows;
  }

  public List<String> notes() {
    return List.copyOf(notes);
  }

  private Row row(Contender contender, int n, long[] seeds) {
    Scenario scenario = scenario(contender, n);
    List<Double> first = new ArrayList<>();
    List<Double> all = new ArrayList<>();
    List<Double> falsePositives = new ArrayList<>();
    List<Double> views = new ArrayList<>();
    List<Double> messages = new ArrayList<>();
    List<Double> bytes = new ArrayList<>();
    List<RunOutcome> outcomes = runs.run(scenario, seeds);
    for (RunOutcome outcome : outcomes) {
      var metrics = outcome.metrics();
      double memberSeconds = metrics.getOrDefault("membership.memberMillis", 0L) / 1000.0;
      seconds(first, metrics.get("membership.firstDetectionMaxNanos"), scenario);
      seconds(all, metrics.get("membership.fullDisseminationMaxNanos"), scenario);
      falsePositives.add((double) metrics.getOrDefault("membership.falsePositives", 0L));
      views.add((double) metrics.getOrDefault("membership.falsePositiveViews", 0L));
      messages.add(metrics.getOrDefault("membership.messagesSent", 0L) / memberSeconds);
      bytes.add(metrics.getOrDefault("membership.bytesSent", 0L) / memberSeconds);
    }
    long violated = outcomes.stream().filter(RunOutcome::violated).count();
    if (violated > 0) {
      notes.add(scenario.name() + ": " + violated + " of " + seeds.length + " seeds violated");
    }
    return new Row(
        contender.label,
        n,
        seeds.length,
        mean(first),
        mean(all),
        mean(falsePositives),
        mean(views),
        mean(messages),
        mean(bytes));
  }

  /** The mean with its interval, or NaN throughout when fewer than two seeds gave a value. */
  private static Estimate mean(List<Double> values) {
    return values.size() < 2
        ? new Estimate(Double.NaN, Double.NaN, Double.NaN, values.size())
        : Estimate.mean(values);
  }

  private void seconds(List<Double> into, Long nanos, Scenario scenario) {
    if (nanos == null) {
      notes.add(scenario.name() + ": a seed in which the crash was not detected by all");
      return;
    }
    into.add(nanos / 1e9);
  }

  private Scenario scenario(Contender contender, int n) {
    String name = "compare-" + contender.name().toLowerCase(java.util.Locale.ROOT) + "-" + n;
    String text =
        "{\"name\": \""
            + name
            + "\", \"description\": \"generated by the detector comparison\", \"protocol\": \""
            + contender.protocol
            + "\", \"nodes\": "
            + n
            + ", \"params\": "
            + contender.params
            + ", \"network\": {\"latency\": \"1ms..5ms\", \"loss\": 0.01},"
            + " \"faults\": [{\"at\": \"10s\", \"type\": \"crash\", \"node\": \"n2\"},"
            + " {\"at\": \"20s\", \"type\": \"pause\", \"node\": \"n3\", \"duration\": \"4s\"}],"
            + " \"run\": {\"duration\": \"40s\", \"maxEvents\": "
            + EVENTS_MAX
            + "}}";
    return loader.load(name, "analysis:" + name, name, text);
  }
}
