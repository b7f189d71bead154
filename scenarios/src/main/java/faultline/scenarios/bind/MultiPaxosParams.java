package faultline.scenarios.bind;

import faultline.engine.node.NodeId;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.paxos.Quorums;
import faultline.protocols.paxos.multi.MultiPaxosBug;
import faultline.protocols.paxos.multi.MultiPaxosConfig;
import faultline.scenarios.parse.ParamReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code multipaxos} protocol's parameters strictly, with the defaults of {@link
 * MultiPaxosConfig.Builder}, and says which legal settings are unwise. See {@link
 * MultiPaxosBinding} for the list. The servers and the clients block are read by {@link
 * KvClientParams}, as for every key-value protocol.
 */
final class MultiPaxosParams {
  private static final long MILLI = 1_000_000L;

  private MultiPaxosParams() {}

  /** The configuration, its warnings, and the linearizability check's budget in states. */
  record Read(MultiPaxosConfig config, List<String> warnings, long checkStatesMax) {}

  static Read read(ParamReader params, List<NodeId> nodes, long runDurationNanos) {
    List<String> warnings = new ArrayList<>();
    KvClientParams.Roles roles = KvClientParams.roles(params, nodes, "a Multi-Paxos cluster");
    List<NodeId> servers = roles.servers();
    MultiPaxosConfig.Builder builder = MultiPaxosConfig.builder(servers);
    List<NodeId> acceptors = subset(params, "acceptors", servers);
    List<NodeId> proposers = subset(params, "proposers", servers);
    builder.acceptors(acceptors).proposers(proposers);
    params
        .optionalNode("leader")
        .ifPresent(
            leader -> {
              if (!proposers.contains(leader)) {
                throw params.error(
                    "leader", leader + " is not a proposer, so it can never lead; see proposers");
              }
              builder.firstLeader(leader);
            });
    List<MultiPaxosBug> bugs = new ArrayList<>();
    for (String label : params.strings("bugs", MultiPaxosBug.labels())) {
      bugs.add(MultiPaxosBug.ofLabel(label));
    }
    Quorums quorums =
        QuorumParams.read(
            params,
            acceptors.size(),
            bugs.contains(MultiPaxosBug.NON_INTERSECTING_QUORUMS),
            warnings);
    builder.quorums(quorums.phase1(), quorums.phase2());
    bugs.forEach(builder::bug);
    readTiming(params, proposers, builder, warnings);
    builder.pendingSlotsMax(
        (int)
            params.integer(
                "pendingSlotsMax", MultiPaxosConfig.DEFAULT_PENDING_SLOTS_MAX, 1, 1_000_000));
    long checkStatesMax =
        params.integer(
            "checkStatesMax", LinearizabilityChecker.DEFAULT_STATES_MAX, 1, 1_000_000_000);
    builder.workload(KvClientParams.workload(roles, runDurationNanos));
    params.finish();
    return new Read(builder.build(), List.copyOf(warnings), checkStatesMax);
  }

  /** {@code field}: some of the servers, none twice; by default all of them. */
  private static List<NodeId> subset(ParamReader params, String field, List<NodeId> servers) {
    List<NodeId> nodes = params.nodes(field, servers);
    if (nodes.isEmpty()) {
      throw params.error(field, "list at least one server");
    }
    for (NodeId node : nodes) {
      if (!servers.contains(node)) {
        throw params.error(field, node + " is not a server (it is a client)");
      }
    }
    return nodes;
  }

  private static void readTiming(
      ParamReader params,
      List<NodeId> proposers,
      MultiPaxosConfig.Builder builder,
      List<String> warnings) {
    long timeoutMin =
        params.durationNanos("leaderTimeoutMin", MultiPaxosConfig.DEFAULT_LEADER_TIMEOUT_MIN_NANOS);
    long timeoutMax =
        params.durationNanos(
            "leaderTimeoutMax",
            Math.max(timeoutMin, MultiPaxosConfig.DEFAULT_LEADER_TIMEOUT_MAX_NANOS));
    if (timeoutMin <= 0) {
      throw params.error("leaderTimeoutMin", "must be longer than 0s");
    }
    if (timeoutMax < timeoutMin) {
      throw params.error("leaderTimeoutMax", "must not be shorter than leaderTimeoutMin");
    }
    builder.leaderTimeoutNanos(timeoutMin, timeoutMax);
    long leastTimeout = timeoutMin;
    for (ParamReader override : params.objects("leaderTimeouts")) {
      NodeId node = override.node("node");
      if (!proposers.contains(node)) {
        throw override.error(
            "node", node + " is not a proposer, so it never stands as leader; see proposers");
      }
      long min = override.durationNanos("min", timeoutMin);
      long max = override.durationNanos("max", Math.max(min, timeoutMax));
      if (min <= 0 || max < min) {
        throw override.error("max", "timeouts must satisfy 0 < min <= max");
      }
      override.finish();
      builder.leaderTimeoutNanos(node, min, max);
      leastTimeout = Math.min(leastTimeout, min);
    }
    long heartbeat = params.durationNanos("heartbeat", MultiPaxosConfig.DEFAULT_HEARTBEAT_NANOS);
    if (heartbeat <= 0) {
      throw params.error("heartbeat", "must be longer than 0s");
    }
    if (heartbeat >= leastTimeout) {
      throw params.error(
          "heartbeat",
          "the heartbeat ("
              + heartbeat / MILLI
              + " ms) must be shorter than the least leader timeout ("
              + leastTimeout / MILLI
              + " ms), or followers stand while the leader is healthy");
    }
    if (heartbeat * 2 > leastTimeout) {
      warnings.add(
          params
              .error(
                  "heartbeat",
                  "a heartbeat longer than half the least leader timeout lets one lost"
                      + " heartbeat start a candidacy")
              .getMessage());
    }
    builder.heartbeatNanos(heartbeat);
  }
}
