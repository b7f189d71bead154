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
