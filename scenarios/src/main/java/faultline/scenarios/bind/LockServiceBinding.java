package faultline.scenarios.bind;

import static faultline.engine.time.Nanos.SECOND;

import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.protocols.locks.FencingTokenRejected;
import faultline.protocols.locks.LockClientConfig;
import faultline.protocols.locks.LockClientNode;
import faultline.protocols.locks.LockInvariants;
import faultline.protocols.locks.LockServiceConfig;
import faultline.protocols.locks.LockServiceNode;
import faultline.protocols.locks.StorageResourceNode;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ParamReader;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code "protocol": "lock-service"}: a lock service with leases and fencing tokens, a storage
 * resource, and clients that acquire, work, write and release on a script. Parameters: {@link
 * #PARAMETERS}.
 */
public final class LockServiceBinding implements ProtocolBinding {
  static final Parameters PARAMETERS = new Parameters();
  private static final LockParams.NodeParameters NODES =
      LockParams.NodeParameters.declare(PARAMETERS);
  private static final Parameter LOCK = PARAMETERS.string("lock", "lock", "the lock's name");
  private static final LockParams.ServiceParameters SERVICE =
      LockParams.ServiceParameters.declare(PARAMETERS);
  private static final Parameter CLIENTS =
      PARAMETERS.objects("clients", "the clients, each running one script");
  private static final Parameters CLIENT = CLIENTS.fields();
  private static final Parameter CLIENT_NODE = CLIENT.node("node", "the client's node");
  private static final Parameter ACQUIRE_AT =
      CLIENT.duration("acquireAt", 0, "when it first asks for the lock");
  private static final Parameter TTL =
      CLIENT.duration("ttl", 10 * SECOND, "the lease it asks for, from 1ms to 24h");
  private static final Parameter WORK =
      CLIENT.duration(
          "work", SECOND, "how long it works under the lease before it writes to the storage");
  private static final Parameter RETRY_EVERY =
      CLIENT.duration("retryEvery", SECOND, "how long it waits to ask again after a refusal");
  private static final Parameter MAX_ATTEMPTS =
      CLIENT.integer("maxAttempts", 30, 1, 1_000_000, "how many times it asks before giving up");
  private static final Parameter CHECK_LEASE =
      CLIENT.bool(
          "checkLeaseBeforeWrite",
          false,
          "whether it checks on its own clock, before writing, that its lease is still valid");
  private static final Parameter RELEASE =
      CLIENT.bool("release", true, "whether it releases the lock when it is done");

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
  public Parameters parameters() {
    return PARAMETERS;
  }

  @Override
  public SortedMap<String, String> invariants() {
    return ProtocolBinding.describe(LockInvariants.all());
  }

  @Override
  public SortedMap<String, String> sometimes() {
    return ProtocolBinding.describeSometimes(FencingTokenRejected.all());
  }

  @Override
  public Setup bind(Scenario scenario) {
    ParamReader params = scenario.params();
    TreeMap<NodeId, String> roles = new TreeMap<>();
    LockParams.ServiceAndResource nodes = NODES.read(params, roles);
    NodeId service = nodes.service();
    NodeId resource = nodes.resource();
    String lock = LOCK.string(params);
    LockServiceConfig config = SERVICE.read(params);
    TreeMap<NodeId, NodeFactory> factories = new TreeMap<>();
    factories.put(service, id -> new LockServiceNode(config));
    factories.put(resource, id -> new StorageResourceNode(config));
    for (ParamReader client : CLIENTS.objects(params)) {
      NodeId node = CLIENT_NODE.node(client);
      LockParams.assign(client, CLIENT_NODE.name(), roles, node, "client");
      LockClientConfig script =
          new LockClientConfig(
              service,
              resource,
              lock,
              ACQUIRE_AT.durationNanos(client),
              LockParams.ttl(client, TTL),
              WORK.durationNanos(client),
              LockParams.positiveDuration(client, RETRY_EVERY),
              (int) MAX_ATTEMPTS.integer(client),
              CHECK_LEASE.bool(client),
              RELEASE.bool(client));
      client.finish();
      factories.put(node, id -> new LockClientNode(script));
    }
    LockParams.checkRoles(params, CLIENTS.name(), scenario.nodes(), roles);
    params.finish();
    return new Setup(factories, LockInvariants.all(), FencingTokenRejected.all(), List.of());
  }
}
