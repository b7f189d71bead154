package faultline.protocols.heartbeat;

import faultline.engine.node.NodeId;
import faultline.protocols.membership.MemberIndex;
import java.util.List;

/**
 * A group of heartbeat members and how they judge each other.
 *
 * @param members every member, in the scenario's order
 * @param detector the judgement: a fixed timeout or phi accrual
 * @param intervalNanos how often each member sends a heartbeat to every other (1 s, SWIM's period)
 * @param checkNanos how often each member judges the others (a tenth of the interval)
 * @param timeoutNanos the fixed timeout: faulty after this long without a heartbeat (5 s, as SWIM's
 *     suspicion at n = 10 plus a period)
 * @param phiThreshold phi accrual's threshold (8, Akka's default)
 * @param phiWindow how many intervals phi accrual remembers (100; Akka's is 1,000, Cassandra's
 *     1,000; the comparison in the issue asks for 100)
 * @param phiMinStdDevNanos phi accrual's least standard deviation (500 ms, as Akka)
 * @param staggerStart each member sends its first heartbeats at a random point of the first
 *     interval
 */
public record HeartbeatConfig(
    MemberIndex members,
    Detector detector,
    long intervalNanos,
    long checkNanos,
    long timeoutNanos,
    double phiThreshold,
    int phiWindow,
    long phiMinStdDevNanos,
    boolean staggerStart) {

  public HeartbeatConfig {
    if (intervalNanos <= 0 || checkNanos <= 0 || timeoutNanos <= 0 || phiMinStdDevNanos <= 0) {
      throw new IllegalArgumentException("heartbeat times must be positive");
    }
    if (phiWindow < 1 || !(phiThreshold > 0)) {
      throw new IllegalArgumentException("phi accrual needs a window and a positive threshold");
    }
  }

  /** The defaults for {@code nodes}: fixed timeout, the values above. */
  public static HeartbeatConfig defaults(List<NodeId> nodes) {
    return new HeartbeatConfig(
        MemberIndex.of(nodes),
        Detector.FIXED_TIMEOUT,
        1_000_000_000L,
        100_000_000L,
        5_000_000_000L,
        8.0,
        100,
        500_000_000L,
        true);
  }

  public HeartbeatConfig withDetector(Detector value) {
    return new HeartbeatConfig(
        members,
        value,
        intervalNanos,
        checkNanos,
        timeoutNanos,
        phiThreshold,
        phiWindow,
        phiMinStdDevNanos,
        staggerStart);
  }

  /**
   * The longest a verdict can take after the last heartbeat: the timeout, or for phi accrual the
   * time at which phi reaches its threshold for a sender that was perfectly regular, plus one
   * check.
   */
  public long longestVerdictNanos() {
    if (detector == Detector.FIXED_TIMEOUT) {
      return timeoutNanos + checkNanos;
    }
    long elapsed = intervalNanos;
    while (ArrivalWindow.phi(elapsed, intervalNanos, phiMinStdDevNanos) < phiThreshold) {
      elapsed += checkNanos;
    }
    return elapsed + checkNanos;
  }
}
