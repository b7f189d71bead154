package faultline.scenarios.bind;

import static faultline.engine.time.Nanos.SECOND;

import faultline.engine.node.NodeId;
import faultline.protocols.leases.LeaseElectionConfig;
import faultline.protocols.locks.ExpiryClock;
import faultline.protocols.locks.Fencing;
import faultline.protocols.locks.LockBug;
import faultline.protocols.locks.LockServiceConfig;
import faultline.scenarios.parse.ParamReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The parameters the lock bindings share (lock-service, lease-election, and the exercises built on
 * them), declared in each one's table and read alike, strictly; and the checks of nodes' roles that
 * the lock bindings share.
 */
public final class LockParams {
  private LockParams() {}

  /** The lock service's node and the storage resource's node, each given its role. */
  record ServiceAndResource(NodeId service, NodeId resource) {}

  /** {@code service} and {@code resource}, declared in a binding's table. */
  public record NodeParameters(Parameter service, Parameter resource) {
    public static NodeParameters declare(Parameters table) {
      return new NodeParameters(
          table.node("service", "the node that runs the lock service"),
          table.node("resource", "the node that runs the storage the lock protects"));
    }

    /** Reads {@code service} and {@code resource} and records their roles in {@code roles}. */
    ServiceAndResource read(ParamReader params, TreeMap<NodeId, String> roles) {
      NodeId serviceNode = service.node(params);
      assign(params, service.name(), roles, serviceNode, "lock service");
      NodeId resourceNode = resource.node(params);
      assign(params, resource.name(), roles, resourceNode, "storage resource");
      return new ServiceAndResource(serviceNode, resourceNode);
    }
  }

  /** {@code expiryClock}, {@code firstToken}, {@code fencing} and {@code bugs}. */
  record ServiceParameters(
      Parameter expiryClock, Parameter firstToken, Parameter fencing, Parameter bugs) {
    static ServiceParameters declare(Parameters table) {
      return new ServiceParameters(
          table.choice(
              "expiryClock",
              "monotonic",
              List.of("monotonic", "wall", "requester-wall"),
              "the clock by which the service judges that a lease is over: its own monotonic or"
                  + " wall clock, or the wall-clock time the requester sent"),
          table.integer(
              "firstToken",
              1,
              1,
              LockServiceConfig.FIRST_TOKEN_MAX,
              "the fencing token of the first grant; each later grant's is one higher"),
          table.choice(
              "fencing",
              "off",
              List.of("off", "reject-below-highest", "reject-at-or-below-highest"),
              "what the storage does with a write whose token is not above the highest it has"
                  + " seen"),
          table.choices(
              "bugs",
              names(LockBug.values()),
              "the bug zoo: planted mistakes the invariants must catch"));
    }

    LockServiceConfig read(ParamReader params) {
      ExpiryClock expiry = ExpiryClock.valueOf(constant(expiryClock.choice(params)));
      long first = firstToken.integer(params);
      Fencing fence = Fencing.valueOf(constant(fencing.choice(params)));
      EnumSet<LockBug> planted = EnumSet.noneOf(LockBug.class);
      for (String bug : bugs.choices(params)) {
        planted.add(LockBug.valueOf(constant(bug)));
      }
      return new LockServiceConfig(expiry, first, fence, planted);
    }
  }

  /**
   * The timings and candidates of a lease election ({@code renewEvery}, {@code workEvery}, {@code
   * campaignEvery}, {@code candidates} and each candidate's {@code node} and {@code campaignAt}),
   * declared in a binding's table. The lease itself is declared by each binding: its range differs.
   */
  public record ElectionParameters(
      Parameter renewEvery,
      Parameter workEvery,
      Parameter campaignEvery,
      Parameter candidates,
      Parameter candidateNode,
      Parameter campaignAt) {
    public static ElectionParameters declare(Parameters table, long workEveryNanos) {
      Parameter renewEvery =
          table.duration(
              "renewEvery",
              LeaseElectionConfig.DEFAULT_RENEW_EVERY_NANOS,
              "how often the leader renews; not longer than the lease");
      Parameter workEvery =
          table.duration("workEvery", workEveryNanos, "how often the leader writes to the storage");
      Parameter campaignEvery =
          table.duration(
              "campaignEvery",
              SECOND,
              "how often a candidate that is not leader asks for the lease");
      Parameter candidates = table.objects("candidates", "the candidates for leader; at least one");
      return new ElectionParameters(
          renewEvery,
          workEvery,
          campaignEvery,
          candidates,
          candidates.fields().node("node", "the candidate's node"),
          candidates.fields().duration("campaignAt", 0, "when it first asks for the lease"));
    }
  }

  /** A lease length, within the range the lock service accepts. */
  static long ttl(ParamReader reader, Parameter ttl) {
    long ttlNanos = ttl.durationNanos(reader);
    if (!LockServiceConfig.validTtl(ttlNanos)) {
      throw ttl.error(reader, "must be from 1ms to 24h");
    }
    return ttlNanos;
  }

  /** A duration that must be longer than zero. */
  static long positiveDuration(ParamReader reader, Parameter duration) {
    long nanos = duration.durationNanos(reader);
    if (nanos <= 0) {
      throw duration.error(reader, "must be longer than 0s");
    }
    return nanos;
  }

  /**
   * Checks that every scenario node has exactly one role, given the roles in the order they were
   * read; {@code field} is where an idle node is reported.
   */
  static void checkRoles(
      ParamReader params, String field, List<NodeId> nodes, TreeMap<NodeId, String> roles) {
    Set<NodeId> idle = new TreeSet<>(nodes);
    idle.removeAll(roles.keySet());
    if (!idle.isEmpty()) {
      throw params.error(
          field,
          "node "
              + idle.iterator().next()
              + " has no role here; give it one or remove it from"
              + " \"nodes\"");
    }
  }

  /** Records {@code node} as playing {@code role}, rejecting a node given two roles. */
  static void assign(
      ParamReader reader, String field, TreeMap<NodeId, String> roles, NodeId node, String role) {
    String previous = roles.putIfAbsent(node, role);
    if (previous != null) {
      throw reader.error(field, "node " + node + " is already the " + previous);
    }
  }

  static String constant(String choice) {
    return choice.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  static List<String> names(Enum<?>[] values) {
    List<String> names = new ArrayList<>();
    Arrays.stream(values).forEach(value -> names.add(value.name().toLowerCase(Locale.ROOT)));
    return names;
  }
}
