package faultline.scenarios.bind;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;

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
 * Redlock algorithm, protecting a storage resource that has no fencing tokens to check. Parameters:
 * {@link #PARAMETERS}.
 */
public final class RedlockBinding implements ProtocolBinding {
  static final Parameters PARAMETERS = new Parameters();
  private static final Parameter STORES =
      PARAMETERS.requiredNodes("stores", "the independent stores, at least one");
  private static final Parameter RESOURCE =
      PARAMETERS.node("resource", "the node that runs the storage the lock protects");
  private static final Parameter KEY = PARAMETERS.string("key", "lock", "the lock's key");
  private static final Parameter TTL =
      PARAMETERS.duration("ttl", 10 * SECOND, "the lock's time to live, from 1ms to 24h");
  private static final Parameter QUORUM =
      PARAMETERS.integer(
          "quorum",
          Parameters.computed("a majority of the stores, N/2+1"),
          1,
          1_000_000,
          "how many stores must grant the lock; at most the number of stores");
  private static final Parameter DRIFT_FACTOR =
      PARAMETERS.probability(
          "driftFactor",
          Ratio.of(1, 100),
          "the clock drift allowance: validity = ttl - elapsed - (ttl * driftFactor + 2ms)");
  private static final Parameter REQUEST_TIMEOUT =
      PARAMETERS.duration(
          "requestTimeout", 50 * MILLI, "how long a client waits for each store's answer");
  private static final Parameter RETRY_DELAY_MIN =
      PARAMETERS.duration(
          "retryDelayMin", 100 * MILLI, "the least random delay before a client tries again");
  private static final Parameter RETRY_DELAY_MAX =
      PARAMETERS.duration(
          "retryDelayMax",
          Parameters.computed("300ms, or retryDelayMin if longer"),
          "the greatest random retry delay");
  private static final Parameter MAX_ATTEMPTS =
      PARAMETERS.integer(
          "maxAttempts", 3, 1, 1_000_000, "how many times a client tries before giving up");
  private static final Parameter STORE_CLOCK =
      PARAMETERS.choice(
          "storeClock",
          "wall",
          List.of("wall", "monotonic"),
          "the clock by which each store expires keys (Redis uses the wall clock)");
  private static final Parameter CHECK_VALIDITY =
      PARAMETERS.bool(
          "checkValidityBeforeWrite",
          true,
          "whether a client checks, before writing, that its lock's validity has not run out");
  private static final Parameter STORE_RESTART =
      PARAMETERS.choice(
          "storeRestart",
          "immediate",
          LockParams.names(StoreRestart.values()),
          "what a restarted store keeps: immediate (forgets its keys, answers at once), delayed"
              + " (refuses every SET for the lock's TTL) or fsync (reloads its synced keys)");
  private static final Parameter CLIENTS =
      PARAMETERS.objects("clients", "the clients, each acquiring the lock once");
  private static final Parameter CLIENT_NODE = CLIENTS.fields().node("node", "the client's node");
  private static final Parameter ACQUIRE_AT =
      CLIENTS.fields().duration("acquireAt", 0, "when it starts acquiring");
  private static final Parameter WORK =
      CLIENTS
          .fields()
          .duration("work", SECOND, "how long it works under the lock before it writes");
  private static final Parameter BUGS =
      PARAMETERS.choices(
          "bugs",
          LockParams.names(RedlockBug.values()),
          "the bug zoo: planted mistakes the invariants must catch");

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
  public Parameters parameters() {
    return PARAMETERS;
  }

  @Override
  public SortedMap<String, String> invariants() {
    return ProtocolBinding.describe(RedlockInvariants.all(EXAMPLE));
  }

  @Override
  public Setup bind(Scenario scenario) {
    ParamReader params = scenario.params();
    TreeMap<NodeId, String> roles = new TreeMap<>();
    List<NodeId> stores = STORES.nodes(params, List.of());
    if (stores.isEmpty()) {
      throw STORES.error(params, "at least one store is needed");
    }
    for (NodeId store : stores) {
      LockParams.assign(params, STORES.name(), roles, store, "store");
    }
    NodeId resource = RESOURCE.node(params);
    LockParams.assign(params, RESOURCE.name(), roles, resource, "storage resource");
    RedlockConfig config = readConfig(params, stores, resource, roles);
    LockParams.checkRoles(params, CLIENTS.name(), scenario.nodes(), roles);
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
    String key = KEY.string(params);
    long ttlNanos = LockParams.ttl(params, TTL);
    long quorum = QUORUM.integer(params, RedlockConfig.majority(stores.size()));
    if (quorum > stores.size()) {
      throw QUORUM.error(
          params,
          "must not be larger than the number of stores ("
              + stores.size()
              + "); a majority is "
              + RedlockConfig.majority(stores.size()));
    }
    Ratio driftFactor = DRIFT_FACTOR.probability(params);
    long timeoutNanos = LockParams.positiveDuration(params, REQUEST_TIMEOUT);
    long retryMinNanos = LockParams.positiveDuration(params, RETRY_DELAY_MIN);
    long retryMaxNanos =
        RETRY_DELAY_MAX.durationNanos(params, Math.max(retryMinNanos, 300 * MILLI));
    if (retryMaxNanos < retryMinNanos) {
      throw RETRY_DELAY_MAX.error(params, "must not be shorter than retryDelayMin");
    }
    int maxAttempts = (int) MAX_ATTEMPTS.integer(params);
    StoreClock storeClock = StoreClock.valueOf(LockParams.constant(STORE_CLOCK.choice(params)));
    boolean checkBeforeWrite = CHECK_VALIDITY.bool(params);
    StoreRestart storeRestart =
        StoreRestart.valueOf(LockParams.constant(STORE_RESTART.choice(params)));
    List<RedlockConfig.Client> clients = new ArrayList<>();
    for (ParamReader client : CLIENTS.objects(params)) {
      NodeId node = CLIENT_NODE.node(client);
      LockParams.assign(client, CLIENT_NODE.name(), roles, node, "client");
      clients.add(
          new RedlockConfig.Client(
              node, ACQUIRE_AT.durationNanos(client), WORK.durationNanos(client)));
      client.finish();
    }
    EnumSet<RedlockBug> bugs = EnumSet.noneOf(RedlockBug.class);
    for (String bug : BUGS.choices(params)) {
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
