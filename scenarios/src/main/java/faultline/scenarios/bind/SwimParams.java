package faultline.scenarios.bind;

import faultline.engine.node.NodeId;
import faultline.protocols.membership.MembershipBounds;
import faultline.protocols.swim.Lifeguard;
import faultline.protocols.swim.ProbeOrder;
import faultline.protocols.swim.SwimBug;
import faultline.protocols.swim.SwimConfig;
import faultline.protocols.swim.SwimInvariants;
import faultline.scenarios.parse.Durations;
import faultline.scenarios.parse.ParamReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The {@code swim} protocol's parameters: the table of them ({@link #PARAMETERS}), and the reader
 * that reads them strictly through it and says which legal settings are unwise. Every fixed default
 * is {@link SwimConfig#builder}'s.
 */
public final class SwimParams {
  private static final SwimConfig DEFAULTS = SwimConfig.defaults(List.of(NodeId.of("n1")));

  /** Every parameter of {@code "protocol": "swim"}. */
  public static final Parameters PARAMETERS = new Parameters();

  private static final Parameter SEEDS =
      PARAMETERS.nodes(
          "seeds",
          Parameters.computed("the first member that does not join later"),
          "the members whom joiners and restarted members ask for the list");
  private static final Parameter JOINS =
      PARAMETERS.objects("joins", "members that join later, through a seed");
  private static final Parameter JOIN_NODE = JOINS.fields().node("node", "the member that joins");
  private static final Parameter JOIN_AT = JOINS.fields().requiredDuration("at", "when it joins");
  private static final Parameter LEAVES =
      PARAMETERS.objects("leaves", "graceful leaves, announced before the member goes silent");
  private static final Parameter LEAVE_NODE =
      LEAVES.fields().node("node", "the member that leaves");
  private static final Parameter LEAVE_AT =
      LEAVES.fields().requiredDuration("at", "when it leaves");
  private static final Parameter PERIOD =
      PARAMETERS.duration(
          "period",
          DEFAULTS.periodNanos(),
          "the protocol period T': each member probes one other per period (§3.1)");
  private static final Parameter PING_TIMEOUT =
      PARAMETERS.duration(
          "pingTimeout",
          Parameters.computed(
              Parameters.duration(DEFAULTS.probeTimeoutNanos())
                  + ", or half the period if shorter"),
          "how long a direct ping waits for its ack before k members are asked to probe");
  private static final Parameter K =
      PARAMETERS.integer(
          "k",
          DEFAULTS.indirectChecks(),
          0,
          1000,
          "how many members a ping-req asks to probe indirectly (§3.1)");
  private static final Parameter SUSPICION =
      PARAMETERS.bool(
          "suspicion",
          DEFAULTS.suspicion(),
          "a member that fails a probe is suspected before it is declared faulty (§4.2)");
  private static final Parameter SUSPICION_MULT =
      PARAMETERS.integer(
          "suspicionMult",
          DEFAULTS.suspicionMult(),
          1,
          1000,
          "the suspicion timeout is suspicionMult * max(1, log10 n) * period (memberlist)");
  private static final Parameter SUSPICION_MAX_TIMEOUT_MULT =
      PARAMETERS.integer(
          "suspicionMaxTimeoutMult",
          DEFAULTS.suspicionMaxTimeoutMult(),
          1,
          1000,
          "with lifeguard.dynamicSuspicion, the longest timeout as a multiple of the shortest");
  private static final Parameter RETRANSMIT_MULT =
      PARAMETERS.integer(
          "retransmitMult",
          DEFAULTS.retransmitMult(),
          1,
          1000,
          "each update is piggybacked retransmitMult * ceil(log10(n + 1)) times (§4.1)");
  private static final Parameter MAX_UPDATES_PER_MESSAGE =
      PARAMETERS.integer(
          "maxUpdatesPerMessage",
          DEFAULTS.maxUpdatesPerMessage(),
          1,
          10_000,
          "the most updates one message carries");
  private static final Parameter MAX_QUEUED_UPDATES =
      PARAMETERS.integer(
          "maxQueuedUpdates",
          DEFAULTS.maxQueuedUpdates(),
          1,
          1_000_000,
          "the most updates a member queues for gossip; more are dropped and counted");
  private static final Parameter MAX_PENDING_RELAYS =
      PARAMETERS.integer(
          "maxPendingRelays",
          DEFAULTS.maxPendingRelays(),
          1,
          1_000_000,
          "the most ping-req probes a member runs for others at once; more are refused and"
              + " counted");
  private static final Parameter PROBE_ORDER =
      PARAMETERS.choice(
          "probeOrder",
          DEFAULTS.probeOrder().label(),
          Arrays.stream(ProbeOrder.values()).map(ProbeOrder::label).toList(),
          "whom a member probes: round-robin over a shuffled list (§4.3), uniformly among the"
              + " others, or among all n with itself (the paper's formula)");
  private static final Parameter STAGGER_START =
      PARAMETERS.bool(
          "staggerStart",
          DEFAULTS.staggerStart(),
          "members start their first period at a random point of it, not all at once");
  private static final Parameter RECONNECT_INTERVAL =
      PARAMETERS.duration(
          "reconnectInterval",
          DEFAULTS.reconnectIntervalNanos(),
          "how often a member pings one it holds faulty, so that healed partitions merge");
  private static final Parameter JOIN_RETRY =
      PARAMETERS.duration(
          "joinRetry",
          DEFAULTS.joinRetryNanos(),
          "how long a joining member waits for a seed's answer before it asks again");
  private static final Parameter LIFEGUARD =
      PARAMETERS.object("lifeguard", "the Lifeguard extensions (Dadgar et al. 2017), each off");
  private static final Parameter LOCAL_HEALTH =
      LIFEGUARD
          .fields()
          .bool(
              "localHealth",
              DEFAULTS.lifeguard().localHealth(),
              "Local Health Awareness: a member that misses nacks slows its own period (§IV-A)");
  private static final Parameter AWARENESS_MAX =
      LIFEGUARD
          .fields()
          .integer(
              "awarenessMax",
              DEFAULTS.lifeguard().awarenessMax(),
              1,
              64,
              "the bound of the local health score");
  private static final Parameter DYNAMIC_SUSPICION =
      LIFEGUARD
          .fields()
          .bool(
              "dynamicSuspicion",
              DEFAULTS.lifeguard().dynamicSuspicion(),
              "a suspicion starts at the longest timeout and shrinks as others confirm it (§IV-B)");
  private static final Parameter BUDDY_SYSTEM =
      LIFEGUARD
          .fields()
          .bool(
              "buddySystem",
              DEFAULTS.lifeguard().buddySystem(),
              "a ping to a suspected member carries the suspicion, so it can refute at once"
                  + " (§IV-C)");
  private static final Parameter COMPLETENESS_WITHIN =
      PARAMETERS.duration(
          "completenessWithin",
          Parameters.computed(
              "ten periods, the longest suspicion and twice the retransmission limit in periods"),
          "membership.completeness fails when a crashed or departed member is still held alive"
              + " or suspect this long after");
  private static final Parameter BUGS =
      PARAMETERS.choices(
          "bugs",
          Arrays.stream(SwimBug.values()).map(SwimBug::label).toList(),
          "the bug zoo: planted mistakes the invariants must catch");

  private SwimParams() {}

  /** The configuration, the bounds its checks judge by, and the warnings it deserves. */
  public record Read(SwimConfig config, MembershipBounds bounds, List<String> warnings) {}

  public static Read read(ParamReader params, List<NodeId> nodes, long runDurationNanos) {
    List<String> warnings = new ArrayList<>();
    SwimConfig defaults = SwimConfig.defaults(nodes);
    SwimConfig.Builder builder = defaults.toBuilder();
    readGroup(params, nodes, runDurationNanos, builder);
    long period = PERIOD.durationNanos(params);
    if (period <= 0) {
      throw PERIOD.error(params, "must be longer than 0s");
    }
    long pingTimeout =
        PING_TIMEOUT.durationNanos(params, Math.min(defaults.probeTimeoutNanos(), period / 2));
    if (pingTimeout <= 0 || pingTimeout >= period) {
      throw PING_TIMEOUT.error(
          params,
          "must be longer than 0s and shorter than the period ("
              + Durations.format(period)
              + "), which has to leave time for the indirect probes");
    }
    if (pingTimeout * 2 > period) {
      warnings.add(
          PING_TIMEOUT
              .error(
                  params,
                  "a ping timeout over half the period leaves the ping-req members less time than"
                      + " the direct ping had; a period is judged at its end")
              .getMessage());
    }
    int k = (int) K.integer(params);
    if (k > nodes.size() - 2) {
      throw K.error(
          params,
          "k = "
              + k
              + " ping-req members need at least "
              + (k + 2)
              + " members (the prober, the target and k others); this group has "
              + nodes.size());
    }
    if (k == 0 && nodes.size() > 2) {
      warnings.add(
          K.error(params, "with no ping-req members, one lost ping or ack fails a probe")
              .getMessage());
    }
    builder.periodNanos(period).probeTimeoutNanos(pingTimeout).indirectChecks(k);
    readSuspicionAndGossip(params, builder);
    builder.lifeguard(readLifeguard(LIFEGUARD.object(params)));
    SwimConfig config = SwimBug.plant(builder.build(), readBugs(params));
    MembershipBounds bounds = readBounds(params, config, warnings);
    params.finish();
    return new Read(config, bounds, List.copyOf(warnings));
  }

  private static void readGroup(
      ParamReader params, List<NodeId> nodes, long runDurationNanos, SwimConfig.Builder builder) {
    TreeMap<NodeId, Long> joins = new TreeMap<>();
    for (ParamReader join : JOINS.objects(params)) {
      NodeId node = JOIN_NODE.node(join);
      long at = timeWithinRun(join, JOIN_AT, runDurationNanos);
      if (joins.put(node, at) != null) {
        throw JOIN_NODE.error(join, node + " joins twice");
      }
      join.finish();
    }
    if (joins.size() == nodes.size()) {
      throw JOINS.error(params, "every member joins later: nobody is in the group to let them in");
    }
    TreeMap<NodeId, Long> leaves = new TreeMap<>();
    for (ParamReader leave : LEAVES.objects(params)) {
      NodeId node = LEAVE_NODE.node(leave);
      long at = timeWithinRun(leave, LEAVE_AT, runDurationNanos);
      if (leaves.put(node, at) != null) {
        throw LEAVE_NODE.error(leave, node + " leaves twice");
      }
      if (joins.containsKey(node) && joins.get(node) >= at) {
        throw LEAVE_AT.error(leave, node + " leaves before it joins");
      }
      leave.finish();
    }
    builder.joins(joins).leaves(leaves);
    List<NodeId> initial = nodes.stream().filter(node -> !joins.containsKey(node)).toList();
    builder.seeds(SEEDS.nodes(params, List.of(initial.getFirst())));
  }

  private static long timeWithinRun(ParamReader reader, Parameter at, long runDurationNanos) {
    long nanos = at.durationNanos(reader, -1);
    if (nanos < 0) {
      throw at.error(reader, "is required");
    }
    if (nanos > runDurationNanos) {
      throw at.error(
          reader, "after the end of the run (" + Durations.format(runDurationNanos) + ")");
    }
    return nanos;
  }

  private static void readSuspicionAndGossip(ParamReader params, SwimConfig.Builder builder) {
    builder
        .suspicion(SUSPICION.bool(params))
        .suspicionMult((int) SUSPICION_MULT.integer(params))
        .suspicionMaxTimeoutMult((int) SUSPICION_MAX_TIMEOUT_MULT.integer(params))
        .retransmitMult((int) RETRANSMIT_MULT.integer(params))
        .maxUpdatesPerMessage((int) MAX_UPDATES_PER_MESSAGE.integer(params))
        .maxQueuedUpdates((int) MAX_QUEUED_UPDATES.integer(params))
        .maxPendingRelays((int) MAX_PENDING_RELAYS.integer(params))
        .probeOrder(readProbeOrder(params))
        .staggerStart(STAGGER_START.bool(params))
        .reconnectIntervalNanos(RECONNECT_INTERVAL.durationNanos(params))
        .joinRetryNanos(positive(params, JOIN_RETRY, JOIN_RETRY.durationNanos(params)));
  }

  private static ProbeOrder readProbeOrder(ParamReader params) {
    String label = PROBE_ORDER.choice(params);
    return Arrays.stream(ProbeOrder.values())
        .filter(order -> order.label().equals(label))
        .findFirst()
        .orElseThrow();
  }

  private static Lifeguard readLifeguard(ParamReader lifeguard) {
    Lifeguard read =
        new Lifeguard(
            LOCAL_HEALTH.bool(lifeguard),
            (int) AWARENESS_MAX.integer(lifeguard),
            DYNAMIC_SUSPICION.bool(lifeguard),
            BUDDY_SYSTEM.bool(lifeguard));
    lifeguard.finish();
    return read;
  }

  private static List<SwimBug> readBugs(ParamReader params) {
    EnumSet<SwimBug> bugs = EnumSet.noneOf(SwimBug.class);
    for (String label : BUGS.choices(params)) {
      bugs.add(SwimBug.valueOf(label.toUpperCase(Locale.ROOT)));
    }
    long ruleBugs = bugs.stream().filter(SwimBug::replacesMergeRules).count();
    if (ruleBugs > 1) {
      throw BUGS.error(params, "plant one merge-rule bug at a time; each replaces the same rules");
    }
    return List.copyOf(bugs);
  }

  private static MembershipBounds readBounds(
      ParamReader params, SwimConfig config, List<String> warnings) {
    MembershipBounds defaults = SwimInvariants.defaultBounds(config);
    long within =
        positive(
            params,
            COMPLETENESS_WITHIN,
            COMPLETENESS_WITHIN.durationNanos(params, defaults.completenessNanos()));
    int n = config.members().size();
    long least = config.longestSuspicionNanos(n) + 2 * config.longestPeriodNanos();
    if (within < least) {
      warnings.add(
          COMPLETENESS_WITHIN
              .error(
                  params,
                  "shorter than a suspicion plus two periods ("
                      + Durations.format(least)
                      + "): even a crash detected at once would miss it")
              .getMessage());
    }
    return new MembershipBounds(within, defaults.explainWindowNanos());
  }

  private static long positive(ParamReader params, Parameter parameter, long nanos) {
    if (nanos <= 0) {
      throw parameter.error(params, "must be longer than 0s");
    }
    return nanos;
  }
}
