package faultline.scenarios.bind;

import static faultline.engine.time.Nanos.MILLI;

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
 * The {@code raft} protocol's parameters: the table of them ({@link #PARAMETERS}), and the reader
 * that reads them strictly through it and says which legal settings are unwise. Every option and
 * timing of {@link RaftConfig} and {@link ClientWorkload} is a parameter. Public so that exercises
 * that run Raft with a student's part read the same parameters.
 */
public final class RaftParams {
  private static final RaftConfig PAPER = RaftConfig.defaults(List.of(NodeId.of("n1")));

  /** Every parameter of {@code "protocol": "raft"}. */
  public static final Parameters PARAMETERS = new Parameters();

  private static final Parameter SERVERS =
      PARAMETERS.nodes(
          "servers",
          Parameters.computed("every node not in clients.nodes"),
          "the Raft servers; every other node must be a client");
  private static final Parameter ELECTION_TIMEOUT_MIN =
      PARAMETERS.duration(
          "electionTimeoutMin",
          PAPER.electionTimeoutMinNanos(),
          "the least election timeout; each is drawn from [min, max] (§5.2)");
  private static final Parameter ELECTION_TIMEOUT_MAX =
      PARAMETERS.duration(
          "electionTimeoutMax",
          Parameters.computed(
              Parameters.duration(PAPER.electionTimeoutMaxNanos())
                  + ", or electionTimeoutMin if longer"),
          "the greatest election timeout");
  private static final Parameter ELECTION_TIMEOUTS =
      PARAMETERS.objects(
          "electionTimeouts",
          "per-server timeout ranges that replace [electionTimeoutMin, electionTimeoutMax], so"
              + " that a script can decide who times out first");
  private static final Parameter OVERRIDE_NODE =
      ELECTION_TIMEOUTS.fields().node("node", "the server whose range this is");
  private static final Parameter OVERRIDE_MIN =
      ELECTION_TIMEOUTS
          .fields()
          .duration("min", Parameters.computed("electionTimeoutMin"), "its least timeout");
  private static final Parameter OVERRIDE_MAX =
      ELECTION_TIMEOUTS
          .fields()
          .duration(
              "max",
              Parameters.computed("electionTimeoutMax, or min if longer"),
              "its greatest timeout");
  private static final Parameter HEARTBEAT =
      PARAMETERS.duration(
          "heartbeat",
          PAPER.heartbeatNanos(),
          "how often a leader sends AppendEntries when it has nothing new; shorter than every"
              + " election timeout");
  private static final Parameter PRE_VOTE =
      PARAMETERS.bool(
          "preVote",
          PAPER.preVote(),
          "a candidate first asks whether it could win, and only then raises its term"
              + " (Ongaro's dissertation §9.6)");
  private static final Parameter CHECK_QUORUM =
      PARAMETERS.bool(
          "checkQuorum",
          PAPER.checkQuorum(),
          "a leader that heard from no majority within an election timeout steps down");
  private static final Parameter FAST_BACKUP =
      PARAMETERS.bool(
          "fastBackup",
          PAPER.fastBackup(),
          "a follower reports the conflicting term, so the leader skips it in one step (§5.3)");
  private static final Parameter READS =
      PARAMETERS.choice(
          "reads",
          "read-index",
          List.of("log", "read-index", "lease"),
          "how a get is served: through the log, by ReadIndex (a heartbeat round), or under a"
              + " leader lease (safe only while clocks drift less than its margin)");
  private static final Parameter MAX_ENTRIES_PER_APPEND =
      PARAMETERS.integer(
          "maxEntriesPerAppend",
          PAPER.maxEntriesPerAppend(),
          1,
          1_000_000,
          "the most entries one AppendEntries carries");
  private static final Parameter MAX_INFLIGHT_APPENDS =
      PARAMETERS.integer(
          "maxInflightAppends",
          RaftConfig.DEFAULT_MAX_INFLIGHT_APPENDS,
          1,
          1_000_000,
          "the most AppendEntries in flight to one follower (etcd-raft's MaxInflightMsgs)");
  private static final Parameter CHECK_STATES_MAX =
      PARAMETERS.integer(
          "checkStatesMax",
          LinearizabilityChecker.DEFAULT_STATES_MAX,
          1,
          1_000_000_000,
          "the most states kv.linearizable may search; past it the verdict is undecided");
  private static final Parameter BUGS =
      PARAMETERS.choices(
          "bugs",
          Arrays.stream(RaftBug.values()).map(bug -> bug.name().toLowerCase(Locale.ROOT)).toList(),
          "the bug zoo: planted mistakes the invariants must catch");
  private static final Parameter CLIENTS =
      PARAMETERS.object("clients", "the client nodes and the workload they run");
  private static final Parameters CLIENT = CLIENTS.fields();
  private static final Parameter CLIENT_NODES =
      CLIENT.nodes("nodes", "the client nodes; they send requests to the servers");
  private static final Parameter PROCESSES =
      CLIENT.integer(
          "processes",
          1,
          1,
          1000,
          "client processes per client node, each with at most one request outstanding");
  private static final Parameter INTERVAL_MIN =
      CLIENT.duration("intervalMin", 20 * MILLI, "the least think time between operations");
  private static final Parameter INTERVAL_MAX =
      CLIENT.duration(
          "intervalMax",
          Parameters.computed("100ms, or intervalMin if longer"),
          "the greatest think time");
  private static final Parameter KEYS =
      CLIENT.integer("keys", 3, 1, 1_000_000, "how many keys the random operations use");
  private static final Parameter MIX =
      CLIENT.object("mix", "the relative weights of the random operations");
  private static final Parameter MIX_GET =
      MIX.fields().integer("get", 2, 0, 1000, "the weight of get");
  private static final Parameter MIX_PUT =
      MIX.fields().integer("put", 1, 0, 1000, "the weight of put");
  private static final Parameter MIX_APPEND =
      MIX.fields().integer("append", 1, 0, 1000, "the weight of append");
  private static final Parameter MIX_CAS =
      MIX.fields().integer("cas", 1, 0, 1000, "the weight of cas");
  private static final Parameter ATTEMPT_TIMEOUT =
      CLIENT.duration(
          "attemptTimeout",
          100 * MILLI,
          "how long a client waits for an answer before it retries the same request at another"
              + " server");
  private static final Parameter OPERATION_TIMEOUT =
      CLIENT.duration(
          "operationTimeout",
          1000 * MILLI,
          "how long before a client gives up: info for a write, fail for a read");
  private static final Parameter UNTIL =
      CLIENT.duration(
          "until",
          Parameters.computed("one second before the end of the run (at least half of it)"),
          "no new operation starts after this");
  private static final Parameter SCRIPT =
      CLIENT.objects("script", "scripted operations; when given, they replace the random ones");
  private static final Parameter SCRIPT_AT =
      SCRIPT.fields().requiredDuration("at", "when the client issues it");
  private static final Parameter SCRIPT_CLIENT =
      SCRIPT.fields().node("client", "the client node that issues it, one of clients.nodes");
  private static final Parameter SCRIPT_F =
      SCRIPT.fields().requiredChoice("f", List.of("get", "put", "append", "cas"), "the operation");
  private static final Parameter SCRIPT_KEY =
      SCRIPT.fields().string("key", "x", "the key it reads or writes");
  private static final Parameter SCRIPT_VALUE =
      SCRIPT
          .fields()
          .string(
              "value",
              Parameters.computed("none; required by put, append and cas"),
              "the value written, appended, or swapped in");
  private static final Parameter SCRIPT_EXPECTED =
      SCRIPT
          .fields()
          .string(
              "expected",
              Parameters.computed("none; required by cas"),
              "the value a cas expects to find");

