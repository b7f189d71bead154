package faultline.scenarios.bind;

import static faultline.engine.time.Nanos.MILLI;

import faultline.engine.node.NodeId;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.paxos.Quorums;
import faultline.protocols.paxos.multi.MultiPaxosBug;
import faultline.protocols.paxos.multi.MultiPaxosConfig;
import faultline.scenarios.parse.ParamReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code multipaxos} protocol's parameters: the table of them ({@link #PARAMETERS}), with the
 * defaults of {@link MultiPaxosConfig.Builder}, and the reader that reads them strictly through it
 * and says which legal settings are unwise. The servers and the clients block are declared and read
 * by {@link KvClientParams}, as for every key-value protocol.
 */
final class MultiPaxosParams {
  /** Every parameter of {@code "protocol": "multipaxos"}. */
  static final Parameters PARAMETERS = new Parameters();

  private static final Parameter ACCEPTORS =
      PARAMETERS.nodes(
          "acceptors",
          Parameters.computed("every server"),
          "the servers that accept; at least one");
  private static final Parameter PROPOSERS =
      PARAMETERS.nodes(
          "proposers",
          Parameters.computed("every server"),
          "the servers that may stand as leader; at least one");
  private static final Parameter LEADER =
      PARAMETERS.node(
          "leader",
          Parameters.computed("none"),
          "a proposer that stands as leader at its first boot, without waiting for a timeout");
  private static final Parameter QUORUMS =
      PARAMETERS.object(
          "quorums",
          "quorum sizes (Flexible Paxos): they must intersect, Q1 + Q2 > the acceptors, unless"
              + " the bug non_intersecting_quorums is planted");

  static {
    QUORUMS
        .fields()
        .integer(
            "phase1",
            Parameters.computed("a majority of the acceptors"),
            Integer.MIN_VALUE,
            Integer.MAX_VALUE,
            "acceptors a candidate needs promises from (phase 1, once for all slots)");
    QUORUMS
        .fields()
        .integer(
            "phase2",
            Parameters.computed("a majority of the acceptors"),
            Integer.MIN_VALUE,
            Integer.MAX_VALUE,
            "acceptors that must accept a slot's value for it to be chosen (phase 2)");
  }

