package faultline.scenarios.bind;

import static faultline.engine.time.Nanos.SECOND;

import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.protocols.leases.LeaderNode;
import faultline.protocols.leases.LeaseElectionConfig;
import faultline.protocols.leases.LeaseInvariants;
import faultline.protocols.locks.LockServiceConfig;
import faultline.protocols.locks.LockServiceNode;
import faultline.protocols.locks.StorageResourceNode;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ParamReader;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code "protocol": "lease-election"}: leader election by a lease on the lock service; the leader
 * renews it and does leader-only work against the storage. Parameters: {@link #PARAMETERS}.
 */
public final class LeaseElectionBinding implements ProtocolBinding {
  static final Parameters PARAMETERS = new Parameters();
  private static final LockParams.NodeParameters NODES =
      LockParams.NodeParameters.declare(PARAMETERS);
  private static final Parameter LOCK =
      PARAMETERS.string("lock", "leader", "the name of the lock whose lease makes a leader");
  private static final LockParams.ServiceParameters SERVICE =
      LockParams.ServiceParameters.declare(PARAMETERS);
  private static final Parameter LEASE =
      PARAMETERS.duration(
          "lease",
          LeaseElectionConfig.DEFAULT_LEASE_NANOS,
          "the lease a candidate asks for, from 1ms to 24h");
  private static final LockParams.ElectionParameters ELECTION =
      LockParams.ElectionParameters.declare(PARAMETERS, SECOND);
  private static final Parameter CHECK_LEASE =
      PARAMETERS.bool(
          "checkLeaseBeforeWrite",
          true,
          "whether the leader stops writing once its own clock, less leaseMargin, says the lease"
              + " is over");
  private static final Parameter LEASE_MARGIN =
      PARAMETERS.duration(
          "leaseMargin", 0, "how much earlier than the lease the leader stops; shorter than it");

  @Override
  public String name() {
    return "lease-election";
  }

  @Override
  public String summary() {
    return "leader election by a renewed lease on the lock service; the leader writes to the"
        + " storage with its fencing token";
  }

  @Override
  public Parameters parameters() {
    return PARAMETERS;
  }

  @Override
  public SortedMap<String, String> invariants() {
    return ProtocolBinding.describe(LeaseInvariants.all());
  }

  @Override
  public Setup bind(Scenario scenario) {
    ParamReader params = scenario.params();
    TreeMap<NodeId, String> roles = new TreeMap<>();
    LockParams.ServiceAndResource nodes = NODES.read(params, roles);
    NodeId service = nodes.service();
    NodeId resource = nodes.resource();
    LockServiceConfig serviceConfig = SERVICE.read(params);
    LeaseElectionConfig config = readElection(params, service, resource, roles);
    LockParams.checkRoles(params, "candidates", scenario.nodes(), roles);
    params.finish();
    TreeMap<NodeId, NodeFactory> factories = new TreeMap<>();
    factories.put(service, id -> new LockServiceNode(serviceConfig));
    factories.put(resource, id -> new StorageResourceNode(serviceConfig));
    for (NodeId candidate : config.campaignAtNanos().keySet()) {
      factories.put(candidate, id -> new LeaderNode(config));
    }
    return new Setup(factories, LeaseInvariants.all());
  }

  private static LeaseElectionConfig readElection(
      ParamReader params, NodeId service, NodeId resource, TreeMap<NodeId, String> roles) {
    String lock = LOCK.string(params);
    long leaseNanos = LockParams.ttl(params, LEASE);
    long renewEveryNanos = LockParams.positiveDuration(params, ELECTION.renewEvery());
    if (renewEveryNanos > leaseNanos) {
      throw ELECTION
          .renewEvery()
          .error(
              params, "must not be longer than the lease: the lease would expire between renewals");
    }
    long workEveryNanos = LockParams.positiveDuration(params, ELECTION.workEvery());
    long campaignEveryNanos = LockParams.positiveDuration(params, ELECTION.campaignEvery());
    boolean checkLease = CHECK_LEASE.bool(params);
    long marginNanos = LEASE_MARGIN.durationNanos(params);
    if (marginNanos >= leaseNanos) {
      throw LEASE_MARGIN.error(params, "must be shorter than the lease");
    }
    TreeMap<NodeId, Long> campaignAt = new TreeMap<>();
    for (ParamReader candidate : ELECTION.candidates().objects(params)) {
      NodeId node = ELECTION.candidateNode().node(candidate);
      LockParams.assign(candidate, "node", roles, node, "candidate");
      campaignAt.put(node, ELECTION.campaignAt().durationNanos(candidate));
      candidate.finish();
    }
    if (campaignAt.isEmpty()) {
      throw ELECTION.candidates().error(params, "at least one candidate is needed");
    }
    return new LeaseElectionConfig(
        service,
        resource,
        lock,
        leaseNanos,
        renewEveryNanos,
        workEveryNanos,
        campaignEveryNanos,
        checkLease,
        marginNanos,
        campaignAt);
  }
}
