package faultline.scenarios.bind;

import faultline.engine.node.NodeId;
import faultline.protocols.heartbeat.Detector;
import faultline.protocols.heartbeat.HeartbeatConfig;
import faultline.protocols.heartbeat.HeartbeatInvariants;
import faultline.protocols.membership.MembershipBounds;
import faultline.scenarios.parse.Durations;
import faultline.scenarios.parse.ParamReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the {@code heartbeat} protocol's parameters strictly, and says which legal settings are
 * unwise. Every default comes from {@link HeartbeatConfig#defaults}; see {@link HeartbeatBinding}.
 */
public final class HeartbeatParams {
  private static final HeartbeatConfig DEFAULTS =
      HeartbeatConfig.defaults(List.of(NodeId.of("n1")));

  /**
   * Every parameter of {@code "protocol": "heartbeat"}. The reader below still reads by name; the
   * bindings' contract test checks every read against this table (type, default, limits).
   */
  public static final Parameters PARAMETERS = new Parameters();

  static {
    PARAMETERS.choice(
        "detector",
        DEFAULTS.detector().label(),
        Arrays.stream(Detector.values()).map(Detector::label).toList(),
        "how a member judges another from its heartbeats: a fixed timeout, or phi accrual");
    PARAMETERS.duration(
        "interval", DEFAULTS.intervalNanos(), "how often every member sends a heartbeat to all");
    PARAMETERS.duration(
        "check",
        Parameters.computed(
            Parameters.duration(DEFAULTS.checkNanos()) + ", or the interval if shorter"),
        "how often a member judges the others");
    PARAMETERS.duration(
        "timeout",
        DEFAULTS.timeoutNanos(),
        "with the fixed-timeout detector, silence this long declares a member faulty");
    Parameter phi = PARAMETERS.object("phi", "the phi accrual detector (Hayashibara et al.)");
    phi.fields()
        .integer(
            "threshold",
            (long) DEFAULTS.phiThreshold(),
            1,
            300,
            "phi above this declares a member faulty");
    phi.fields()
        .integer(
            "window", DEFAULTS.phiWindow(), 1, 100_000, "how many intervals the estimate keeps");
    phi.fields()
        .duration(
            "minStdDev",
            DEFAULTS.phiMinStdDevNanos(),
            "the least standard deviation the estimate assumes");
    PARAMETERS.bool(
        "staggerStart",
        DEFAULTS.staggerStart(),
        "members start their first interval at a random point of it");
    PARAMETERS.duration(
        "completenessWithin",
        Parameters.computed("from the detector's timing (HeartbeatInvariants.defaultBounds)"),
        "membership.completeness fails when a crashed member is still held alive this long after");
  }

  private HeartbeatParams() {}

  /** The configuration, the bounds its checks judge by, and the warnings it deserves. */
  public record Read(HeartbeatConfig config, MembershipBounds bounds, List<String> warnings) {}

  public static Read read(ParamReader params, List<NodeId> nodes) {
    List<String> warnings = new ArrayList<>();
    HeartbeatConfig defaults = HeartbeatConfig.defaults(nodes);
    List<String> labels = Arrays.stream(Detector.values()).map(Detector::label).toList();
    String label = params.choice("detector", defaults.detector().label(), labels);
    Detector detector = Detector.values()[labels.indexOf(label)];
    long interval = positive(params, "interval", defaults.intervalNanos());
    long check = positive(params, "check", Math.min(defaults.checkNanos(), interval));
    if (check > interval) {
      warnings.add(
          params
              .error("check", "judging less often than heartbeats come delays every verdict")
              .getMessage());
    }
    long timeout = positive(params, "timeout", defaults.timeoutNanos());
    if (timeout <= interval) {
      throw params.error(
          "timeout",
          "must be longer than the interval ("
              + Durations.format(interval)
              + "), or members are declared faulty between two heartbeats");
    }
    if (timeout < 2 * interval) {
      warnings.add(
          params
              .error("timeout", "under two intervals, one lost heartbeat declares a member faulty")
              .getMessage());
    }
    ParamReader phi = params.object("phi");
    int threshold = (int) phi.integer("threshold", (long) defaults.phiThreshold(), 1, 300);
    int window = (int) phi.integer("window", defaults.phiWindow(), 1, 100_000);
    long minStdDev = positive(phi, "minStdDev", defaults.phiMinStdDevNanos());
    phi.finish();
    boolean stagger = params.bool("staggerStart", defaults.staggerStart());
    HeartbeatConfig config =
        new HeartbeatConfig(
            defaults.members(),
            detector,
            interval,
            check,
            timeout,
            threshold,
            window,
            minStdDev,
            stagger);
    MembershipBounds fallback = HeartbeatInvariants.defaultBounds(config);
    long within = positive(params, "completenessWithin", fallback.completenessNanos());
    params.finish();
    return new Read(
        config, new MembershipBounds(within, fallback.explainWindowNanos()), List.copyOf(warnings));
  }

  private static long positive(ParamReader params, String field, long defaultNanos) {
    long nanos = params.durationNanos(field, defaultNanos);
    if (nanos <= 0) {
      throw params.error(field, "must be longer than 0s");
    }
    return nanos;
  }
}