  private static final Parameter LEADER_TIMEOUT_MIN =
      PARAMETERS.duration(
          "leaderTimeoutMin",
          MultiPaxosConfig.DEFAULT_LEADER_TIMEOUT_MIN_NANOS,
          "the least time a proposer waits without hearing from a leader before it stands; each"
              + " is drawn from [min, max]");
  private static final Parameter LEADER_TIMEOUT_MAX =
      PARAMETERS.duration(
          "leaderTimeoutMax",
          Parameters.computed(
              Parameters.duration(MultiPaxosConfig.DEFAULT_LEADER_TIMEOUT_MAX_NANOS)
                  + ", or leaderTimeoutMin if longer"),
          "the greatest leader timeout");
  private static final Parameter LEADER_TIMEOUTS =
      PARAMETERS.objects(
          "leaderTimeouts",
          "per-proposer timeout ranges that replace [leaderTimeoutMin, leaderTimeoutMax]");
  private static final Parameter OVERRIDE_NODE =
      LEADER_TIMEOUTS.fields().node("node", "the proposer whose range this is");
  private static final Parameter OVERRIDE_MIN =
      LEADER_TIMEOUTS
          .fields()
          .duration("min", Parameters.computed("leaderTimeoutMin"), "its least timeout");
  private static final Parameter OVERRIDE_MAX =
      LEADER_TIMEOUTS
          .fields()
          .duration(
              "max",
              Parameters.computed("leaderTimeoutMax, or min if longer"),
              "its greatest timeout");
  private static final Parameter HEARTBEAT =
      PARAMETERS.duration(
          "heartbeat",
          MultiPaxosConfig.DEFAULT_HEARTBEAT_NANOS,
          "how often a leader tells the others it is alive; shorter than every leader timeout");
  private static final Parameter PENDING_SLOTS_MAX =
      PARAMETERS.integer(
          "pendingSlotsMax",
          MultiPaxosConfig.DEFAULT_PENDING_SLOTS_MAX,
          1,
          1_000_000,
          "the most slots a leader has in flight; past it, clients are told to retry");
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
          MultiPaxosBug.labels(),
          "the bug zoo: planted mistakes the invariants must catch");
  // Declared last: the servers and clients block, as every key-value protocol has them.
  private static final KvClientParams KV = KvClientParams.declare(PARAMETERS);

  private MultiPaxosParams() {}

  /** The configuration, its warnings, and the linearizability check's budget in states. */
  record Read(MultiPaxosConfig config, List<String> warnings, long checkStatesMax) {}

  static Read read(ParamReader params, List<NodeId> nodes, long runDurationNanos) {
    List<String> warnings = new ArrayList<>();
    KvClientParams.Roles roles = KV.roles(params, nodes, "a Multi-Paxos cluster");
    List<NodeId> servers = roles.servers();
    MultiPaxosConfig.Builder builder = MultiPaxosConfig.builder(servers);
    List<NodeId> acceptors = subset(params, ACCEPTORS, servers);
    List<NodeId> proposers = subset(params, PROPOSERS, servers);
    builder.acceptors(acceptors).proposers(proposers);
    LEADER
        .optionalNode(params)
        .ifPresent(
            leader -> {
              if (!proposers.contains(leader)) {
                throw LEADER.error(
                    params, leader + " is not a proposer, so it can never lead; see proposers");
              }
              builder.firstLeader(leader);
            });
    List<MultiPaxosBug> bugs = new ArrayList<>();
    for (String label : BUGS.choices(params)) {
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
    builder.pendingSlotsMax((int) PENDING_SLOTS_MAX.integer(params));
    long checkStatesMax = CHECK_STATES_MAX.integer(params);
    builder.workload(KV.workload(roles, runDurationNanos));
    params.finish();
    return new Read(builder.build(), List.copyOf(warnings), checkStatesMax);
  }

  /** Some of the servers, none twice; by default all of them. */
  private static List<NodeId> subset(ParamReader params, Parameter field, List<NodeId> servers) {
    List<NodeId> nodes = field.nodes(params, servers);
    if (nodes.isEmpty()) {
      throw field.error(params, "list at least one server");
    }
    for (NodeId node : nodes) {
      if (!servers.contains(node)) {
        throw field.error(params, node + " is not a server (it is a client)");
      }
    }
    return nodes;
  }

  private static void readTiming(
      ParamReader params,
      List<NodeId> proposers,
      MultiPaxosConfig.Builder builder,
      List<String> warnings) {
    long timeoutMin = LEADER_TIMEOUT_MIN.durationNanos(params);
    long timeoutMax =
        LEADER_TIMEOUT_MAX.durationNanos(
            params, Math.max(timeoutMin, MultiPaxosConfig.DEFAULT_LEADER_TIMEOUT_MAX_NANOS));
    if (timeoutMin <= 0) {
      throw LEADER_TIMEOUT_MIN.error(params, "must be longer than 0s");
    }
    if (timeoutMax < timeoutMin) {
      throw LEADER_TIMEOUT_MAX.error(params, "must not be shorter than leaderTimeoutMin");
    }
    builder.leaderTimeoutNanos(timeoutMin, timeoutMax);
    long leastTimeout = timeoutMin;
    for (ParamReader override : LEADER_TIMEOUTS.objects(params)) {
      NodeId node = OVERRIDE_NODE.node(override);
      if (!proposers.contains(node)) {
        throw OVERRIDE_NODE.error(
            override, node + " is not a proposer, so it never stands as leader; see proposers");
      }
      long min = OVERRIDE_MIN.durationNanos(override, timeoutMin);
      long max = OVERRIDE_MAX.durationNanos(override, Math.max(min, timeoutMax));
      if (min <= 0 || max < min) {
        throw OVERRIDE_MAX.error(override, "timeouts must satisfy 0 < min <= max");
      }
      override.finish();
      builder.leaderTimeoutNanos(node, min, max);
      leastTimeout = Math.min(leastTimeout, min);
    }
    long heartbeat = HEARTBEAT.durationNanos(params);
    if (heartbeat <= 0) {
      throw HEARTBEAT.error(params, "must be longer than 0s");
    }
    if (heartbeat >= leastTimeout) {
      throw HEARTBEAT.error(
          params,
          "the heartbeat ("
              + heartbeat / MILLI
              + " ms) must be shorter than the least leader timeout ("
              + leastTimeout / MILLI
              + " ms), or followers stand while the leader is healthy");
    }
    if (heartbeat * 2 > leastTimeout) {
      warnings.add(
          HEARTBEAT
              .error(
                  params,
                  "a heartbeat longer than half the least leader timeout lets one lost"
                      + " heartbeat start a candidacy")
              .getMessage());
    }
    builder.heartbeatNanos(heartbeat);
  }
}
