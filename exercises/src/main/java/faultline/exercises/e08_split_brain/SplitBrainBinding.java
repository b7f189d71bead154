package faultline.exercises.e08_split_brain;

import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.exercises.ExerciseBinding;
import faultline.protocols.leases.LeaderNode;
import faultline.protocols.leases.LeaseElectionConfig;
import faultline.protocols.leases.LeaseInvariants;
import faultline.protocols.locks.ExpiryClock;
import faultline.protocols.locks.Fencing;
import faultline.protocols.locks.LockServiceConfig;
import faultline.protocols.locks.LockServiceNode;
import faultline.protocols.locks.StorageResourceNode;
import faultline.scenarios.parse.ParamReader;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code "protocol": "exercise-split-brain"}: the lease election of {@code lease-election}, with
 * every candidate's lease judged by your {@link LeaderLease}. The lock service judges expiry by its
 * own monotonic clock and the storage accepts every write (no fencing), so only the leaders' own
 * rule keeps them apart.
 *
 * <pre>
 * "params": {"service": "lock", "resource": "storage", "driftBoundPpm": 100000,
 *            "lease": "10s", "renewEvery": "3s", "workEvery": "500ms", "campaignEvery": "1s",
 *            "candidates": [{"node": "n1", "campaignAt": "0s"}]}
 * </pre>
 */
public final class SplitBrainBinding extends ExerciseBinding {
  /** The longest lease: a margin computed as lease times ppm stays far from overflow. */
  static final long LEASE_NANOS_MAX = 3_600_000_000_000L;

  static final long DRIFT_BOUND_PPM_MAX = 500_000;

  public SplitBrainBinding() {
    super(
        "exercise-split-brain",
        "exercise 8: lease-based leader election whose leaders step down by your LeaderLease",
        LeaseInvariants::all);
  }

  @Override
  protected NodeFactory nodeFactory(ParamReader params, List<NodeId> nodes) {
    NodeId service = params.node("service");
    NodeId resource = params.node("resource");
    long driftBoundPpm = params.integer("driftBoundPpm", 0, 0, DRIFT_BOUND_PPM_MAX);
    long leaseNanos = params.durationNanos("lease", LeaseElectionConfig.DEFAULT_LEASE_NANOS);
    if (leaseNanos < 1_000_000L || leaseNanos > LEASE_NANOS_MAX) {
      throw params.error("lease", "must be from 1ms to 1h");
    }
    long renewEveryNanos =
        positive(params, "renewEvery", LeaseElectionConfig.DEFAULT_RENEW_EVERY_NANOS);
    if (renewEveryNanos > leaseNanos) {
      throw params.error("renewEvery", "must not be longer than the lease");
    }
    long workEveryNanos = positive(params, "workEvery", 500_000_000L);
    long campaignEveryNanos = positive(params, "campaignEvery", 1_000_000_000L);
    TreeMap<NodeId, Long> campaignAt = new TreeMap<>();
    for (ParamReader candidate : params.objects("candidates")) {
      campaignAt.put(candidate.node("node"), candidate.durationNanos("campaignAt", 0));
      candidate.finish();
    }
    if (campaignAt.isEmpty()) {
      throw params.error("candidates", "at least one candidate is needed");
    }
    for (NodeId node : nodes) {
      if (!node.equals(service) && !node.equals(resource) && !campaignAt.containsKey(node)) {
        throw params.error(
            "candidates",
            node + " has no role: name it in candidates, or as the service or the resource");
      }
    }
    LockServiceConfig serviceConfig =
        new LockServiceConfig(ExpiryClock.MONOTONIC, 1, Fencing.OFF, Set.of());
    LeaseElectionConfig election =
        new LeaseElectionConfig(
            service,
            resource,
            "leader",
            leaseNanos,
            renewEveryNanos,
            workEveryNanos,
            campaignEveryNanos,
            true,
            0,
            campaignAt);
    return id -> {
      if (id.equals(service)) {
        return new LockServiceNode(serviceConfig);
      }
      if (id.equals(resource)) {
        return new StorageResourceNode(serviceConfig);
      }
      if (!campaignAt.containsKey(id)) {
        throw new IllegalStateException(id + " has no role: name it in params.candidates");
      }
      return new LeaderNode(election, new LeaderLease(driftBoundPpm));
    };
  }

  private static long positive(ParamReader params, String field, long defaultNanos) {
    long nanos = params.durationNanos(field, defaultNanos);
    if (nanos <= 0) {
      throw params.error(field, "must be longer than 0s");
    }
    return nanos;
  }
}
