package faultline.exercises.e08_split_brain;

import static faultline.engine.time.Nanos.MILLI;

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
import faultline.scenarios.bind.LockParams;
import faultline.scenarios.bind.Parameter;
import faultline.scenarios.bind.Parameters;
import faultline.scenarios.parse.ParamReader;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code "protocol": "exercise-split-brain"}: the lease election of {@code lease-election}, with
 * every candidate's lease judged by your {@link LeaderLease}. The lock service judges expiry by its
 * own monotonic clock and the storage accepts every write (no fencing), so only the leaders' own
 * rule keeps them apart. Parameters: {@link #PARAMETERS}.
 */
public final class SplitBrainBinding extends ExerciseBinding {
  /** The longest lease: a margin computed as lease times ppm stays far from overflow. */
  static final long LEASE_NANOS_MAX = 3_600_000_000_000L;

  static final long DRIFT_BOUND_PPM_MAX = 500_000;

  static final Parameters PARAMETERS = new Parameters();
  private static final LockParams.NodeParameters NODES =
      LockParams.NodeParameters.declare(PARAMETERS);
  private static final Parameter DRIFT_BOUND_PPM =
      PARAMETERS.integer(
          "driftBoundPpm",
          0,
          0,
          DRIFT_BOUND_PPM_MAX,
          "the bound on clock drift your LeaderLease is given, in parts per million");
  private static final Parameter LEASE =
      PARAMETERS.duration(
          "lease",
          LeaseElectionConfig.DEFAULT_LEASE_NANOS,
          "the lease a candidate asks for, from 1ms to 1h");
  private static final LockParams.ElectionParameters ELECTION =
      LockParams.ElectionParameters.declare(PARAMETERS, 500 * MILLI);

  public SplitBrainBinding() {
    super(
        "exercise-split-brain",
        "exercise 8: lease-based leader election whose leaders step down by your LeaderLease",
        LeaseInvariants::all);
  }

  @Override
  public Parameters parameters() {
    return PARAMETERS;
  }

  @Override
  protected NodeFactory nodeFactory(ParamReader params, List<NodeId> nodes) {
    NodeId service = NODES.service().node(params);
    NodeId resource = NODES.resource().node(params);
    long driftBoundPpm = DRIFT_BOUND_PPM.integer(params);
    long leaseNanos = LEASE.durationNanos(params);
    if (leaseNanos < 1_000_000L || leaseNanos > LEASE_NANOS_MAX) {
      throw LEASE.error(params, "must be from 1ms to 1h");
    }
    long renewEveryNanos = positive(params, ELECTION.renewEvery());
    if (renewEveryNanos > leaseNanos) {
      throw ELECTION.renewEvery().error(params, "must not be longer than the lease");
    }
    long workEveryNanos = positive(params, ELECTION.workEvery());
    long campaignEveryNanos = positive(params, ELECTION.campaignEvery());
    TreeMap<NodeId, Long> campaignAt = new TreeMap<>();
    for (ParamReader candidate : ELECTION.candidates().objects(params)) {
      campaignAt.put(
          ELECTION.candidateNode().node(candidate), ELECTION.campaignAt().durationNanos(candidate));
      candidate.finish();
    }
    if (campaignAt.isEmpty()) {
      throw ELECTION.candidates().error(params, "at least one candidate is needed");
    }
    for (NodeId node : nodes) {
      if (!node.equals(service) && !node.equals(resource) && !campaignAt.containsKey(node)) {
        throw ELECTION
            .candidates()
            .error(
                params,
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

  private static long positive(ParamReader params, Parameter duration) {
    long nanos = duration.durationNanos(params);
    if (nanos <= 0) {
      throw duration.error(params, "must be longer than 0s");
    }
    return nanos;
  }
}
