package faultline.exercises.e07_fencing;

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
import faultline.scenarios.parse.ParamReader;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code "protocol": "exercise-fencing"}: the lock service of {@code lock-service}, its scripted
 * clients, and a storage that judges tokens with your {@link FencingCheck}.
 *
 * <pre>
 * "params": {"service": "lock", "resource": "storage", "firstToken": 1,
 *            "clients": [{"node": "client1", "acquireAt": "0s", "ttl": "10s", "work": "2s",
 *                         "retryEvery": "1s", "maxAttempts": 30}]}
 * </pre>
 */
public final class FencingBinding extends ExerciseBinding {
  private static final String LOCK = "lock";

  public FencingBinding() {
    super(
        "exercise-fencing",
        "exercise 7: a lock service, paused clients and a storage fenced by your FencingCheck",
        LockInvariants::all);
  }

  @Override
  protected NodeFactory nodeFactory(ParamReader params, List<NodeId> nodes) {
    NodeId service = params.node("service");
    NodeId resource = params.node("resource");
    long firstToken = params.integer("firstToken", 1, 1, LockServiceConfig.FIRST_TOKEN_MAX);
    LockServiceConfig config =
        new LockServiceConfig(ExpiryClock.MONOTONIC, firstToken, Fencing.OFF, Set.of());
    TreeMap<NodeId, LockClientConfig> clients = new TreeMap<>();
    for (ParamReader client : params.objects("clients")) {
      NodeId node = client.node("node");
      long ttlNanos = client.durationNanos("ttl", 10_000_000_000L);
      if (!LockServiceConfig.validTtl(ttlNanos)) {
        throw client.error("ttl", "must be from 1ms to 24h");
      }
      long retryNanos = client.durationNanos("retryEvery", 1_000_000_000L);
      if (retryNanos <= 0) {
        throw client.error("retryEvery", "must be longer than 0s");
      }
      clients.put(
          node,
          new LockClientConfig(
              service,
              resource,
              LOCK,
              client.durationNanos("acquireAt", 0),
              ttlNanos,
              client.durationNanos("work", 1_000_000_000L),
              retryNanos,
              (int) client.integer("maxAttempts", 30, 1, 1_000_000),
              false,
              true));
      client.finish();
    }
    for (NodeId node : nodes) {
      if (!node.equals(service) && !node.equals(resource) && !clients.containsKey(node)) {
        throw params.error(
            "clients",
            node + " has no role: name it in clients, or as the service or the resource");
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
