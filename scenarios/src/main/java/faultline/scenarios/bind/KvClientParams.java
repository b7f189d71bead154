package faultline.scenarios.bind;

import static faultline.engine.time.Nanos.MILLI;

import faultline.engine.node.NodeId;
import faultline.protocols.kv.ClientWorkload;
import faultline.protocols.kv.KvOperation;
import faultline.scenarios.parse.ParamReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters every replicated key-value protocol shares, declared in each one's table and read
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
 * <p>A binding declares them once in its table ({@code static final KvClientParams KV =
 * KvClientParams.declare(PARAMETERS);}), then, when it reads, calls {@link #roles} first, reads its
 * own parameters, then {@link #workload}; or {@link #read} for both at once.
 */
public final class KvClientParams {
  private final Parameter servers;
  private final Parameter clients;
  private final Parameter clientNodes;
  private final Parameter processes;
  private final Parameter intervalMin;
  private final Parameter intervalMax;
  private final Parameter keys;
  private final Parameter mix;
  private final Parameter mixGet;
  private final Parameter mixPut;
  private final Parameter mixAppend;
  private final Parameter mixCas;
  private final Parameter attemptTimeout;
  private final Parameter operationTimeout;
  private final Parameter until;
  private final ScriptParameters script;

  private KvClientParams(Parameters table) {
    servers =
        table.nodes(
            "servers",
            Parameters.computed("every node not in clients.nodes"),
            "the servers; every other node must be a client");
    clients = table.object("clients", "the client nodes and the workload they run");
    Parameters client = clients.fields();
    clientNodes = client.nodes("nodes", "the client nodes; they send requests to the servers");
    processes =
        client.integer(
            "processes",
            1,
            1,
            1000,
            "client processes per client node, each with at most one request outstanding");
    intervalMin =
        client.duration("intervalMin", 20 * MILLI, "the least think time between operations");
    intervalMax =
        client.duration(
            "intervalMax",
            Parameters.computed("100ms, or intervalMin if longer"),
            "the greatest think time");
    keys = client.integer("keys", 3, 1, 1_000_000, "how many keys the random operations use");
    mix = client.object("mix", "the relative weights of the random operations");
    mixGet = mix.fields().integer("get", 2, 0, 1000, "the weight of get");
    mixPut = mix.fields().integer("put", 1, 0, 1000, "the weight of put");
    mixAppend = mix.fields().integer("append", 1, 0, 1000, "the weight of append");
    mixCas = mix.fields().integer("cas", 1, 0, 1000, "the weight of cas");
    attemptTimeout =
        client.duration(
            "attemptTimeout",
            100 * MILLI,
            "how long a client waits for an answer before it retries the same request at another"
                + " server");
    operationTimeout =
        client.duration(
            "operationTimeout",
            1000 * MILLI,
            "how long before a client gives up: info for a write, fail for a read");
    until =
        client.duration(
            "until",
            Parameters.computed("one second before the end of the run (at least half of it)"),
            "no new operation starts after this");
    script = new ScriptParameters(client);
  }

  /** Declares {@code servers} and the {@code clients} block in a binding's {@code table}. */
  public static KvClientParams declare(Parameters table) {
    return new KvClientParams(table);
  }

  /** {@code servers}, for a binding's own judgements of the servers (such as an even count). */
  public Parameter servers() {
    return servers;
  }

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
  public Read read(ParamReader params, List<NodeId> nodes, long runDurationNanos, String cluster) {
    Roles roles = roles(params, nodes, cluster);
    return new Read(roles.servers(), workload(roles, runDurationNanos));
  }

  /**
   * Reads {@code servers} and {@code clients.nodes}: every node is one or the other, and there is
   * at least one server.
   *
   * @param cluster how errors name the servers together, such as {@code "a Raft cluster"}
   */
  public Roles roles(ParamReader params, List<NodeId> nodes, String cluster) {
    ParamReader clientsBlock = clients.object(params);
    List<NodeId> clientList = clientNodes.nodes(clientsBlock);
    List<NodeId> defaultServers =
        nodes.stream().filter(node -> !clientList.contains(node)).toList();
    List<NodeId> serverList = servers.nodes(params, defaultServers);
    for (NodeId client : clientList) {
      if (serverList.contains(client)) {
        throw clientNodes.error(
            clientsBlock, client + " is listed both as a server and as a client");
      }
    }
    for (NodeId node : nodes) {
      if (!serverList.contains(node) && !clientList.contains(node)) {
        throw servers.error(
            params, node + " is neither a server nor one of clients.nodes; list it in one");
      }
    }
    if (serverList.isEmpty()) {
      throw (servers.isSetIn(params) ? servers : clients)
          .error(params, cluster + " needs at least one server; every node is a client");
    }
    return new Roles(serverList, clientList, clientsBlock);
  }

  /** Reads the rest of the {@code clients} block: what the clients of {@code roles} do. */
  public ClientWorkload workload(Roles roles, long runDurationNanos) {
    ParamReader block = roles.clients();
    int processCount = (int) processes.integer(block);
    long intervalMinNanos = intervalMin.durationNanos(block);
    long intervalMaxNanos =
        intervalMax.durationNanos(block, Math.max(intervalMinNanos, 100 * MILLI));
    if (intervalMinNanos <= 0) {
      throw intervalMin.error(block, "must be longer than 0s");
    }
    if (intervalMaxNanos < intervalMinNanos) {
      throw intervalMax.error(block, "must not be shorter than intervalMin");
    }
    int keyCount = (int) keys.integer(block);
    ClientWorkload.Mix weights = mix(block);
    long attemptNanos = attemptTimeout.durationNanos(block);
    long operationNanos = operationTimeout.durationNanos(block);
    if (attemptNanos <= 0) {
      throw attemptTimeout.error(block, "must be longer than 0s");
    }
    if (operationNanos < attemptNanos) {
      throw operationTimeout.error(block, "must not be shorter than attemptTimeout");
    }
    long defaultUntil = Math.max(runDurationNanos / 2, runDurationNanos - 1000 * MILLI);
    long untilNanos = until.durationNanos(block, defaultUntil);
    List<ClientWorkload.ScriptedOperation> scripted = new ArrayList<>();
    for (ParamReader step : script.list().objects(block)) {
      scripted.add(script.read(step, roles.clientNodes(), runDurationNanos));
    }
    return new ClientWorkload(
        roles.clientNodes(),
        processCount,
        intervalMinNanos,
        intervalMaxNanos,
        keyCount,
        weights,
        attemptNanos,
        operationNanos,
        untilNanos,
        scripted);
  }

  private ClientWorkload.Mix mix(ParamReader block) {
    ParamReader weights = mix.object(block);
    int get = (int) mixGet.integer(weights);
    int put = (int) mixPut.integer(weights);
    int append = (int) mixAppend.integer(weights);
    int cas = (int) mixCas.integer(weights);
    if (get + put + append + cas == 0) {
      throw mix.error(block, "at least one operation needs a weight above 0");
    }
    return new ClientWorkload.Mix(get, put, append, cas);
  }

  /** {@code clients.script[]}: operations issued by a given client at a given time. */
  private static final class ScriptParameters {
    private final Parameter list;
    private final Parameter at;
    private final Parameter client;
    private final Parameter f;
    private final Parameter key;
    private final Parameter value;
    private final Parameter expected;

    ScriptParameters(Parameters clientFields) {
      list =
          clientFields.objects(
              "script", "scripted operations; when given, they replace the random ones");
      Parameters step = list.fields();
      at = step.requiredDuration("at", "when the client issues it");
      client = step.node("client", "the client node that issues it, one of clients.nodes");
      f = step.requiredChoice("f", List.of("get", "put", "append", "cas"), "the operation");
      key = step.string("key", "x", "the key it reads or writes");
      value =
          step.string(
              "value",
              Parameters.computed("none; required by put, append and cas"),
              "the value written, appended, or swapped in");
      expected =
          step.string(
              "expected",
              Parameters.computed("none; required by cas"),
              "the value a cas expects to find");
    }

    Parameter list() {
      return list;
    }

    ClientWorkload.ScriptedOperation read(
        ParamReader step, List<NodeId> clientNodes, long runDurationNanos) {
      long atNanos = at.durationNanos(step, -1);
      if (atNanos < 0) {
        throw at.error(step, "every scripted operation needs an \"at\" time");
      }
      if (atNanos > runDurationNanos) {
        throw at.error(step, "the operation is after the end of the run");
      }
      NodeId issuer = client.node(step);
      if (!clientNodes.contains(issuer)) {
        throw client.error(step, issuer + " is not one of clients.nodes");
      }
      String operation = f.requiredChoice(step);
      if (operation == null) {
        throw f.error(step, "every scripted operation needs \"f\": get, put, append or cas");
      }
      String keyName = key.string(step);
      String written = value.string(step, null);
      String expectedValue = expected.string(step, null);
      if (!operation.equals("get") && written == null) {
        throw value.error(step, "a " + operation + " needs a \"value\"");
      }
      if (operation.equals("cas") && expectedValue == null) {
        throw expected.error(step, "a cas needs an \"expected\" value");
      }
      step.finish();
      return new ClientWorkload.ScriptedOperation(
          atNanos,
          issuer,
          new KvOperation(
              operation,
              keyName,
              operation.equals("get") ? null : written,
              operation.equals("cas") ? expectedValue : null));
    }
  }
}
