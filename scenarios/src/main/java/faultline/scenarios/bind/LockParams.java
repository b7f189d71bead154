package faultline.scenarios.bind;

import faultline.engine.node.NodeId;
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

/** The parameters the lock-service and lease-election bindings share, read strictly. */
final class LockParams {
  private LockParams() {}

  /** The lock service's node and the storage resource's node, each given its role. */
  record ServiceAndResource(NodeId service, NodeId resource) {}

  /** Reads {@code service} and {@code resource} and records their roles in {@code roles}. */
  static ServiceAndResource readServiceAndResource(
      ParamReader params, TreeMap<NodeId, String> roles) {
    NodeId service = params.node("service");
    assign(params, "service", roles, service, "lock service");
    NodeId resource = params.node("resource");
    assign(params, "resource", roles, resource, "storage resource");
    return new ServiceAndResource(service, resource);
  }

  /** {@code "expiryClock"}, {@code "firstToken"}, {@code "fencing"} and {@code "bugs"}. */
  static LockServiceConfig readService(ParamReader params) {
    ExpiryClock expiryClock =
        ExpiryClock.valueOf(
            constant(
                params.choice(
                    "expiryClock", "monotonic", List.of("monotonic", "wall", "requester-wall"))));
    long firstToken = params.integer("firstToken", 1, 1, LockServiceConfig.FIRST_TOKEN_MAX);
    Fencing fencing =
        Fencing.valueOf(
            constant(
                params.choice(
                    "fencing",
                    "off",
                    List.of("off", "reject-below-highest", "reject-at-or-below-highest"))));
    EnumSet<LockBug> bugs = EnumSet.noneOf(LockBug.class);
    for (String bug : params.strings("bugs", names(LockBug.values()))) {
      bugs.add(LockBug.valueOf(constant(bug)));
    }
    return new LockServiceConfig(expiryClock, firstToken, fencing, bugs);
  }

  /** A lease length, within the range the lock service accepts. */
  static long ttl(ParamReader reader, String field, long defaultNanos) {
    long ttlNanos = reader.durationNanos(field, defaultNanos);
    if (!LockServiceConfig.validTtl(ttlNanos)) {
      throw reader.error(field, "must be from 1ms to 24h");
    }
    return ttlNanos;
  }

  /** A required duration. */
  static long requiredDuration(ParamReader reader, String field) {
    long nanos = reader.durationNanos(field, -1);
    if (nanos < 0) {
      throw reader.error(field, "is required");
    }
    return nanos;
  }

  /** A duration that must be longer than zero. */
  static long positiveDuration(ParamReader reader, String field, long defaultNanos) {
    long nanos = reader.durationNanos(field, defaultNanos);
    if (nanos <= 0) {
      throw reader.error(field, "must be longer than 0s");
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
