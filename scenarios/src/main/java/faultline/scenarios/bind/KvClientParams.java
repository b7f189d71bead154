package faultline.scenarios.bind;

import faultline.engine.node.NodeId;
import faultline.protocols.kv.ClientWorkload;
import faultline.protocols.kv.KvOperation;
import faultline.scenarios.parse.ParamReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the parameters every replicated key-value protocol shares, so that each binding reads them
 * the same way, with the same defaults and the same located errors: which nodes are servers ({@code
 * servers}, by default every node that is not a client) and the {@code clients} block, the client
 * nodes and their workload ({@link ClientWorkload}).
 *
 * <pre>
 * "servers": ["n1", "n2", "n3"],       // default: every node that is not a client
 * "clients": {
 *   "nodes": ["c1"], "processes": 1, "intervalMin": "20ms", "intervalMax": "100ms",
 *   "keys": 3, "mix": {"get": 2, "put": 1, "append": 1, "cas": 1},
 *   "attemptTimeout": "100ms", "operationTimeout": "1s", "until": "run end - 1s",
 *   "script": [{"at": "300ms", "client": "c1", "f": "put", "key": "x", "value": "a"}]
 * }
 * </pre>
 *
 * <p>A binding calls {@link #roles} first, reads its own parameters, then {@link #workload}; or
 * {@link #read} for both at once.
 */
public final class KvClientParams {
  static final long MILLI = 1_000_000L;

  private KvClientParams() {}

  /**
   * Who serves and who is a client: {@code clients} is the {@code clients} block's reader, which
   * {@link #workload} reads on.
   */
  public record Roles(List<NodeId> servers, List<NodeId> clientNodes, ParamReader clients) {}

  /** The servers and the clients' workload. */
  public record Read(List<NodeId> servers, ClientWorkload workload) {}

  /**
   * {@link #roles} then {@link #workload}, for a binding with nothing to read in between.
   *
   * @param cluster how errors name the servers together, such as {@code "a Raft cluster"}
   */
  public static Read read(
      ParamReader params, List<NodeId> nodes, long runDurationNanos, String cluster) {
    Roles roles = roles(params, nodes, cluster);
    return new Read(roles.servers(), workload(roles, runDurationNanos));
  }

  /**
   * Reads {@code servers} and {@code clients.nodes}: every node is one or the other, and there is
   * at least one server.
   *
   * @param cluster how errors name the servers together, such as {@code "a Raft cluster"}
   */
  public static Roles roles(ParamReader params, List<NodeId> nodes, String cluster) {
    ParamReader clients = params.object("clients");
    List<NodeId> clientNodes = clients.nodes("nodes", List.of());
    List<NodeId> defaultServers =
        nodes.stream().filter(node -> !clientNodes.contains(node)).toList();
    List<NodeId> servers = params.nodes("servers", defaultServers);
    for (NodeId client : clientNodes) {
      if (servers.contains(client)) {
        throw clients.error("nodes", client + " is listed both as a server and as a client");
      }
    }
    for (NodeId node : nodes) {
      if (!servers.contains(node) && !clientNodes.contains(node)) {
        throw params.error(
            "servers", node + " is neither a server nor one of clients.nodes; list it in one");
      }
    }
    if (servers.isEmpty()) {
      throw params.error(
          params.has("servers") ? "servers" : "clients",
          cluster + " needs at least one server; every node is a client");
    }
    return new Roles(servers, clientNodes, clients);
  }

  /** Reads the rest of the {@code clients} block: what the clients of {@code roles} do. */
  public static ClientWorkload workload(Roles roles, long runDurationNanos) {
    ParamReader clients = roles.clients();
    int processes = (int) clients.integer("processes", 1, 1, 1000);
    long intervalMin = clients.durationNanos("intervalMin", 20 * MILLI);
    long intervalMax = clients.durationNanos("intervalMax", Math.max(intervalMin, 100 * MILLI));
    if (intervalMin <= 0) {
      throw clients.error("intervalMin", "must be longer than 0s");
    }
    if (intervalMax < intervalMin) {
      throw clients.error("intervalMax", "must not be shorter than intervalMin");
    }
    int keys = (int) clients.integer("keys", 3, 1, 1_000_000);
    ClientWorkload.Mix weights = mix(clients);
    long attempt = clients.durationNanos("attemptTimeout", 100 * MILLI);
    long operation = clients.durationNanos("operationTimeout", 1000 * MILLI);
    if (attempt <= 0) {
      throw clients.error("attemptTimeout", "must be longer than 0s");
    }
    if (operation < attempt) {
      throw clients.error("operationTimeout", "must not be shorter than attemptTimeout");
    }
    long defaultUntil = Math.max(runDurationNanos / 2, runDurationNanos - 1000 * MILLI);
    long until = clients.durationNanos("until", defaultUntil);
    List<ClientWorkload.ScriptedOperation> script = new ArrayList<>();
    for (ParamReader step : clients.objects("script")) {
      script.add(scripted(step, roles.clientNodes(), runDurationNanos));
    }
    return new ClientWorkload(
        roles.clientNodes(),
        processes,
        intervalMin,
        intervalMax,
        keys,
        weights,
        attempt,
        operation,
        until,
        script);
  }

  private static ClientWorkload.Mix mix(ParamReader clients) {
    ParamReader mix = clients.object("mix");
    int get = (int) mix.integer("get", 2, 0, 1000);
    int put = (int) mix.integer("put", 1, 0, 1000);
    int append = (int) mix.integer("append", 1, 0, 1000);
    int cas = (int) mix.integer("cas", 1, 0, 1000);
    if (get + put + append + cas == 0) {
      throw clients.error("mix", "at least one operation needs a weight above 0");
    }
    return new ClientWorkload.Mix(get, put, append, cas);
  }

  private static ClientWorkload.ScriptedOperation scripted(
      ParamReader step, List<NodeId> clientNodes, long runDurationNanos) {
    long at = step.durationNanos("at", -1);
    if (at < 0) {
      throw step.error("at", "every scripted operation needs an \"at\" time");
    }
    if (at > runDurationNanos) {
      throw step.error("at", "the operation is after the end of the run");
    }
    NodeId client = step.node("client");
    if (!clientNodes.contains(client)) {
      throw step.error("client", client + " is not one of clients.nodes");
    }
    String f = step.choice("f", null, List.of("get", "put", "append", "cas"));
    if (f == null) {
      throw step.error("f", "every scripted operation needs \"f\": get, put, append or cas");
    }
    String key = step.string("key", "x");
    String value = step.string("value", null);
    String expected = step.string("expected", null);
    if (!f.equals("get") && value == null) {
      throw step.error("value", "a " + f + " needs a \"value\"");
    }
    if (f.equals("cas") && expected == null) {
      throw step.error("expected", "a cas needs an \"expected\" value");
    }
    step.finish();
    return new ClientWorkload.ScriptedOperation(
        at,
        client,
        new KvOperation(f, key, f.equals("get") ? null : value, f.equals("cas") ? expected : null));
  }
}
