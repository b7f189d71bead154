package faultline.protocols.raft;

import static faultline.engine.time.Nanos.MILLI;

import faultline.engine.Check;
import faultline.engine.node.NodeId;
import faultline.protocols.kv.ClientWorkload;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Configuration of a Raft cluster and its clients. Defaults follow the paper (§5.2, §9.3): election
 * timeouts drawn from 150-300 ms and a heartbeat every 50 ms.
 *
 * @param servers the Raft servers (every other node of the run is a client)
 * @param electionTimeoutMinNanos the least election timeout
 * @param electionTimeoutMaxNanos the greatest election timeout
 * @param electionTimeoutOverrides per-server timeout ranges that replace the default, so that a
 *     scripted scenario can decide who times out first
 * @param heartbeatNanos the leader's heartbeat interval
 * @param preVote run the PreVote phase before a real election (Ongaro §9.6)
 * @param checkQuorum a leader that heard from no majority within an election timeout steps down
 * @param fastBackup followers report the conflicting term so leaders skip it at once (§5.3)
 * @param readMode how {@code get} is served
 * @param maxEntriesPerAppend the most entries one AppendEntries carries
 * @param maxInflightAppends the most AppendEntries a leader streams to one follower before it hears
 *     back (etcd-raft's MaxInflightMsgs); {@value #DEFAULT_MAX_INFLIGHT_APPENDS} by default
 * @param bugs planted mistakes (the bug zoo); empty in every honest run
 * @param workload the client workload
 * @param replicationRules the follower's AppendEntries handling and the leader's commit rule
 *     (Figure 2), {@link ReplicationRules#PAPER} unless an exercise plugs in its own
 */
public record RaftConfig(
    List<NodeId> servers,
    long electionTimeoutMinNanos,
    long electionTimeoutMaxNanos,
    SortedMap<NodeId, TimeoutRange> electionTimeoutOverrides,
    long heartbeatNanos,
    boolean preVote,
    boolean checkQuorum,
    boolean fastBackup,
    ReadMode readMode,
    int maxEntriesPerAppend,
    int maxInflightAppends,
    Set<RaftBug> bugs,
    ClientWorkload workload,
    ReplicationRules replicationRules) {
  /**
   * etcd-raft's example configuration allows 256: far more than a follower that answers ever has
   * outstanding here, few enough that a cut-off follower is not sent a whole partition's writes.
   */
  public static final int DEFAULT_MAX_INFLIGHT_APPENDS = 256;

  /** With the paper's replication rules and the default in-flight limit. */
  public RaftConfig(
      List<NodeId> servers,
      long electionTimeoutMinNanos,
      long electionTimeoutMaxNanos,
      SortedMap<NodeId, TimeoutRange> electionTimeoutOverrides,
      long heartbeatNanos,
      boolean preVote,
      boolean checkQuorum,
      boolean fastBackup,
      ReadMode readMode,
      int maxEntriesPerAppend,
      Set<RaftBug> bugs,
      ClientWorkload workload) {
    this(
        servers,
        electionTimeoutMinNanos,
        electionTimeoutMaxNanos,
        electionTimeoutOverrides,
        heartbeatNanos,
        preVote,
        checkQuorum,
        fastBackup,
        readMode,
        maxEntriesPerAppend,
        DEFAULT_MAX_INFLIGHT_APPENDS,
        bugs,
        workload,
        ReplicationRules.PAPER);
  }

  public RaftConfig {
    servers = List.copyOf(servers);
    Check.argument(!servers.isEmpty(), "a Raft cluster needs at least one server");
    Check.argument(
        0 < electionTimeoutMinNanos && electionTimeoutMinNanos <= electionTimeoutMaxNanos,
        "election timeouts must satisfy 0 < min <= max");
    Check.argument(heartbeatNanos > 0, "the heartbeat interval must be positive");
    Check.argument(maxEntriesPerAppend > 0, "maxEntriesPerAppend must be positive");
    Check.argument(maxInflightAppends > 0, "maxInflightAppends must be positive");
    electionTimeoutOverrides =
        Collections.unmodifiableSortedMap(new TreeMap<>(electionTimeoutOverrides));
    bugs = bugs.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(bugs));
    Check.argument(replicationRules != null, "replicationRules is required");
  }

  /** The paper's defaults for {@code servers}, with no clients. */
  public static RaftConfig defaults(List<NodeId> servers) {
    return new RaftConfig(
        servers,
        150 * MILLI,
        300 * MILLI,
        new TreeMap<>(),
        50 * MILLI,
        false,
        false,
        false,
        ReadMode.READ_INDEX,
        64,
        Set.of(),
        ClientWorkload.none());
  }

  public RaftConfig withBugs(Set<RaftBug> planted) {
    return new RaftConfig(
        servers,
        electionTimeoutMinNanos,
        electionTimeoutMaxNanos,
        electionTimeoutOverrides,
        heartbeatNanos,
        preVote,
        checkQuorum,
        fastBackup,
        readMode,
        maxEntriesPerAppend,
        maxInflightAppends,
        planted,
        workload,
        replicationRules);
  }

  public RaftConfig withOptions(boolean preVote, boolean checkQuorum, boolean fastBackup) {
    return new RaftConfig(
        servers,
        electionTimeoutMinNanos,
        electionTimeoutMaxNanos,
        electionTimeoutOverrides,
        heartbeatNanos,
        preVote,
        checkQuorum,
        fastBackup,
        readMode,
        maxEntriesPerAppend,
        maxInflightAppends,
        bugs,
        workload,
        replicationRules);
  }

  public RaftConfig withReads(ReadMode mode) {
    return new RaftConfig(
        servers,
        electionTimeoutMinNanos,
        electionTimeoutMaxNanos,
        electionTimeoutOverrides,
        heartbeatNanos,
        preVote,
        checkQuorum,
        fastBackup,
        mode,
        maxEntriesPerAppend,
        maxInflightAppends,
        bugs,
        workload,
        replicationRules);
  }

  public RaftConfig withWorkload(ClientWorkload clients) {
    return new RaftConfig(
        servers,
        electionTimeoutMinNanos,
        electionTimeoutMaxNanos,
        electionTimeoutOverrides,
        heartbeatNanos,
        preVote,
        checkQuorum,
        fastBackup,
        readMode,
        maxEntriesPerAppend,
        maxInflightAppends,
        bugs,
        clients,
        replicationRules);
  }

  /** The same cluster, with at most {@code limit} AppendEntries in flight to each follower. */
  public RaftConfig withMaxInflightAppends(int limit) {
    return new RaftConfig(
        servers,
        electionTimeoutMinNanos,
        electionTimeoutMaxNanos,
        electionTimeoutOverrides,
        heartbeatNanos,
        preVote,
        checkQuorum,
        fastBackup,
        readMode,
        maxEntriesPerAppend,
        limit,
        bugs,
        workload,
        replicationRules);
  }

  /** The same cluster, replicating with {@code rules} (an exercise's) instead of the paper's. */
  public RaftConfig withReplicationRules(ReplicationRules rules) {
    return new RaftConfig(
        servers,
        electionTimeoutMinNanos,
        electionTimeoutMaxNanos,
        electionTimeoutOverrides,
        heartbeatNanos,
        preVote,
        checkQuorum,
        fastBackup,
        readMode,
        maxEntriesPerAppend,
        maxInflightAppends,
        bugs,
        workload,
        rules);
  }

  boolean has(RaftBug bug) {
    return bugs.contains(bug);
  }

  int majority() {
    return servers.size() / 2 + 1;
  }

  boolean isServer(NodeId node) {
    return servers.contains(node);
  }

  /**
   * How long after hearing from {@code leader} no other server can be elected, at the least: none
   * grants another candidate its vote within the default minimum timeout (Ongaro's dissertation
   * §4.2.3, {@code RaftNode#leaderIsAlive}), and none votes for itself before its own least
   * timeout, default or per-server, has passed since the leader's message restarted its timer. The
   * leader's own timeout does not count: it votes for no one while it leads. A lease must end
   * before this (§6.4.1).
   */
  long leaseBoundNanos(NodeId leader) {
    long least = electionTimeoutMinNanos;
    if (has(RaftBug.LEASE_BY_DEFAULT_TIMEOUT)) {
      return least;
    }
    for (var override : electionTimeoutOverrides.entrySet()) {
      if (!override.getKey().equals(leader)) {
        least = Math.min(least, override.getValue().minNanos());
      }
    }
    return least;
  }

  TimeoutRange electionTimeoutOf(NodeId server) {
    return electionTimeoutOverrides.getOrDefault(
        server, new TimeoutRange(electionTimeoutMinNanos, electionTimeoutMaxNanos));
  }

  /** An election timeout range, inclusive. */
  public record TimeoutRange(long minNanos, long maxNanos) {
    public TimeoutRange {
      Check.argument(0 < minNanos && minNanos <= maxNanos, "timeouts must satisfy 0 < min <= max");
    }
  }
}
