package faultline.scenarios.bind;

import faultline.engine.node.NodeId;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.raft.ClientWorkload;
import faultline.protocols.raft.KvOperation;
import faultline.protocols.raft.RaftBug;
import faultline.protocols.raft.RaftConfig;
import faultline.protocols.raft.ReadMode;
import faultline.scenarios.parse.ParamReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Reads the {@code raft} protocol's parameters strictly, and says which legal settings are unwise.
 * Every option and timing of {@link RaftConfig} and {@link ClientWorkload} is a parameter; see
 * {@link RaftBinding} for the list. Public so that exercises that run Raft with a student's part
 * read the same parameters.
 */
public final class RaftParams {
  static final long MILLI = RaftConfig.MILLI;

  private RaftParams() {}

  /**
   * The configuration, the warnings it deserves, and the linearizability check's budget in search
   * states ({@code checkStatesMax}): past it the check is undecided and the run inconclusive.
   */
  public record Read(RaftConfig config, List<String> warnings, long checkStatesMax) {}

  public static Read read(ParamReader params, List<NodeId> nodes, long runDurationNanos) {
    List<String> warnings = new ArrayList<>();
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
          "a Raft cluster needs at least one server; every node is a client");
    }
    if (servers.size() % 2 == 0) {
      warnings.add(
          params
              .error(
                  "servers",
                  servers.size()
                      + " servers need "
                      + (servers.size() / 2 + 1)
                      + " for a majority and so tolerate "
                      + failures(servers.size() / 2 - 1)
                      + ", no more than "
                      + (servers.size() - 1)
                      + " would; clusters usually have an odd size")
              .getMessage());
    }
    long timeoutMin = params.durationNanos("electionTimeoutMin", 150 * MILLI);
    long timeoutMax = params.durationNanos("electionTimeoutMax", Math.max(timeoutMin, 300 * MILLI));
    if (timeoutMin <= 0) {
      throw params.error("electionTimeoutMin", "must be longer than 0s");
    }
    if (timeoutMax < timeoutMin) {
      throw params.error("electionTimeoutMax", "must not be shorter than electionTimeoutMin");
    }
    long heartbeat = params.durationNanos("heartbeat", 50 * MILLI);
    if (heartbeat <= 0) {
      throw params.error("heartbeat", "must be longer than 0s");
    }
    TreeMap<NodeId, RaftConfig.TimeoutRange> overrides = new TreeMap<>();
    long leastTimeout = timeoutMin;
    for (ParamReader override : params.objects("electionTimeouts")) {
      NodeId node = override.node("node");
      if (!servers.contains(node)) {
        throw override.error("node", node + " is not a server");
      }
      long min = override.durationNanos("min", timeoutMin);
      long max = override.durationNanos("max", Math.max(min, timeoutMax));
      if (min <= 0 || max < min) {
        throw override.error("max", "timeouts must satisfy 0 < min <= max");
      }
      override.finish();
      overrides.put(node, new RaftConfig.TimeoutRange(min, max));
      leastTimeout = Math.min(leastTimeout, min);
    }
    if (heartbeat >= leastTimeout) {
      throw params.error(
          "heartbeat",
          "the heartbeat ("
              + heartbeat / MILLI
              + " ms) must be shorter than the least election timeout ("
              + leastTimeout / MILLI
              + " ms), or followers time out while the leader is healthy");
    }
    if (heartbeat * 2 > leastTimeout) {
      warnings.add(
          params
              .error(
                  "heartbeat",
                  "a heartbeat longer than half the least election timeout lets one lost"
                      + " heartbeat start an election")
              .getMessage());
    }
    boolean preVote = params.bool("preVote", false);
    boolean checkQuorum = params.bool("checkQuorum", false);
    boolean fastBackup = params.bool("fastBackup", false);
    ReadMode reads =
        switch (params.choice("reads", "read-index", List.of("log", "read-index", "lease"))) {
          case "log" -> ReadMode.LOG;
          case "lease" -> ReadMode.LEASE;
          default -> ReadMode.READ_INDEX;
        };
    int batch = (int) params.integer("maxEntriesPerAppend", 64, 1, 1_000_000);
    long checkStatesMax =
        params.integer(
            "checkStatesMax", LinearizabilityChecker.DEFAULT_STATES_MAX, 1, 1_000_000_000);
    EnumSet<RaftBug> bugs = EnumSet.noneOf(RaftBug.class);
    List<String> bugNames =
        Arrays.stream(RaftBug.values()).map(bug -> bug.name().toLowerCase(Locale.ROOT)).toList();
    for (String bug : params.strings("bugs", bugNames)) {
      bugs.add(RaftBug.valueOf(bug.toUpperCase(Locale.ROOT)));
    }
    ClientWorkload workload = readWorkload(clients, clientNodes, runDurationNanos);
    params.finish();
    RaftConfig config =
        new RaftConfig(
            servers,
            timeoutMin,
            timeoutMax,
            overrides,
            heartbeat,
            preVote,
            checkQuorum,
            fastBackup,
            reads,
            batch,
            bugs,
            workload);
    return new Read(config, List.copyOf(warnings), checkStatesMax);
  }

  private static String failures(int count) {
    return count == 1 ? "1 failure" : count + " failures";
  }

  private static ClientWorkload readWorkload(
      ParamReader clients, List<NodeId> clientNodes, long runDurationNanos) {
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
    ParamReader mix = clients.object("mix");
    int get = (int) mix.integer("get", 2, 0, 1000);
    int put = (int) mix.integer("put", 1, 0, 1000);
    int append = (int) mix.integer("append", 1, 0, 1000);
    int cas = (int) mix.integer("cas", 1, 0, 1000);
    if (get + put + append + cas == 0) {
      throw clients.error("mix", "at least one operation needs a weight above 0");
    }
    ClientWorkload.Mix weights = new ClientWorkload.Mix(get, put, append, cas);
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
      script.add(readScripted(step, clientNodes, runDurationNanos));
    }
    return new ClientWorkload(
        clientNodes,
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

  private static ClientWorkload.ScriptedOperation readScripted(
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
