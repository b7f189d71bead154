package faultline.scenarios.bind;

import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.protocols.locks.LockClientConfig;
import faultline.protocols.locks.LockClientNode;
import faultline.protocols.locks.LockInvariants;
import faultline.protocols.locks.LockServiceConfig;
import faultline.protocols.locks.LockServiceNode;
import faultline.protocols.locks.StorageResourceNode;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ParamReader;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code "protocol": "lock-service"}: a lock service with leases and fencing tokens, a storage
 * resource, and clients that acquire, work, write and release on a script.
 *
 * <pre>
 * "params": {
 *   "service": "lock", "resource": "storage",        // node names (required)
 *   "lock": "lock",                                   // the lock's name
 *   "expiryClock": "monotonic" | "wall" | "requester-wall",   // default "monotonic"
 *   "firstToken": 1,                                  // the first grant's fencing token
 *   "fencing": "off" | "reject-below-highest" | "reject-at-or-below-highest",  // default "off"
 *   "clients": [{"node": "client1", "acquireAt": "0s", "ttl": "10s", "work": "1s",
 *                "retryEvery": "1s", "maxAttempts": 30, "checkLeaseBeforeWrite": false,
 *                "release": true}],
 *   "bugs": ["grants_without_expiry_check", "tokens_not_durable",
 *            "resource_forgets_highest_token"]   // the bug zoo
 * }
 * </pre>
 */
final class LockServiceBinding implements ProtocolBinding {
  @Override
  public String name() {
    return "lock-service";
  }

  @Override
  public String summary() {
    return "a lock service with leases and fencing tokens, the storage it protects, and scripted"
        + " clients";
  }

  @Override
  public SortedMap<String, String> invariants() {
    return ProtocolBinding.describe(LockInvariants.all());
  }

  @Override
  public Setup bind(Scenario scenario) {
    ParamReader params = scenario.params();
    TreeMap<NodeId, String> roles = new TreeMap<>();
    LockParams.ServiceAndResource nodes = LockParams.readServiceAndResource(params, roles);
    NodeId service = nodes.service();
    NodeId resource = nodes.resource();
    String lock = params.string("lock", "lock");
    LockServiceConfig config = LockParams.readService(params);
    TreeMap<NodeId, NodeFactory> factories = new TreeMap<>();
    factories.put(service, id -> new LockServiceNode(config));
    factories.put(resource, id -> new StorageResourceNode(config));
    for (ParamReader client : params.objects("clients")) {
      NodeId node = client.node("node");
      LockParams.assign(client, "node", roles, node, "client");
      LockClientConfig script =
          new LockClientConfig(
              service,
              resource,
              lock,
              client.durationNanos("acquireAt", 0),
              LockParams.ttl(client, "ttl", 10_000_000_000L),
              client.durationNanos("work", 1_000_000_000L),
              LockParams.positiveDuration(client, "retryEvery", 1_000_000_000L),
              (int) client.integer("maxAttempts", 30, 1, 1_000_000),
              client.bool("checkLeaseBeforeWrite", false),
              client.bool("release", true));
      client.finish();
      factories.put(node, id -> new LockClientNode(script));
    }
    LockParams.checkRoles(params, "clients", scenario.nodes(), roles);
    params.finish();
    return new Setup(factories, LockInvariants.all());
  }
}
