package faultline.exercises.e07_fencing;

import static faultline.engine.time.Nanos.SECOND;

import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.exercises.ExerciseBinding;
import faultline.protocols.locks.ExpiryClock;
import faultline.protocols.locks.Fencing;
import faultline.protocols.locks.LockClientConfig;
import faultline.protocols.locks.LockClientNode;
import faultline.protocols.locks.LockInvariants;
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
 * {@code "protocol": "exercise-fencing"}: the lock service of {@code lock-service}, its scripted
 * clients, and a storage that judges tokens with your {@link FencingCheck}. Parameters: {@link
 * #PARAMETERS}.
 */
public final class FencingBinding extends ExerciseBinding {
  private static final String LOCK = "lock";

  static final Parameters PARAMETERS = new Parameters();
  private static final LockParams.NodeParameters NODES =
      LockParams.NodeParameters.declare(PARAMETERS);
  private static final Parameter FIRST_TOKEN =
      PARAMETERS.integer(
          "firstToken",
          1,
          1,
          LockServiceConfig.FIRST_TOKEN_MAX,
          "the fencing token of the first grant; each later grant's is one higher");
  private static final Parameter CLIENTS =
      PARAMETERS.objects("clients", "the clients, each running one script");
  private static final Parameters CLIENT = CLIENTS.fields();
  private static final Parameter CLIENT_NODE = CLIENT.node("node", "the client's node");
  private static final Parameter TTL =
      CLIENT.duration("ttl", 10 * SECOND, "the lease it asks for, from 1ms to 24h");
  private static final Parameter RETRY_EVERY =
      CLIENT.duration("retryEvery", SECOND, "how long it waits to ask again after a refusal");
  private static final Parameter ACQUIRE_AT =
      CLIENT.duration("acquireAt", 0, "when it first asks for the lock");
  private static final Parameter WORK =
      CLIENT.duration(
          "work", SECOND, "how long it works under the lease before it writes to the storage");
  private static final Parameter MAX_ATTEMPTS =
      CLIENT.integer("maxAttempts", 30, 1, 1_000_000, "how many times it asks before giving up");

  public FencingBinding() {
    super(
        "exercise-fencing",
        "exercise 7: a lock service, paused clients and a storage fenced by your FencingCheck",
        LockInvariants::all);
  }

  @Override
  public Parameters parameters() {
    return PARAMETERS;
  }

  @Override
  protected NodeFactory nodeFactory(ParamReader params, List<NodeId> nodes) {
    NodeId service = NODES.service().node(params);
    NodeId resource = NODES.resource().node(params);
    long firstToken = FIRST_TOKEN.integer(params);
    LockServiceConfig config =
        new LockServiceConfig(ExpiryClock.MONOTONIC, firstToken, Fencing.OFF, Set.of());
    TreeMap<NodeId, LockClientConfig> clients = new TreeMap<>();
    for (ParamReader client : CLIENTS.objects(params)) {
      NodeId node = CLIENT_NODE.node(client);
      long ttlNanos = TTL.durationNanos(client);
      if (!LockServiceConfig.validTtl(ttlNanos)) {
        throw TTL.error(client, "must be from 1ms to 24h");
      }
      long retryNanos = RETRY_EVERY.durationNanos(client);
      if (retryNanos <= 0) {
        throw RETRY_EVERY.error(client, "must be longer than 0s");
      }
      clients.put(
          node,
          new LockClientConfig(
              service,
              resource,
              LOCK,
              ACQUIRE_AT.durationNanos(client),
              ttlNanos,
              WORK.durationNanos(client),
              retryNanos,
              (int) MAX_ATTEMPTS.integer(client),
              false,
              true));
      client.finish();
    }
    for (NodeId node : nodes) {
      if (!node.equals(service) && !node.equals(resource) && !clients.containsKey(node)) {
        throw CLIENTS.error(
            params, node + " has no role: name it in clients, or as the service or the resource");
      }
    }
    return id -> {
      if (id.equals(service)) {
        return new LockServiceNode(config);
      }
      if (id.equals(resource)) {
        return new StorageResourceNode(config, new FencingCheck());
      }
      LockClientConfig script = clients.get(id);
      if (script == null) {
        throw new IllegalStateException(id + " has no role: name it in params.clients");
      }
      return new LockClientNode(script);
    };
  }
}
