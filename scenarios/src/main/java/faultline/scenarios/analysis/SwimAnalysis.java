package faultline.scenarios.analysis;

import faultline.engine.RunOutcome;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reproduces the analysis of SWIM (Das, Gupta and Motivala, DSN 2002, §3.1 and §5) by running the
 * real protocol over a sweep of seeds and setting each measurement, with its 95% confidence
 * interval, beside the paper's formula:
 *
 * <ul>
 *   <li>the expected time to first detection of a crash, {@code T' · 1/(1 - (1 - 1/n)^(n-1))}
 *       periods (§3.1's {@code 1/(1 - e^(-q_f))} before its limit), measured where the formula's
 *       assumptions hold: members pick uniformly among all n, themselves included, and their
 *       periods are aligned, with the crash just before a period starts;
 *   <li>the chance that one probe of a live member fails under independent message loss q: the ping
 *       or its ack is lost, and so is one of the four messages of each of the k indirect probes,
 *       {@code (1 - (1-q)^2) · (1 - (1-q)^4)^k} (§3.1 with no member faulty);
 *   <li>the chance that a live member is falsely detected within a protocol period, as §3.1 states
 *       it, counted period by period over the members that were probed ({@link PeriodProbes}),
 *       beside the paper's formula and the exact value for n;
 *   <li>the load per member, messages sent per protocol period, flat in n: one ping and one ack
 *       (less the periods in which a member draws itself);
 *   <li>the time until every member knows of the crash, which the paper puts at O(log n) periods
 *       (§4.1) without a constant to compare with, so it is measured only;
 *   <li>Lifeguard's claim (Dadgar et al. 2017): false positives around a slow member, with and
 *       without its extensions, and the reduction factor.
 * </ul>
 */
public final class SwimAnalysis {
  /** The loss rate of the probe-failure runs, as in {@code swim/lossy-network}. */
  static final double LOSS = 0.1;

  private static final int K = 3;
  private static final long PERIOD_NANOS = 1_000_000_000L;

  private final ScenarioLoader loader;
  private final Function<String, Scenario> bundled;
  private final SeedRuns runs;
  private final List<String> notes = new ArrayList<>();

  /**
   * @param loader reads the generated scenarios
   * @param bundled loads a bundled scenario by name (the Lifeguard pair)
   * @param jobs simulations run at once
   */
  public SwimAnalysis(ScenarioLoader loader, Function<String, Scenario> bundled, int jobs) {
    this.loader = loader;
    this.bundled = bundled;
    this.runs = new SeedRuns(jobs);
  }

  /** The paper's expected time to first detection in periods, with one of n members crashed. */
  public static double predictedFirstDetectionPeriods(int members) {
    return 1 / (1 - StrictMath.pow(1 - 1.0 / members, members - 1));
  }

  /** The paper's chance that a probe of a live member fails, with loss q and k indirect probes. */
  public static double predictedProbeFailure(double loss, int k) {
    double direct = 1 - StrictMath.pow(1 - loss, 2);
    double indirect = 1 - StrictMath.pow(1 - loss, 4);
    return direct * StrictMath.pow(indirect, k);
  }

  /**
   * The paper's probability that a non-faulty member is falsely detected as failed within a
   * protocol period (§3.1), {@code q_f · (1 - q_ml²) · (1 - q_f · q_ml⁴)^K · e^(q_f) / (e^(q_f) -
   * 1)}, with {@code q_ml} the chance that a message is delivered in time and {@code q_f} the
   * fraction of members that are not faulty. Since {@code q_f / (1 - e^(-q_f))} is the expected
   * number of probes a member receives in a period given that it receives one (their number is
   * Poisson with mean {@code q_f} as n grows), this is the expected number of failed probes of a
   * member in a period in which it is probed: the union bound of the chance that one of them fails.
   */
  public static double predictedFalseDetectionPerPeriod(double delivery, double nonFaulty, int k) {
    double direct = 1 - delivery * delivery;
    double indirect = 1 - nonFaulty * StrictMath.pow(delivery, 4);
    double e = StrictMath.exp(nonFaulty);
    return nonFaulty * direct * StrictMath.pow(indirect, k) * e / (e - 1);
  }

  /**
   * The same chance for n members of whom none is faulty, without the limit and the union bound:
   * each of the n - 1 others probes the member with chance 1/n (targets uniform among all n), each
   * probe fails independently with the chance of {@link #predictedProbeFailure}, and the member is
   * falsely detected in the period when one of the probes it receives fails, given that it receives
   * one.
   */
  public static double exactFalseDetectionPerPeriod(int members, double loss, int k) {
    double failing = predictedProbeFailure(loss, k);
    double someFailed = 1 - StrictMath.pow(1 - failing / members, members - 1);
    double probed = 1 - StrictMath.pow(1 - 1.0 / members, members - 1);
    return someFailed / probed;
  }

  /** Every row, for each group size in {@code members}, over {@code seeds}. */
  public List<AnalysisRow> analyze(List<Integer> members, long[] seeds) {
    List<AnalysisRow> rows = new ArrayList<>();
    for (int n : members) {
      rows.addAll(detection(n, seeds));
    }
    for (int n : members) {
      rows.addAll(probeFailure(n, seeds));
    }
    for (int n : members) {
      rows.add(load(n, seeds));
    }
    rows.addAll(lifeguard(seeds));
    return rows;
  }

  /** What the runs showed that the table does not: violations, detections that never came. */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  private List<AnalysisRow> detection(int n, long[] seeds) {
    Scenario scenario =
        generated(
            "swim-first-detection-" + n,
            n,
            "\"network\": {\"latency\": \"1ms..5ms\"},"
                + " \"faults\": [{\"at\": \"9999ms\", \"type\": \"crash\", \"node\": \"n"
                + n
                + "\"}], \"run\": {\"duration\": \"40s\"}");
    List<Double> first = new ArrayList<>();
    List<Double> full = new ArrayList<>();
    for (RunOutcome outcome : outcomes(scenario, seeds)) {
      addPeriods(first, outcome, "membership.firstDetectionMaxNanos", scenario);
      addPeriods(full, outcome, "membership.fullDisseminationMaxNanos", scenario);
    }
    List<AnalysisRow> rows = new ArrayList<>();
    rows.add(
        new AnalysisRow(
            "time to first detection (periods)",
            n,
            Estimate.mean(first),
            predictedFirstDetectionPeriods(n)));
    rows.add(
        new AnalysisRow(
            "time until all know of the crash (periods)", n, Estimate.mean(full), Double.NaN));
    return rows;
  }

  private void addPeriods(List<Double> into, RunOutcome outcome, String metric, Scenario s) {
    Long nanos = outcome.metrics().get(metric);
    if (nanos == null) {
      notes.add(s.name() + ": a run without " + metric + " (the crash was never seen so far)");
      return;
    }
    into.add((double) nanos / PERIOD_NANOS);
  }

  /**
   * Probe failures under loss, per probe and per protocol period, from the same runs: about 2,000
   * periods' worth of probed members for each n (200 seeds at n = 10, 20 at n = 100).
   */
  private List<AnalysisRow> probeFailure(int n, long[] seeds) {
    Scenario scenario =
        generated(
            "swim-lossy-probes-" + n,
            n,
            "\"network\": {\"latency\": \"1ms..5ms\", \"loss\": "
                + LOSS
                + "}, \"run\": {\"duration\": \"30s\"}");
    long[] some = fewer(seeds, Math.max(20, 2000 / n));
    PeriodProbes total = PeriodProbes.NONE;
    for (PeriodProbes one :
        runs.each(some, seed -> PeriodProbes.count(scenario, seed, PERIOD_NANOS))) {
      total = total.plus(one);
    }
    if (total.violatedRuns() > 0) {
      notes.add(scenario.name() + ": " + total.violatedRuns() + " of " + some.length + " violated");
    }
    String loss = String.format(Locale.ROOT, "%.0f%% loss", LOSS * 100);
    Estimate perPeriod = Estimate.proportion(total.falselyDetected(), total.memberPeriods());
    return List.of(
        new AnalysisRow(
            "probes of live members that fail, " + loss,
            n,
            Estimate.proportion(total.failedProbes(), total.probes()),
            predictedProbeFailure(LOSS, K)),
        new AnalysisRow(
            "live member falsely detected in a period it is probed, " + loss + " (§3.1 formula)",
            n,
            perPeriod,
            predictedFalseDetectionPerPeriod(1 - LOSS, 1, K)),
        new AnalysisRow(
            "the same, exact for n (no limit, no union bound)",
            n,
            perPeriod,
            exactFalseDetectionPerPeriod(n, LOSS, K)));
  }

  /**
   * Messages per member per period in the steady state: the same seeds run for 20 s and for 40 s
   * (the first 20 s of both are the same run), and the difference divided by the difference in
   * member-periods, so that the start-up does not count. Members that draw themselves skip the
   * period, so the prediction is one ping and one ack {@code (n - 1)/n} of the time.
   */
  private AnalysisRow load(int n, long[] seeds) {
    String network = "\"network\": {\"latency\": \"1ms..5ms\"}, ";
    Scenario shorter = generated("swim-load-" + n, n, network + "\"run\": {\"duration\": \"20s\"}");
    Scenario longer = generated("swim-load-" + n, n, network + "\"run\": {\"duration\": \"40s\"}");
    long[] some = fewer(seeds, 20);
    List<RunOutcome> before = outcomes(shorter, some);
    List<RunOutcome> after = outcomes(longer, some);
    List<Double> perMemberPeriod = new ArrayList<>();
    for (int i = 0; i < some.length; i++) {
      double messages =
          metric(after.get(i), "membership.messagesSent")
              - metric(before.get(i), "membership.messagesSent");
      double memberPeriods =
          (metric(after.get(i), "membership.memberMillis")
                  - metric(before.get(i), "membership.memberMillis"))
              / (PERIOD_NANOS / 1e6);
      perMemberPeriod.add(messages / memberPeriods);
    }
    return new AnalysisRow(
        "messages sent per member per period",
        n,
        Estimate.mean(perMemberPeriod),
        2.0 * (n - 1) / n);
  }

  private static double metric(RunOutcome outcome, String name) {
    return outcome.metrics().getOrDefault(name, 0L);
  }

  private List<AnalysisRow> lifeguard(long[] seeds) {
    Estimate off = falsePositives(bundled.apply("swim/slow-member"), fewer(seeds, 100));
    Estimate on = falsePositives(bundled.apply("swim/slow-member-lifeguard"), fewer(seeds, 100));
    double ratio = on.value() == 0 ? Double.POSITIVE_INFINITY : off.value() / on.value();
    return List.of(
        new AnalysisRow("false positives per run, slow member, Lifeguard off", 10, off, Double.NaN),
        new AnalysisRow("false positives per run, slow member, Lifeguard on", 10, on, Double.NaN),
        new AnalysisRow(
            "Lifeguard's reduction of false positives (off / on)",
            10,
            new Estimate(ratio, Double.NaN, Double.NaN, off.samples()),
            Double.NaN));
  }

  private Estimate falsePositives(Scenario scenario, long[] seeds) {
    List<Double> counts = new ArrayList<>();
    for (RunOutcome outcome : outcomes(scenario, seeds)) {
      counts.add((double) outcome.metrics().getOrDefault("membership.falsePositives", 0L));
    }
    return Estimate.mean(counts);
  }

  private List<RunOutcome> outcomes(Scenario scenario, long[] seeds) {
    List<RunOutcome> outcomes = runs.run(scenario, seeds);
    long violated = outcomes.stream().filter(RunOutcome::violated).count();
    if (violated > 0) {
      notes.add(scenario.name() + ": " + violated + " of " + seeds.length + " seeds violated");
    }
    return outcomes;
  }

  /**
   * A group of {@code n} SWIM members as the paper analyses it: periods aligned (no stagger) and
   * targets drawn uniformly among all n, so that the formulas' assumptions hold.
   */
  private Scenario generated(String name, int n, String rest) {
    String text =
        "{\"name\": \""
            + name
            + "\", \"description\": \"generated by the SWIM analysis\", \"protocol\": \"swim\","
            + " \"nodes\": "
            + n
            + ", \"params\": {\"staggerStart\": false, \"probeOrder\": \"uniform-with-self\"}, "
            + rest
            + "}";
    return loader.load(name, "analysis:" + name, name, text);
  }

  /** The first {@code most} seeds: the cheaper measurements need fewer. */
  private static long[] fewer(long[] seeds, int most) {
    return seeds.length <= most ? seeds : java.util.Arrays.copyOf(seeds, most);
  }
}
