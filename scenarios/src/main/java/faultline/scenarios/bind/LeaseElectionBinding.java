package faultline.scenarios.bind;

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
 * renews it and does leader-only work against the storage.
 *
 * <pre>
 * "params": {
 *   "service": "lock", "resource": "storage",        // node names (required)
 *   "lock": "leader",
 *   "expiryClock": "monotonic" | "wall" | "requester-wall", "firstToken": 1,
 *   "fencing": "off" | "reject-below-highest" | "reject-at-or-below-highest",
 *   "lease": "10s", "renewEvery": "3s",               // renewEvery must not exceed the lease
 *   "workEvery": "1s", "campaignEvery": "1s",
 *   "checkLeaseBeforeWrite": true, "leaseMargin": "0s",
 *   "candidates": [{"node": "n1", "campaignAt": "0s"}],
 *   "bugs": [...]                                     // as for lock-service
 * }
 * </pre>
 */
final class LeaseElectionBinding implements ProtocolBinding {
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
  public SortedMap<String, String> invariants() {
    return ProtocolBinding.describe(LeaseInvariants.all());
  }

  @Override
  public Setup bind(Scenario scenario) {
    ParamReader params = scenario.params();
    TreeMap<NodeId, String> roles = new TreeMap<>();
    LockParams.ServiceAndResource nodes = LockParams.readServiceAndResource(params, roles);
    NodeId service = nodes.service();
    NodeId resource = nodes.resource();
    LockServiceConfig serviceConfig = LockParams.readService(params);
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
    String lock = params.string("lock", "leader");
    long leaseNanos = LockParams.ttl(params, "lease", LeaseElectionConfig.DEFAULT_LEASE_NANOS);
    long renewEveryNanos =
        LockParams.positiveDuration(
            params, "renewEvery", LeaseElectionConfig.DEFAULT_RENEW_EVERY_NANOS);
    if (renewEveryNanos > leaseNanos) {
      throw params.error(
          "renewEvery",
          "must not be longer than the lease: the lease would expire between renewals");
    }
    long workEveryNanos = LockParams.positiveDuration(params, "workEvery", 1_000_000_000L);
    long campaignEveryNanos = LockParams.positiveDuration(params, "campaignEvery", 1_000_000_000L);
    boolean checkLease = params.bool("checkLeaseBeforeWrite", true);
    long marginNanos = params.durationNanos("leaseMargin", 0);
    if (marginNanos >= leaseNanos) {
      throw params.error("leaseMargin", "must be shorter than the lease");
    }
    TreeMap<NodeId, Long> campaignAt = new TreeMap<>();
    for (ParamReader candidate : params.objects("candidates")) {
      NodeId node = candidate.node("node");
      LockParams.assign(candidate, "node", roles, node, "candidate");
      campaignAt.put(node, candidate.durationNanos("campaignAt", 0));
      candidate.finish();
    }
    if (campaignAt.isEmpty()) {
      throw params.error("candidates", "at least one candidate is needed");
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
