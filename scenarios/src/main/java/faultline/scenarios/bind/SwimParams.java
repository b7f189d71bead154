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
 * Reads the {@code swim} protocol's parameters strictly, and says which legal settings are unwise.
 * Every default comes from {@link SwimConfig#builder}; see {@link SwimBinding} for the list.
 */
public final class SwimParams {
  private SwimParams() {}

  /** The configuration, the bounds its checks judge by, and the warnings it deserves. */
  public record Read(SwimConfig config, MembershipBounds bounds, List<String> warnings) {}

  public static Read read(ParamReader params, List<NodeId> nodes, long runDurationNanos) {
    List<String> warnings = new ArrayList<>();
    SwimConfig defaults = SwimConfig.defaults(nodes);
    SwimConfig.Builder builder = defaults.toBuilder();
    readGroup(params, nodes, runDurationNanos, builder);
    long period = params.durationNanos("period", defaults.periodNanos());
    if (period <= 0) {
      throw params.error("period", "must be longer than 0s");
    }
    long pingTimeout =
        params.durationNanos("pingTimeout", Math.min(defaults.probeTimeoutNanos(), period / 2));
    if (pingTimeout <= 0 || pingTimeout >= period) {
      throw params.error(
          "pingTimeout",
          "must be longer than 0s and shorter than the period ("
              + Durations.format(period)
              + "), which has to leave time for the indirect probes");
    }
    if (pingTimeout * 2 > period) {
      warnings.add(
          params
              .error(
                  "pingTimeout",
                  "a ping timeout over half the period leaves the ping-req members less time than"
                      + " the direct ping had; a period is judged at its end")
              .getMessage());
    }
    int k = (int) params.integer("k", defaults.indirectChecks(), 0, 1000);
    if (k > nodes.size() - 2) {
      throw params.error(
          "k",
          "k = "
              + k
              + " ping-req members need at least "
              + (k + 2)
              + " members (the prober, the target and k others); this group has "
              + nodes.size());
    }
    if (k == 0 && nodes.size() > 2) {
      warnings.add(
          params
              .error("k", "with no ping-req members, one lost ping or ack fails a probe")
              .getMessage());
    }
    builder.periodNanos(period).probeTimeoutNanos(pingTimeout).indirectChecks(k);
    readSuspicionAndGossip(params, defaults, builder);
    builder.lifeguard(readLifeguard(params.object("lifeguard"), defaults.lifeguard()));
    SwimConfig config = SwimBug.plant(builder.build(), readBugs(params));
    MembershipBounds bounds = readBounds(params, config, warnings);
    params.finish();
    return new Read(config, bounds, List.copyOf(warnings));
  }

  private static void readGroup(
      ParamReader params, List<NodeId> nodes, long runDurationNanos, SwimConfig.Builder builder) {
    TreeMap<NodeId, Long> joins = new TreeMap<>();
    for (ParamReader join : params.objects("joins")) {
      NodeId node = join.node("node");
      long at = timeWithinRun(join, "at", runDurationNanos);
      if (joins.put(node, at) != null) {
        throw join.error("node", node + " joins twice");
      }
      join.finish();
    }
    if (joins.size() == nodes.size()) {
      throw params.error(
          "joins", "every member joins later: nobody is in the group to let them in");
    }
    TreeMap<NodeId, Long> leaves = new TreeMap<>();
    for (ParamReader leave : params.objects("leaves")) {
      NodeId node = leave.node("node");
      long at = timeWithinRun(leave, "at", runDurationNanos);
      if (leaves.put(node, at) != null) {
        throw leave.error("node", node + " leaves twice");
      }
      if (joins.containsKey(node) && joins.get(node) >= at) {
        throw leave.error("at", node + " leaves before it joins");
      }
      leave.finish();
    }
    builder.joins(joins).leaves(leaves);
    List<NodeId> initial = nodes.stream().filter(node -> !joins.containsKey(node)).toList();
    builder.seeds(params.nodes("seeds", List.of(initial.getFirst())));
  }

  private static long timeWithinRun(ParamReader reader, String field, long runDurationNanos) {
    long at = reader.durationNanos(field, -1);
    if (at < 0) {
      throw reader.error(field, "is required");
    }
    if (at > runDurationNanos) {
      throw reader.error(
          field, "after the end of the run (" + Durations.format(runDurationNanos) + ")");
    }
    return at;
  }

  private static void readSuspicionAndGossip(
      ParamReader params, SwimConfig defaults, SwimConfig.Builder builder) {
    builder
        .suspicion(params.bool("suspicion", defaults.suspicion()))
        .suspicionMult((int) params.integer("suspicionMult", defaults.suspicionMult(), 1, 1000))
        .suspicionMaxTimeoutMult(
            (int)
                params.integer(
                    "suspicionMaxTimeoutMult", defaults.suspicionMaxTimeoutMult(), 1, 1000))
        .retransmitMult((int) params.integer("retransmitMult", defaults.retransmitMult(), 1, 1000))
        .maxUpdatesPerMessage(
            (int)
                params.integer("maxUpdatesPerMessage", defaults.maxUpdatesPerMessage(), 1, 10_000))
        .maxQueuedUpdates(
            (int) params.integer("maxQueuedUpdates", defaults.maxQueuedUpdates(), 1, 1_000_000))
        .maxPendingRelays(
            (int) params.integer("maxPendingRelays", defaults.maxPendingRelays(), 1, 1_000_000))
        .probeOrder(readProbeOrder(params, defaults.probeOrder()))
        .staggerStart(params.bool("staggerStart", defaults.staggerStart()))
        .reconnectIntervalNanos(
            params.durationNanos("reconnectInterval", defaults.reconnectIntervalNanos()))
        .joinRetryNanos(positive(params, "joinRetry", defaults.joinRetryNanos()));
  }

  private static ProbeOrder readProbeOrder(ParamReader params, ProbeOrder fallback) {
    List<String> labels = Arrays.stream(ProbeOrder.values()).map(ProbeOrder::label).toList();
    String label = params.choice("probeOrder", fallback.label(), labels);
    return ProbeOrder.values()[labels.indexOf(label)];
  }

  private static Lifeguard readLifeguard(ParamReader lifeguard, Lifeguard fallback) {
    Lifeguard read =
        new Lifeguard(
            lifeguard.bool("localHealth", fallback.localHealth()),
            (int) lifeguard.integer("awarenessMax", fallback.awarenessMax(), 1, 64),
            lifeguard.bool("dynamicSuspicion", fallback.dynamicSuspicion()),
            lifeguard.bool("buddySystem", fallback.buddySystem()));
    lifeguard.finish();
    return read;
  }

  private static List<SwimBug> readBugs(ParamReader params) {
    List<String> labels = Arrays.stream(SwimBug.values()).map(SwimBug::label).toList();
    EnumSet<SwimBug> bugs = EnumSet.noneOf(SwimBug.class);
    for (String label : params.strings("bugs", labels)) {
      bugs.add(SwimBug.valueOf(label.toUpperCase(Locale.ROOT)));
    }
    long ruleBugs = bugs.stream().filter(SwimBug::replacesMergeRules).count();
    if (ruleBugs > 1) {
      throw params.error(
          "bugs", "plant one merge-rule bug at a time; each replaces the same rules");
    }
    return List.copyOf(bugs);
  }

  private static MembershipBounds readBounds(
      ParamReader params, SwimConfig config, List<String> warnings) {
    MembershipBounds defaults = SwimInvariants.defaultBounds(config);
    long within = positive(params, "completenessWithin", defaults.completenessNanos());
    int n = config.members().size();
    long least = config.longestSuspicionNanos(n) + 2 * config.longestPeriodNanos();
    if (within < least) {
      warnings.add(
          params
              .error(
                  "completenessWithin",
                  "shorter than a suspicion plus two periods ("
                      + Durations.format(least)
                      + "): even a crash detected at once would miss it")
              .getMessage());
    }
    return new MembershipBounds(within, defaults.explainWindowNanos());
  }

  private static long positive(ParamReader params, String field, long defaultNanos) {
    long nanos = params.durationNanos(field, defaultNanos);
    if (nanos <= 0) {
      throw params.error(field, "must be longer than 0s");
    }
    return nanos;
  }
}
