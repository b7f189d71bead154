package faultline.protocols.swim;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;

import faultline.engine.Check;
import faultline.engine.node.NodeId;
import faultline.protocols.membership.MemberIndex;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A SWIM group's configuration. {@link #builder} holds the only copy of the defaults, which come
 * from the paper (Das, Gupta and Motivala, DSN 2002, §5: a protocol period of 1 s, k = 3 ping-req
 * members) and from hashicorp/memberlist's {@code DefaultLANConfig} (ping timeout 500 ms, {@code
 * SuspicionMult} 4, {@code SuspicionMaxTimeoutMult} 6, {@code RetransmitMult} 4, {@code
 * AwarenessMaxMultiplier} 8).
 *
 * @param members every node of the run that runs SWIM, sorted
 * @param initialMembers the members of the group at time zero; each starts knowing all of them
 * @param seeds the members a joining (or restarted) member asks to be let in, tried in order
 * @param joinAtNanos members that join the group later, with when
 * @param leaveAtNanos members that leave the group gracefully, with when
 * @param periodNanos the protocol period T' (§3.1)
 * @param probeTimeoutNanos how long to wait for a direct ack before asking k others (§3.1)
 * @param indirectChecks k, the number of members asked to ping-req (§3.1)
 * @param suspicion the suspicion subprotocol (§4.2); without it a failed probe declares faulty
 * @param suspicionMult the suspicion timeout is {@code suspicionMult · max(1, log10 n) · T'}
 * @param suspicionMaxTimeoutMult Lifeguard's longest suspicion timeout, as a multiple of the above
 * @param retransmitMult each update is piggybacked {@code retransmitMult · ceil(log10(n + 1))}
 *     times (§4.1's λ·log n)
 * @param maxUpdatesPerMessage the most updates piggybacked on one message
 * @param maxQueuedUpdates the bound of the broadcast queue; the most-sent update is dropped beyond
 * @param maxPendingRelays the most ping-reqs a member serves at once; more are refused
 * @param probeOrder how each period's target is chosen
 * @param staggerStart each member starts its first period at a random point of the first T', as
 *     memberlist does, instead of all at time zero
 * @param reconnectIntervalNanos how often a member pings one member it holds faulty, so that the
 *     two sides of a healed partition find each other (Serf's reconnect; 0: never)
 * @param joinRetryNanos how long a joining member waits for a seed's answer before asking the next
 * @param lifeguard the Lifeguard options
 * @param rules how updates merge with what a member holds, and when it refutes (§4.2)
 * @param incarnations where a member keeps its own incarnation
 * @param regossip whether members pass on what they accept (§4.1)
 */
public record SwimConfig(
    MemberIndex members,
    List<NodeId> initialMembers,
    List<NodeId> seeds,
    SortedMap<NodeId, Long> joinAtNanos,
    SortedMap<NodeId, Long> leaveAtNanos,
    long periodNanos,
    long probeTimeoutNanos,
    int indirectChecks,
    boolean suspicion,
    int suspicionMult,
    int suspicionMaxTimeoutMult,
    int retransmitMult,
    int maxUpdatesPerMessage,
    int maxQueuedUpdates,
    int maxPendingRelays,
    ProbeOrder probeOrder,
    boolean staggerStart,
    long reconnectIntervalNanos,
    long joinRetryNanos,
    Lifeguard lifeguard,
    MergeRules rules,
    IncarnationMemory incarnations,
    Regossip regossip) {

  public SwimConfig {
    initialMembers = List.copyOf(initialMembers);
    seeds = List.copyOf(seeds);
    joinAtNanos = Collections.unmodifiableSortedMap(new TreeMap<>(joinAtNanos));
    leaveAtNanos = Collections.unmodifiableSortedMap(new TreeMap<>(leaveAtNanos));
    Check.argument(members.size() > 0, "a SWIM group needs at least one member");
    Check.argument(members.ids().containsAll(initialMembers), "initial members must be members");
    Check.argument(members.ids().containsAll(seeds), "seeds must be members");
    Check.argument(periodNanos > 0, "the protocol period must be positive");
    Check.argument(
        0 < probeTimeoutNanos && probeTimeoutNanos < periodNanos,
        "the ping timeout must be positive and shorter than the protocol period");
    Check.argument(indirectChecks >= 0, "k must not be negative");
    Check.argument(suspicionMult >= 1, "suspicionMult must be at least 1");
    Check.argument(suspicionMaxTimeoutMult >= 1, "suspicionMaxTimeoutMult must be at least 1");
    Check.argument(retransmitMult >= 1, "retransmitMult must be at least 1");
    Check.argument(maxUpdatesPerMessage >= 1, "maxUpdatesPerMessage must be at least 1");
    Check.argument(maxQueuedUpdates >= 1, "maxQueuedUpdates must be at least 1");
    Check.argument(maxPendingRelays >= 1, "maxPendingRelays must be at least 1");
    Check.argument(reconnectIntervalNanos >= 0, "reconnectInterval must not be negative");
    Check.argument(joinRetryNanos > 0, "joinRetry must be positive");
    Check.argument(
        probeOrder != null
            && lifeguard != null
            && rules != null
            && incarnations != null
            && regossip != null,
        "every strategy is required");
  }

  /** A builder with every default, for {@code members} all in the group from time zero. */
  public static Builder builder(List<NodeId> members) {
    return new Builder(members);
  }

  /** The defaults for {@code members}. */
  public static SwimConfig defaults(List<NodeId> members) {
    return builder(members).build();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The suspicion timeout for a group of {@code n} members, memberlist's {@code suspicionTimeout}:
   * {@code suspicionMult · max(1, log10 n) · T'}, to the millisecond below (the log scale in
   * thousandths, as memberlist computes it).
   */
  public long suspicionTimeoutNanos(int n) {
    double nodeScale = Math.max(1.0, StrictMath.log10(Math.max(1.0, n)));
    long scaleMilli = (long) (nodeScale * 1000);
    return suspicionMult * scaleMilli * periodNanos / 1000;
  }

  /** Lifeguard's longest suspicion timeout, {@code suspicionMaxTimeoutMult} times the above. */
  public long suspicionTimeoutMaxNanos(int n) {
    return suspicionMaxTimeoutMult * suspicionTimeoutNanos(n);
  }

  /**
   * How many times each update is piggybacked in a group of {@code n}, memberlist's {@code
   * retransmitLimit}: {@code retransmitMult · ceil(log10(n + 1))}.
   */
  public int retransmitLimit(int n) {
    return retransmitMult * (int) StrictMath.ceil(StrictMath.log10(n + 1.0));
  }

  /** The longest a suspicion can last: the timeout, or with Lifeguard its longest. */
  public long longestSuspicionNanos(int n) {
    if (!suspicion) {
      return 0;
    }
    return lifeguard.dynamicSuspicion() ? suspicionTimeoutMaxNanos(n) : suspicionTimeoutNanos(n);
  }

  /** The longest a member's protocol period can stretch under Local Health Awareness. */
  public long longestPeriodNanos() {
    return lifeguard.localHealth() ? periodNanos * lifeguard.awarenessMax() : periodNanos;
  }

  /** Builds a {@link SwimConfig}; holds the only copy of the defaults. */
  public static final class Builder {
    private final MemberIndex members;
    private List<NodeId> initialMembers;
    private List<NodeId> seeds;
    private SortedMap<NodeId, Long> joinAtNanos = new TreeMap<>();
    private SortedMap<NodeId, Long> leaveAtNanos = new TreeMap<>();
    private long periodNanos = SECOND;
    private long probeTimeoutNanos = 500 * MILLI;
    private int indirectChecks = 3;
    private boolean suspicion = true;
    private int suspicionMult = 4;
    private int suspicionMaxTimeoutMult = 6;
    private int retransmitMult = 4;
    private int maxUpdatesPerMessage = 16;
    private int maxQueuedUpdates = 1024;
    private int maxPendingRelays = 64;
    private ProbeOrder probeOrder = ProbeOrder.ROUND_ROBIN;
    private boolean staggerStart = true;
    private long reconnectIntervalNanos = 30 * SECOND;
    private long joinRetryNanos = SECOND;
    private Lifeguard lifeguard = Lifeguard.OFF;
    private MergeRules rules = MergeRules.PAPER;
    private IncarnationMemory incarnations = IncarnationMemory.DURABLE;
    private Regossip regossip = Regossip.EVERY_RECEIVER;

    private Builder(List<NodeId> members) {
      this.members = MemberIndex.of(members);
      this.initialMembers = this.members.ids();
      this.seeds = this.members.size() == 0 ? List.of() : List.of(this.members.id(0));
    }

    private Builder(SwimConfig config) {
      members = config.members;
      initialMembers = config.initialMembers;
      seeds = config.seeds;
      joinAtNanos = config.joinAtNanos;
      leaveAtNanos = config.leaveAtNanos;
      periodNanos = config.periodNanos;
      probeTimeoutNanos = config.probeTimeoutNanos;
      indirectChecks = config.indirectChecks;
      suspicion = config.suspicion;
      suspicionMult = config.suspicionMult;
      suspicionMaxTimeoutMult = config.suspicionMaxTimeoutMult;
      retransmitMult = config.retransmitMult;
      maxUpdatesPerMessage = config.maxUpdatesPerMessage;
      maxQueuedUpdates = config.maxQueuedUpdates;
      maxPendingRelays = config.maxPendingRelays;
      probeOrder = config.probeOrder;
      staggerStart = config.staggerStart;
      reconnectIntervalNanos = config.reconnectIntervalNanos;
      joinRetryNanos = config.joinRetryNanos;
      lifeguard = config.lifeguard;
      rules = config.rules;
      incarnations = config.incarnations;
      regossip = config.regossip;
    }

    /** Members that join later are not initial members; seeds default to the first member. */
    public Builder joins(SortedMap<NodeId, Long> atNanos) {
      joinAtNanos = new TreeMap<>(atNanos);
      initialMembers =
          members.ids().stream().filter(member -> !atNanos.containsKey(member)).toList();
      return this;
    }

    public Builder leaves(SortedMap<NodeId, Long> atNanos) {
      leaveAtNanos = new TreeMap<>(atNanos);
      return this;
    }

    public Builder seeds(List<NodeId> value) {
      seeds = List.copyOf(value);
      return this;
    }

    public Builder periodNanos(long value) {
      periodNanos = value;
      return this;
    }

    public Builder probeTimeoutNanos(long value) {
      probeTimeoutNanos = value;
      return this;
    }

    public Builder indirectChecks(int value) {
      indirectChecks = value;
      return this;
    }

    public Builder suspicion(boolean value) {
      suspicion = value;
      return this;
    }

    public Builder suspicionMult(int value) {
      suspicionMult = value;
      return this;
    }

    public Builder suspicionMaxTimeoutMult(int value) {
      suspicionMaxTimeoutMult = value;
      return this;
    }

    public Builder retransmitMult(int value) {
      retransmitMult = value;
      return this;
    }

    public Builder maxUpdatesPerMessage(int value) {
      maxUpdatesPerMessage = value;
      return this;
    }

    public Builder maxQueuedUpdates(int value) {
      maxQueuedUpdates = value;
      return this;
    }

    public Builder maxPendingRelays(int value) {
      maxPendingRelays = value;
      return this;
    }

    public Builder probeOrder(ProbeOrder value) {
      probeOrder = value;
      return this;
    }

    public Builder staggerStart(boolean value) {
      staggerStart = value;
      return this;
    }

    public Builder reconnectIntervalNanos(long value) {
      reconnectIntervalNanos = value;
      return this;
    }

    public Builder joinRetryNanos(long value) {
      joinRetryNanos = value;
      return this;
    }

    public Builder lifeguard(Lifeguard value) {
      lifeguard = value;
      return this;
    }

    public Builder rules(MergeRules value) {
      rules = value;
      return this;
    }

    public Builder incarnations(IncarnationMemory value) {
      incarnations = value;
      return this;
    }

    public Builder regossip(Regossip value) {
      regossip = value;
      return this;
    }

    public SwimConfig build() {
      return new SwimConfig(
          members,
          initialMembers,
          seeds,
          joinAtNanos,
          leaveAtNanos,
          periodNanos,
          probeTimeoutNanos,
          indirectChecks,
          suspicion,
          suspicionMult,
          suspicionMaxTimeoutMult,
          retransmitMult,
          maxUpdatesPerMessage,
          maxQueuedUpdates,
          maxPendingRelays,
          probeOrder,
          staggerStart,
          reconnectIntervalNanos,
          joinRetryNanos,
          lifeguard,
          rules,
          incarnations,
          regossip);
    }
  }
}