  private RaftParams() {}

  /**
   * The configuration, the warnings it deserves, and the linearizability check's budget in search
   * states ({@code checkStatesMax}): past it the check is undecided and the run inconclusive.
   */
  public record Read(RaftConfig config, List<String> warnings, long checkStatesMax) {}

  public static Read read(ParamReader params, List<NodeId> nodes, long runDurationNanos) {
    List<String> warnings = new ArrayList<>();
    ParamReader clients = CLIENTS.object(params);
    List<NodeId> clientNodes = CLIENT_NODES.nodes(clients);
    List<NodeId> defaultServers =
        nodes.stream().filter(node -> !clientNodes.contains(node)).toList();
    List<NodeId> servers = SERVERS.nodes(params, defaultServers);
    for (NodeId client : clientNodes) {
      if (servers.contains(client)) {
        throw CLIENT_NODES.error(clients, client + " is listed both as a server and as a client");
      }
    }
    for (NodeId node : nodes) {
      if (!servers.contains(node) && !clientNodes.contains(node)) {
        throw SERVERS.error(
            params, node + " is neither a server nor one of clients.nodes; list it in one");
      }
    }
    if (servers.isEmpty()) {
      throw (SERVERS.isSetIn(params) ? SERVERS : CLIENTS)
          .error(params, "a Raft cluster needs at least one server; every node is a client");
    }
    if (servers.size() % 2 == 0) {
      warnings.add(
          SERVERS
              .error(
                  params,
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
    long timeoutMin = ELECTION_TIMEOUT_MIN.durationNanos(params);
    long timeoutMax =
        ELECTION_TIMEOUT_MAX.durationNanos(
            params, Math.max(timeoutMin, PAPER.electionTimeoutMaxNanos()));
    if (timeoutMin <= 0) {
      throw ELECTION_TIMEOUT_MIN.error(params, "must be longer than 0s");
    }
    if (timeoutMax < timeoutMin) {
      throw ELECTION_TIMEOUT_MAX.error(params, "must not be shorter than electionTimeoutMin");
    }
    long heartbeat = HEARTBEAT.durationNanos(params);
    if (heartbeat <= 0) {
      throw HEARTBEAT.error(params, "must be longer than 0s");
    }
    TreeMap<NodeId, RaftConfig.TimeoutRange> overrides = new TreeMap<>();
    long leastTimeout = timeoutMin;
    for (ParamReader override : ELECTION_TIMEOUTS.objects(params)) {
      NodeId node = OVERRIDE_NODE.node(override);
      if (!servers.contains(node)) {
        throw OVERRIDE_NODE.error(override, node + " is not a server");
      }
      long min = OVERRIDE_MIN.durationNanos(override, timeoutMin);
      long max = OVERRIDE_MAX.durationNanos(override, Math.max(min, timeoutMax));
      if (min <= 0 || max < min) {
        throw OVERRIDE_MAX.error(override, "timeouts must satisfy 0 < min <= max");
      }
      override.finish();
      overrides.put(node, new RaftConfig.TimeoutRange(min, max));
      leastTimeout = Math.min(leastTimeout, min);
    }
    if (heartbeat >= leastTimeout) {
      throw HEARTBEAT.error(
          params,
          "the heartbeat ("
              + heartbeat / MILLI
              + " ms) must be shorter than the least election timeout ("
              + leastTimeout / MILLI
              + " ms), or followers time out while the leader is healthy");
    }
    if (heartbeat * 2 > leastTimeout) {
      warnings.add(
          HEARTBEAT
              .error(
                  params,
                  "a heartbeat longer than half the least election timeout lets one lost"
                      + " heartbeat start an election")
              .getMessage());
    }
    boolean preVote = PRE_VOTE.bool(params);
    boolean checkQuorum = CHECK_QUORUM.bool(params);
    boolean fastBackup = FAST_BACKUP.bool(params);
    ReadMode reads =
        switch (READS.choice(params)) {
          case "log" -> ReadMode.LOG;
          case "lease" -> ReadMode.LEASE;
          default -> ReadMode.READ_INDEX;
        };
    int batch = (int) MAX_ENTRIES_PER_APPEND.integer(params);
    int inflight = (int) MAX_INFLIGHT_APPENDS.integer(params);
    long checkStatesMax = CHECK_STATES_MAX.integer(params);
    EnumSet<RaftBug> bugs = EnumSet.noneOf(RaftBug.class);
    for (String bug : BUGS.choices(params)) {
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
                workload)
            .withMaxInflightAppends(inflight);
    return new Read(config, List.copyOf(warnings), checkStatesMax);
  }

  private static String failures(int count) {
    return count == 1 ? "1 failure" : count + " failures";
  }

  private static ClientWorkload readWorkload(
      ParamReader clients, List<NodeId> clientNodes, long runDurationNanos) {
    int processes = (int) PROCESSES.integer(clients);
    long intervalMin = INTERVAL_MIN.durationNanos(clients);
    long intervalMax = INTERVAL_MAX.durationNanos(clients, Math.max(intervalMin, 100 * MILLI));
    if (intervalMin <= 0) {
      throw INTERVAL_MIN.error(clients, "must be longer than 0s");
    }
    if (intervalMax < intervalMin) {
      throw INTERVAL_MAX.error(clients, "must not be shorter than intervalMin");
    }
    int keys = (int) KEYS.integer(clients);
    ParamReader mix = MIX.object(clients);
    int get = (int) MIX_GET.integer(mix);
    int put = (int) MIX_PUT.integer(mix);
    int append = (int) MIX_APPEND.integer(mix);
    int cas = (int) MIX_CAS.integer(mix);
    if (get + put + append + cas == 0) {
      throw MIX.error(clients, "at least one operation needs a weight above 0");
    }
    ClientWorkload.Mix weights = new ClientWorkload.Mix(get, put, append, cas);
    long attempt = ATTEMPT_TIMEOUT.durationNanos(clients);
    long operation = OPERATION_TIMEOUT.durationNanos(clients);
    if (attempt <= 0) {
      throw ATTEMPT_TIMEOUT.error(clients, "must be longer than 0s");
    }
    if (operation < attempt) {
      throw OPERATION_TIMEOUT.error(clients, "must not be shorter than attemptTimeout");
    }
    long defaultUntil = Math.max(runDurationNanos / 2, runDurationNanos - 1000 * MILLI);
    long until = UNTIL.durationNanos(clients, defaultUntil);
    List<ClientWorkload.ScriptedOperation> script = new ArrayList<>();
    for (ParamReader step : SCRIPT.objects(clients)) {
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
    long at = SCRIPT_AT.durationNanos(step, -1);
    if (at < 0) {
      throw SCRIPT_AT.error(step, "every scripted operation needs an \"at\" time");
    }
    if (at > runDurationNanos) {
      throw SCRIPT_AT.error(step, "the operation is after the end of the run");
    }
    NodeId client = SCRIPT_CLIENT.node(step);
    if (!clientNodes.contains(client)) {
      throw SCRIPT_CLIENT.error(step, client + " is not one of clients.nodes");
    }
    String f = SCRIPT_F.requiredChoice(step);
    if (f == null) {
      throw SCRIPT_F.error(step, "every scripted operation needs \"f\": get, put, append or cas");
    }
    String key = SCRIPT_KEY.string(step);
    String value = SCRIPT_VALUE.string(step, null);
    String expected = SCRIPT_EXPECTED.string(step, null);
    if (!f.equals("get") && value == null) {
      throw SCRIPT_VALUE.error(step, "a " + f + " needs a \"value\"");
    }
    if (f.equals("cas") && expected == null) {
      throw SCRIPT_EXPECTED.error(step, "a cas needs an \"expected\" value");
    }
    step.finish();
    return new ClientWorkload.ScriptedOperation(
        at,
        client,
        new KvOperation(f, key, f.equals("get") ? null : value, f.equals("cas") ? expected : null));
  }
}
