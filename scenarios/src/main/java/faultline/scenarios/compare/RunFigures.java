package faultline.scenarios.compare;

import faultline.engine.check.Violation;
import faultline.scenarios.run.RunReport;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one run of a replicated store contributes to a comparison, read from its metrics. Metrics of
 * the protocol are named {@code <protocol>.<figure>} ({@code raft.commits}, {@code
 * multipaxos.commits}) with the same meaning in every protocol that reports them; a figure the run
 * did not report is {@link #ABSENT}.
 *
 * @param seed the seed
 * @param failed the run violated an invariant its scenario does not expect
 * @param inconclusive a limit stopped the run, or a check could not decide
 * @param faults faults injected
 * @param clientOk client operations that completed with a result ({@code kv.ok})
 * @param commits log entries or slots committed
 * @param commitLatencyP50Nanos median commit latency of the run
 * @param commitLatencyP99Nanos 99th percentile commit latency of the run
 * @param leaderChanges times a new leader took office
 * @param leaderlessNanos time the cluster had no leader
 * @param replay the command that repeats this run
 */
public record RunFigures(
    long seed,
    boolean failed,
    boolean inconclusive,
    long faults,
    long clientOk,
    long commits,
    long commitLatencyP50Nanos,
    long commitLatencyP99Nanos,
    long leaderChanges,
    long leaderlessNanos,
    String replay) {
  /** A figure the run did not report. */
  public static final long ABSENT = -1;

  /** The figures of {@code report}, whose protocol's metrics carry its name as prefix. */
  public static RunFigures of(RunReport report) {
    Map<String, Long> metrics = report.outcome().metrics();
    String protocol = report.scenario().protocol() + ".";
    Set<String> expected = new TreeSet<>(report.scenario().expect().violations());
    boolean failed = false;
    for (Violation violation : report.outcome().violations()) {
      failed |= !expected.contains(violation.invariant());
    }
    return new RunFigures(
        report.seed(),
        failed,
        !failed && !report.inconclusiveReasons().isEmpty(),
        metrics.getOrDefault("faults", 0L),
        metrics.getOrDefault("kv.ok", ABSENT),
        metrics.getOrDefault(protocol + "commits", ABSENT),
        metrics.getOrDefault(protocol + "commitLatencyP50Nanos", ABSENT),
        metrics.getOrDefault(protocol + "commitLatencyP99Nanos", ABSENT),
        metrics.getOrDefault(protocol + "leaderChanges", ABSENT),
        metrics.getOrDefault(protocol + "leaderlessNanos", ABSENT),
        report.reproduceCommand());
  }
}
