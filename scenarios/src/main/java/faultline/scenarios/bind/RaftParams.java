package faultline.scenarios.bind;

import static faultline.engine.time.Nanos.MILLI;

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
 * The {@code raft} protocol's parameters: the table of them ({@link #PARAMETERS}), and the reader
 * that reads them strictly through it and says which legal settings are unwise. Every option and
 * timing of {@link RaftConfig} and {@link ClientWorkload} is a parameter; the servers and the
 * clients block are declared and read by {@link KvClientParams}, as for every key-value protocol.
 * Public so that exercises that run Raft with a student's part read the same parameters.
 */
public final class RaftParams {
  /** The defaults every parameter's default is read from: {@link RaftConfig.Builder}'s. */
  private static final RaftConfig PAPER = RaftConfig.defaults(List.of(NodeId.of("n1")));

  /** Every parameter of {@code "protocol": "raft"}. */
  public static final Parameters PARAMETERS = new Parameters();

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
          readModeName(PAPER.readMode()),
          Arrays.stream(ReadMode.values()).map(RaftParams::readModeName).toList(),
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
          PAPER.maxInflightAppends(),
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
  // Declared last: the servers and clients block, as every key-value protocol has them.
  private static final KvClientParams KV = KvClientParams.declare(PARAMETERS);

  private RaftParams() {}

  /**
   * The configuration, the warnings it deserves, and the linearizability check's budget in search
   * states ({@code checkStatesMax}): past it the check is undecided and the run inconclusive.
   */
  public record Read(RaftConfig config, List<String> warnings, long checkStatesMax) {}

  public static Read read(ParamReader params, List<NodeId> nodes, long runDurationNanos) {
    List<String> warnings = new ArrayList<>();
    KvClientParams.Roles roles = KV.roles(params, nodes, "a Raft cluster");
    List<NodeId> servers = roles.servers();
    if (servers.size() % 2 == 0) {
      warnings.add(
          KV.servers()
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
    SplitVoteWarning.check(
            params,
            servers,
            new RaftConfig.TimeoutRange(timeoutMin, timeoutMax),
            overrides,
            runDurationNanos)
        .ifPresent(warnings::add);
    boolean preVote = PRE_VOTE.bool(params);
    boolean checkQuorum = CHECK_QUORUM.bool(params);
    boolean fastBackup = FAST_BACKUP.bool(params);
    String readsName = READS.choice(params);
    ReadMode reads =
        Arrays.stream(ReadMode.values())
            .filter(mode -> readModeName(mode).equals(readsName))
            .findFirst()
            .orElseThrow();
    int batch = (int) MAX_ENTRIES_PER_APPEND.integer(params);
    int inflight = (int) MAX_INFLIGHT_APPENDS.integer(params);
    long checkStatesMax = CHECK_STATES_MAX.integer(params);
    EnumSet<RaftBug> bugs = EnumSet.noneOf(RaftBug.class);
    for (String bug : BUGS.choices(params)) {
      bugs.add(RaftBug.valueOf(bug.toUpperCase(Locale.ROOT)));
    }
    ClientWorkload workload = KV.workload(roles, runDurationNanos);
    params.finish();
    RaftConfig config =
        RaftConfig.builder(servers)
            .electionTimeoutNanos(timeoutMin, timeoutMax)
            .electionTimeoutOverrides(overrides)
            .heartbeatNanos(heartbeat)
            .preVote(preVote)
            .checkQuorum(checkQuorum)
            .fastBackup(fastBackup)
            .readMode(reads)
            .maxEntriesPerAppend(batch)
            .maxInflightAppends(inflight)
            .bugs(bugs)
            .workload(workload)
            .build();
    return new Read(config, List.copyOf(warnings), checkStatesMax);
  }

  /** A read mode as the {@code reads} parameter spells it: {@code read-index} for READ_INDEX. */
  private static String readModeName(ReadMode mode) {
    return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String failures(int count) {
    return count == 1 ? "1 failure" : count + " failures";
  }
}
