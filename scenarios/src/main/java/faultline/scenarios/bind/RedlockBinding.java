package faultline.scenarios.bind;

import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import faultline.protocols.locks.LockServiceConfig;
import faultline.protocols.locks.StorageResourceNode;
import faultline.protocols.redlock.RedisStoreNode;
import faultline.protocols.redlock.RedlockBug;
import faultline.protocols.redlock.RedlockClientNode;
import faultline.protocols.redlock.RedlockConfig;
import faultline.protocols.redlock.RedlockInvariants;
import faultline.protocols.redlock.StoreClock;
import faultline.protocols.redlock.StoreRestart;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ParamReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code "protocol": "redlock"}: N independent Redis-like stores and clients that follow the
 * Redlock algorithm, protecting a storage resource that has no fencing tokens to check.
 *
 * <pre>
 * "params": {
 *   "stores": ["A", "B", "C", "D", "E"], "resource": "storage",   // node names (required)
 *   "key": "lock", "ttl": "10s",
 *   "quorum": 3,                        // default N/2+1; at most N
 *   "driftFactor": 0.01,                // allowance = ttl * driftFactor + 2ms
 *   "requestTimeout": "50ms", "retryDelayMin": "100ms", "retryDelayMax": "300ms", "maxAttempts": 3,
 *   "storeClock": "wall" | "monotonic", // default "wall", as Redis expires keys
 *   "checkValidityBeforeWrite": true,
 *   "storeRestart": "immediate" | "delayed" | "fsync",  // what a restarted store keeps; default
 *                                       // "immediate" (forgets its keys, answers at once)
 *   "clients": [{"node": "client1", "acquireAt": "0s", "work": "1s"}],
 *   "bugs": ["validity_ignores_elapsed", "delete_without_compare"]   // the bug zoo
 * }
 * </pre>
 */
final class RedlockBinding implements ProtocolBinding {
  /** For {@link #invariants()}: the names and descriptions do not depend on the parameters. */
  private static final RedlockConfig EXAMPLE =
      new RedlockConfig(
          List.of(NodeId.of("a")),
          NodeId.of("s"),
          "lock",
          1_000_000_000L,
          1,
          Ratio.ZERO,
          1,
          1,
          1,
          1,
          StoreClock.WALL,
          true,
          List.of(),
          Set.of());

  @Override
  public String name() {
    return "redlock";
  }

  @Override
  public String summary() {
    return "Redlock over N independent Redis-like stores, guarding a storage without fencing";
  }

  @Override
  public SortedMap<String, String> invariants() {
    return ProtocolBinding.describe(RedlockInvariants.all(EXAMPLE));
  }

  @Override
  public Setup bind(Scenario scenario) {
    ParamReader params = scenario.params();
    TreeMap<NodeId, String> roles = new TreeMap<>();
    List<NodeId> stores = params.nodes("stores", List.of());
    if (stores.isEmpty()) {
      throw params.error("stores", "at least one store is needed");
    }
    for (NodeId store : stores) {
      LockParams.assign(params, "stores", roles, store, "store");
    }
    NodeId resource = params.node("resource");
    LockParams.assign(params, "resource", roles, resource, "storage resource");
    RedlockConfig config = readConfig(params, stores, resource, roles);
    LockParams.checkRoles(params, "clients", scenario.nodes(), roles);
    params.finish();
    TreeMap<NodeId, NodeFactory> factories = new TreeMap<>();
    for (NodeId store : stores) {
      factories.put(store, id -> new RedisStoreNode(config));
    }
    LockServiceConfig unfenced = LockServiceConfig.defaults();
    factories.put(resource, id -> new StorageResourceNode(unfenced));
    for (RedlockConfig.Client client : config.clients()) {
      factories.put(client.node(), id -> new RedlockClientNode(config, id));
    }
    return new Setup(factories, RedlockInvariants.all(config));
  }

  private static RedlockConfig readConfig(
      ParamReader params, List<NodeId> stores, NodeId resource, TreeMap<NodeId, String> roles) {
    String key = params.string("key", "lock");
    long ttlNanos = LockParams.ttl(params, "ttl", 10_000_000_000L);
    long quorum = params.integer("quorum", RedlockConfig.majority(stores.size()), 1, 1_000_000);
    if (quorum > stores.size()) {
      throw params.error(
          "quorum",
          "must not be larger than the number of stores ("
              + stores.size()
              + "); a majority is "
              + RedlockConfig.majority(stores.size()));
    }
    Ratio driftFactor = params.probability("driftFactor", Ratio.of(1, 100));
    long timeoutNanos = LockParams.positiveDuration(params, "requestTimeout", 50_000_000L);
    long retryMinNanos = LockParams.positiveDuration(params, "retryDelayMin", 100_000_000L);
    long retryMaxNanos =
        params.durationNanos("retryDelayMax", Math.max(retryMinNanos, 300_000_000L));
    if (retryMaxNanos < retryMinNanos) {
      throw params.error("retryDelayMax", "must not be shorter than retryDelayMin");
    }
    int maxAttempts = (int) params.integer("maxAttempts", 3, 1, 1_000_000);
    StoreClock storeClock =
        StoreClock.valueOf(
            LockParams.constant(params.choice("storeClock", "wall", List.of("wall", "monotonic"))));
    boolean checkBeforeWrite = params.bool("checkValidityBeforeWrite", true);
    StoreRestart storeRestart =
        StoreRestart.valueOf(
            LockParams.constant(
                params.choice(
                    "storeRestart", "immediate", List.of("immediate", "delayed", "fsync"))));
    List<RedlockConfig.Client> clients = new ArrayList<>();
    for (ParamReader client : params.objects("clients")) {
      NodeId node = client.node("node");
      LockParams.assign(client, "node", roles, node, "client");
      clients.add(
          new RedlockConfig.Client(
              node,
              client.durationNanos("acquireAt", 0),
              client.durationNanos("work", 1_000_000_000L)));
      client.finish();
    }
    EnumSet<RedlockBug> bugs = EnumSet.noneOf(RedlockBug.class);
    for (String bug : params.strings("bugs", LockParams.names(RedlockBug.values()))) {
      bugs.add(RedlockBug.valueOf(LockParams.constant(bug)));
    }
    return new RedlockConfig(
        stores,
        resource,
        key,
        ttlNanos,
        (int) quorum,
        driftFactor,
        timeoutNanos,
        retryMinNanos,
        retryMaxNanos,
        maxAttempts,
        storeClock,
        checkBeforeWrite,
        clients,
        bugs,
        storeRestart);
  }
}
