package faultline.exercises.e08_split_brain;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;

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
  private static final Parameter SERVICE =
      PARAMETERS.node("service", "the node that runs the lock service");
  private static final Parameter RESOURCE =
      PARAMETERS.node("resource", "the node that runs the storage the leaders write to");
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
  private static final Parameter RENEW_EVERY =
      PARAMETERS.duration(
          "renewEvery",
          LeaseElectionConfig.DEFAULT_RENEW_EVERY_NANOS,
          "how often the leader renews; not longer than the lease");
  private static final Parameter WORK_EVERY =
      PARAMETERS.duration("workEvery", 500 * MILLI, "how often the leader writes to the storage");
  private static final Parameter CAMPAIGN_EVERY =
      PARAMETERS.duration(
          "campaignEvery", SECOND, "how often a candidate that is not leader asks for the lease");
  private static final Parameter CANDIDATES =
      PARAMETERS.objects("candidates", "the candidates for leader; at least one");
  private static final Parameter CANDIDATE_NODE =
      CANDIDATES.fields().node("node", "the candidate's node");
  private static final Parameter CAMPAIGN_AT =
      CANDIDATES.fields().duration("campaignAt", 0, "when it first asks for the lease");

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
    NodeId service = SERVICE.node(params);
    NodeId resource = RESOURCE.node(params);
    long driftBoundPpm = DRIFT_BOUND_PPM.integer(params);
    long leaseNanos = LEASE.durationNanos(params);
    if (leaseNanos < 1_000_000L || leaseNanos > LEASE_NANOS_MAX) {
      throw LEASE.error(params, "must be from 1ms to 1h");
    }
    long renewEveryNanos = positive(params, RENEW_EVERY);
    if (renewEveryNanos > leaseNanos) {
      throw RENEW_EVERY.error(params, "must not be longer than the lease");
    }
    long workEveryNanos = positive(params, WORK_EVERY);
    long campaignEveryNanos = positive(params, CAMPAIGN_EVERY);
    TreeMap<NodeId, Long> campaignAt = new TreeMap<>();
    for (ParamReader candidate : CANDIDATES.objects(params)) {
      campaignAt.put(CANDIDATE_NODE.node(candidate), CAMPAIGN_AT.durationNanos(candidate));
      candidate.finish();
    }
    if (campaignAt.isEmpty()) {
      throw CANDIDATES.error(params, "at least one candidate is needed");
    }
    for (NodeId node : nodes) {
      if (!node.equals(service) && !node.equals(resource) && !campaignAt.containsKey(node)) {
        throw CANDIDATES.error(
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
