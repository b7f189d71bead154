package faultline.protocols.paxos.multi;

import static faultline.engine.time.Nanos.MILLI;

import faultline.engine.node.NodeId;
import faultline.protocols.kv.ClientWorkload;
import faultline.protocols.paxos.Quorums;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A Multi-Paxos cluster and its clients: which servers accept and which may lead, the quorums, the
 * failure detector's timing, the limits, the client workload, and the strategies that hold the
 * protocol's rules (or, in the bug zoo, other ones). Built with {@link #builder}, which holds the
 * only copy of the defaults.
 *
 * @param servers every server, sorted: each is a replica of the key-value store
 * @param acceptors the servers that accept, sorted
 * @param proposers the servers that may become leader, sorted
 * @param firstLeader the proposer that starts phase 1 as it first boots instead of waiting for its
 *     failure detector (null: every server waits)
 * @param quorums the phase-1 and phase-2 quorum sizes (Flexible Paxos)
 * @param leaderTimeouts each proposer's failure-detector timeout range
 * @param heartbeatNanos how often the leader sends heartbeats (and resends unanswered accepts)
 * @param pendingSlotsMax slots a leader may have proposed and not yet seen chosen; a client request
 *     beyond gets no answer (its client retries)
 * @param decisionsPerMessageMax chosen values one catch-up message carries at most
 * @param workload what the client nodes do
 * @param recovery what a new leader proposes after phase 1
 * @param chosenRule when the leader considers a slot chosen
 * @param bugs the planted bugs, for the record (their strategies are already in place)
 */
