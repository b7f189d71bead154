package faultline.scenarios.bind;

import faultline.engine.node.NodeId;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.kv.ClientWorkload;
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
 * {@link RaftBinding} for the list. The servers and the clients block are read by {@link
 * KvClientParams}, as for every key-value protocol. Public so that exercises that run Raft with a
 * student's part read the same parameters.
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
    KvClientParams.Roles roles = KvClientParams.roles(params, nodes, "a Raft cluster");
    List<NodeId> servers = roles.servers();
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
    int inflight =
        (int)
            params.integer(
                "maxInflightAppends", RaftConfig.DEFAULT_MAX_INFLIGHT_APPENDS, 1, 1_000_000);
    long checkStatesMax =
        params.integer(
            "checkStatesMax", LinearizabilityChecker.DEFAULT_STATES_MAX, 1, 1_000_000_000);
    EnumSet<RaftBug> bugs = EnumSet.noneOf(RaftBug.class);
    List<String> bugNames =
        Arrays.stream(RaftBug.values()).map(bug -> bug.name().toLowerCase(Locale.ROOT)).toList();
    for (String bug : params.strings("bugs", bugNames)) {
      bugs.add(RaftBug.valueOf(bug.toUpperCase(Locale.ROOT)));
    }
    ClientWorkload workload = KvClientParams.workload(roles, runDurationNanos);
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
}
