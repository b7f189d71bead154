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
 * Configuration of a Raft cluster and its clients. Made by a {@link Builder}, which holds the
 * defaults (the paper's timing, §5.2 and §9.3, and every option off).
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
 *     back (etcd-raft's MaxInflightMsgs)
 * @param bugs planted mistakes (the bug zoo); empty in every honest run
 * @param workload the client workload
 * @param replicationRules the follower's AppendEntries handling and the leader's commit rule
 *     (Figure 2), {@link ReplicationRules#PAPER} unless an exercise plugs in its own
 * @param readRule the leader's ReadIndex read path (Ongaro's dissertation §6.4), {@link
 *     ReadRule#PAPER} unless an exercise plugs in its own
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
    ReplicationRules replicationRules,
    ReadRule readRule) {
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
    Check.argument(readMode != null, "readMode is required");
    Check.argument(workload != null, "workload is required");
    Check.argument(replicationRules != null, "replicationRules is required");
    Check.argument(readRule != null, "readRule is required");
  }

  /** The paper's defaults for {@code servers}, with no clients. */
  public static RaftConfig defaults(List<NodeId> servers) {
    return builder(servers).build();
  }

  /** A builder that starts from the defaults ({@link Builder}) for {@code servers}. */
  public static Builder builder(List<NodeId> servers) {
    return new Builder(servers);
  }

  /** A builder that starts from this configuration. */
  public Builder toBuilder() {
    return new Builder(servers)
        .electionTimeoutNanos(electionTimeoutMinNanos, electionTimeoutMaxNanos)
        .electionTimeoutOverrides(electionTimeoutOverrides)
        .heartbeatNanos(heartbeatNanos)
        .preVote(preVote)
        .checkQuorum(checkQuorum)
        .fastBackup(fastBackup)
        .readMode(readMode)
        .maxEntriesPerAppend(maxEntriesPerAppend)
        .maxInflightAppends(maxInflightAppends)
        .bugs(bugs)
        .workload(workload)
        .replicationRules(replicationRules)
        .readRule(readRule);
  }

  /**
   * Builds a {@link RaftConfig}; its field initializers are the only copy of the defaults, which
   * the scenario parameters, their generated table in the README and the tests all read from here.
   * The paper's timing (§5.2, §9.3): election timeouts from 150 to 300 ms, a heartbeat every 50 ms.
   * Every option off, reads by ReadIndex, 64 entries per AppendEntries, and 256 AppendEntries in
   * flight per follower: etcd-raft's example configuration allows as many, far more than a follower
   * that answers ever has outstanding here, few enough that a cut-off follower is not sent a whole
   * partition's writes.
   */
  public static final class Builder {
    private final List<NodeId> servers;
    private long electionTimeoutMinNanos = 150 * MILLI;
    private long electionTimeoutMaxNanos = 300 * MILLI;
    private SortedMap<NodeId, TimeoutRange> electionTimeoutOverrides = new TreeMap<>();
    private long heartbeatNanos = 50 * MILLI;
    private boolean preVote;
    private boolean checkQuorum;
    private boolean fastBackup;
    private ReadMode readMode = ReadMode.READ_INDEX;
    private int maxEntriesPerAppend = 64;
    private int maxInflightAppends = 256;
    private Set<RaftBug> bugs = Set.of();
    private ClientWorkload workload = ClientWorkload.none();
    private ReplicationRules replicationRules = ReplicationRules.PAPER;
    private ReadRule readRule = ReadRule.PAPER;

    private Builder(List<NodeId> servers) {
      this.servers = List.copyOf(servers);
    }

    /** The range each election timeout is drawn from, inclusive (§5.2). */
    public Builder electionTimeoutNanos(long minNanos, long maxNanos) {
      this.electionTimeoutMinNanos = minNanos;
      this.electionTimeoutMaxNanos = maxNanos;
      return this;
    }

    public Builder electionTimeoutOverrides(SortedMap<NodeId, TimeoutRange> overrides) {
      this.electionTimeoutOverrides = new TreeMap<>(overrides);
      return this;
    }

    public Builder heartbeatNanos(long heartbeatNanos) {
      this.heartbeatNanos = heartbeatNanos;
      return this;
    }

    public Builder preVote(boolean preVote) {
      this.preVote = preVote;
      return this;
    }

    public Builder checkQuorum(boolean checkQuorum) {
      this.checkQuorum = checkQuorum;
      return this;
    }

    public Builder fastBackup(boolean fastBackup) {
      this.fastBackup = fastBackup;
      return this;
    }

    public Builder readMode(ReadMode readMode) {
      this.readMode = readMode;
      return this;
    }

    public Builder maxEntriesPerAppend(int maxEntriesPerAppend) {
      this.maxEntriesPerAppend = maxEntriesPerAppend;
      return this;
    }

    public Builder maxInflightAppends(int maxInflightAppends) {
      this.maxInflightAppends = maxInflightAppends;
      return this;
    }

    public Builder bugs(Set<RaftBug> bugs) {
      this.bugs = bugs.isEmpty() ? Set.of() : EnumSet.copyOf(bugs);
      return this;
    }

    public Builder workload(ClientWorkload workload) {
      this.workload = workload;
      return this;
    }

    /** Replicates with {@code rules} (an exercise's) instead of the paper's. */
    public Builder replicationRules(ReplicationRules rules) {
      this.replicationRules = rules;
      return this;
    }

    /** Serves ReadIndex reads with {@code rule} (an exercise's) instead of the paper's. */
    public Builder readRule(ReadRule rule) {
      this.readRule = rule;
      return this;
    }

    public RaftConfig build() {
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
          replicationRules,
          readRule);
    }
  }

  /** How many servers make a majority of the cluster. */
  public int majority() {
    return servers.size() / 2 + 1;
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
    return ServerRules.leaseBound(bugs).boundNanos(this, leader);
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