public record MultiPaxosConfig(
    List<NodeId> servers,
    List<NodeId> acceptors,
    List<NodeId> proposers,
    NodeId firstLeader,
    Quorums quorums,
    SortedMap<NodeId, TimeoutRange> leaderTimeouts,
    long heartbeatNanos,
    int pendingSlotsMax,
    int decisionsPerMessageMax,
    ClientWorkload workload,
    Recovery recovery,
    ChosenRule chosenRule,
    Set<MultiPaxosBug> bugs) {

  /** The failure detector's default timeout range, and the heartbeat: Raft's defaults. */
  public static final long DEFAULT_LEADER_TIMEOUT_MIN_NANOS = 150 * MILLI;

  public static final long DEFAULT_LEADER_TIMEOUT_MAX_NANOS = 300 * MILLI;
  public static final long DEFAULT_HEARTBEAT_NANOS = 50 * MILLI;
  public static final int DEFAULT_PENDING_SLOTS_MAX = 64;
  public static final int DEFAULT_DECISIONS_PER_MESSAGE_MAX = 64;

  /** A failure detector's randomized timeout, drawn uniformly from {@code [min, max]}. */
  public record TimeoutRange(long minNanos, long maxNanos) {
    public TimeoutRange {
      if (minNanos <= 0 || maxNanos < minNanos) {
        throw new IllegalArgumentException("a leader timeout must satisfy 0 < min <= max");
      }
    }
  }

  public MultiPaxosConfig {
    servers = List.copyOf(new TreeSet<>(servers));
    acceptors = List.copyOf(new TreeSet<>(acceptors));
    proposers = List.copyOf(new TreeSet<>(proposers));
    leaderTimeouts = Collections.unmodifiableSortedMap(new TreeMap<>(leaderTimeouts));
    bugs = bugs.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(bugs));
  }

  public static Builder builder(List<NodeId> servers) {
    return new Builder(servers);
  }

  public boolean isAcceptor(NodeId node) {
    return acceptors.contains(node);
  }

  public boolean isProposer(NodeId node) {
    return proposers.contains(node);
  }

  /** {@code node}'s failure-detector timeout range. */
  public TimeoutRange leaderTimeout(NodeId node) {
    return leaderTimeouts.get(node);
  }

  /** The least failure-detector timeout of any proposer. */
  public long leaderTimeoutMinNanos() {
    return leaderTimeouts.values().stream().mapToLong(TimeoutRange::minNanos).min().orElse(0);
  }

  public boolean has(MultiPaxosBug bug) {
    return bugs.contains(bug);
  }

  /** Builds a configuration; every setting not given keeps its default. */
  public static final class Builder {
    private final List<NodeId> servers;
    private List<NodeId> acceptors;
    private List<NodeId> proposers;
    private NodeId firstLeader;
    private Integer phase1Quorum;
    private Integer phase2Quorum;
    private boolean allowNonIntersecting;
    private TimeoutRange leaderTimeout =
        new TimeoutRange(DEFAULT_LEADER_TIMEOUT_MIN_NANOS, DEFAULT_LEADER_TIMEOUT_MAX_NANOS);
    private final Map<NodeId, TimeoutRange> leaderTimeoutByServer = new TreeMap<>();
    private long heartbeatNanos = DEFAULT_HEARTBEAT_NANOS;
    private int pendingSlotsMax = DEFAULT_PENDING_SLOTS_MAX;
    private int decisionsPerMessageMax = DEFAULT_DECISIONS_PER_MESSAGE_MAX;
    private ClientWorkload workload = ClientWorkload.none();
    private Recovery recovery = Recovery.PAPER;
    private ChosenRule chosenRule = ChosenRule.QUORUM;
    private final Set<MultiPaxosBug> bugs = EnumSet.noneOf(MultiPaxosBug.class);

    private Builder(List<NodeId> servers) {
      this.servers = List.copyOf(servers);
    }

    /** The acceptors; by default every server. */
    public Builder acceptors(List<NodeId> nodes) {
      this.acceptors = List.copyOf(nodes);
      return this;
    }

    /** The servers that may lead; by default every server. */
    public Builder proposers(List<NodeId> nodes) {
      this.proposers = List.copyOf(nodes);
      return this;
    }

    /** A proposer that starts phase 1 as it first boots; by default none. */
    public Builder firstLeader(NodeId node) {
      this.firstLeader = node;
      return this;
    }

    /** Flexible Paxos quorum sizes; by default a majority of the acceptors for both. */
    public Builder quorums(int phase1, int phase2) {
      this.phase1Quorum = phase1;
      this.phase2Quorum = phase2;
      return this;
    }

    /** Every proposer's failure-detector timeout range, unless set per server. */
    public Builder leaderTimeoutNanos(long minNanos, long maxNanos) {
      this.leaderTimeout = new TimeoutRange(minNanos, maxNanos);
      return this;
    }

    /** One server's failure-detector timeout range, for scripted scenarios. */
    public Builder leaderTimeoutNanos(NodeId server, long minNanos, long maxNanos) {
      leaderTimeoutByServer.put(server, new TimeoutRange(minNanos, maxNanos));
      return this;
    }

    public Builder heartbeatNanos(long nanos) {
      this.heartbeatNanos = nanos;
      return this;
    }

    public Builder pendingSlotsMax(int slots) {
      this.pendingSlotsMax = slots;
      return this;
    }

    public Builder decisionsPerMessageMax(int decisions) {
      this.decisionsPerMessageMax = decisions;
      return this;
    }

    public Builder workload(ClientWorkload clients) {
      this.workload = clients;
      return this;
    }

    Builder recovery(Recovery strategy) {
      this.recovery = strategy;
      return this;
    }

    Builder chosenRule(ChosenRule rule) {
      this.chosenRule = rule;
      return this;
    }

    Builder allowNonIntersectingQuorums() {
      this.allowNonIntersecting = true;
      return this;
    }

    /** Plants {@code bug}: replaces the strategy it lives in. */
    public Builder bug(MultiPaxosBug bug) {
      bugs.add(bug);
      bug.plant(this);
      return this;
    }

    /**
     * @throws IllegalArgumentException on an impossible configuration: no server, roles outside the
     *     servers, a first leader that is no proposer, quorums out of range or not intersecting
     *     (unless the bug is planted), a heartbeat not shorter than every timeout
     */
    public MultiPaxosConfig build() {
      if (servers.isEmpty()) {
        throw new IllegalArgumentException("Multi-Paxos needs at least one server");
      }
      List<NodeId> acceptorNodes = subset("acceptors", acceptors);
      List<NodeId> proposerNodes = subset("proposers", proposers);
      if (firstLeader != null && !proposerNodes.contains(firstLeader)) {
        throw new IllegalArgumentException(firstLeader + " is the first leader but no proposer");
      }
      Quorums quorums = quorums(acceptorNodes.size());
      SortedMap<NodeId, TimeoutRange> timeouts = new TreeMap<>();
      for (NodeId proposer : proposerNodes) {
        timeouts.put(proposer, leaderTimeoutByServer.getOrDefault(proposer, leaderTimeout));
      }
      for (NodeId server : leaderTimeoutByServer.keySet()) {
        if (!proposerNodes.contains(server)) {
          throw new IllegalArgumentException(server + " has a leader timeout but is no proposer");
        }
      }
      for (TimeoutRange range : timeouts.values()) {
        if (heartbeatNanos <= 0 || heartbeatNanos >= range.minNanos()) {
          throw new IllegalArgumentException(
              "the heartbeat must be positive and shorter than every leader timeout");
        }
      }
      if (pendingSlotsMax < 1 || decisionsPerMessageMax < 1) {
        throw new IllegalArgumentException("the limits must be at least 1");
      }
      return new MultiPaxosConfig(
          servers,
          acceptorNodes,
          proposerNodes,
          firstLeader,
          quorums,
          timeouts,
          heartbeatNanos,
          pendingSlotsMax,
          decisionsPerMessageMax,
          workload,
          recovery,
          chosenRule,
          bugs);
    }

    private List<NodeId> subset(String role, List<NodeId> nodes) {
      if (nodes == null) {
        return servers;
      }
      if (nodes.isEmpty() || !servers.containsAll(nodes)) {
        throw new IllegalArgumentException("the " + role + " must be some of the servers");
      }
      return nodes;
    }

    private Quorums quorums(int acceptorCount) {
      Quorums majority = Quorums.majority(acceptorCount);
      Quorums quorums =
          new Quorums(
              acceptorCount,
              phase1Quorum == null ? majority.phase1() : phase1Quorum,
              phase2Quorum == null ? majority.phase2() : phase2Quorum);
      if (!quorums.intersect() && !allowNonIntersecting) {
        throw new IllegalArgumentException(
            quorums.describe() + ": Q1 + Q2 must exceed the number of acceptors");
      }
      return quorums;
    }
  }
}
