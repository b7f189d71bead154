package faultline.scenarios.parse;

import faultline.engine.net.Latency;
import faultline.engine.net.LinkPolicy;
import faultline.engine.node.NodeId;
import faultline.scenarios.model.LinkOverride;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads {@code network}, its {@code links}, and the link settings that {@code link} faults use. */
final class NetworkReader {
  static final List<String> POLICY_FIELDS =
      List.of("latency", "loss", "duplicate", "reorder", "fifo");
  private static final List<String> NETWORK_FIELDS = concat(POLICY_FIELDS, List.of("links"));
  private static final List<String> LINK_FIELDS = concat(List.of("from", "to"), POLICY_FIELDS);

  /** The fields of each latency distribution, in the order the README gives them. */
  private static final Map<String, List<String>> DISTRIBUTIONS = distributions();

  private static final List<String> LATENCY_FIELDS =
      List.of("distribution", "value", "min", "max", "mean", "stddev");

  private NetworkReader() {}

  /** The network's default link policy ({@link LinkPolicy#defaults()} where unset). */
  static LinkPolicy network(Cursor network) {
    if (!network.present()) {
      return LinkPolicy.defaults();
    }
    network.expectObject().onlyFields(NETWORK_FIELDS);
    return policy(network, LinkPolicy.defaults());
  }

  /** The {@code network.links} overrides, each starting from the network's policy. */
  static List<LinkOverride> links(Cursor links, LinkPolicy network, KnownNodes nodes) {
    if (!links.present()) {
      return List.of();
    }
    List<LinkOverride> overrides = new ArrayList<>();
    Map<List<NodeId>, String> seen = new HashMap<>();
    for (Cursor link : links.elements()) {
      link.expectObject().onlyFields(LINK_FIELDS);
      NodeId from = nodes.node(link.required("from"));
      NodeId to = nodes.node(link.required("to"));
      requireDifferent(link.field("to"), from, to);
      if (POLICY_FIELDS.stream().noneMatch(field -> link.field(field).present())) {
        throw link.error("a link override needs at least one of " + Messages.list(POLICY_FIELDS));
      }
      String earlier = seen.putIfAbsent(List.of(from, to), link.path());
      if (earlier != null) {
        throw link.error("the link " + from + " -> " + to + " is already overridden at " + earlier);
      }
      overrides.add(new LinkOverride(from, to, policy(link, network)));
    }
    return List.copyOf(overrides);
  }

  /** {@code base} with every policy field that {@code object} sets. */
  static LinkPolicy policy(Cursor object, LinkPolicy base) {
    LinkPolicy policy = base;
    if (object.field("latency").present()) {
      policy = policy.withLatency(latency(object.field("latency")));
    }
    if (object.field("loss").present()) {
      policy = policy.withLoss(object.field("loss").probability());
    }
    if (object.field("duplicate").present()) {
      policy = policy.withDuplicate(object.field("duplicate").probability());
    }
    if (object.field("reorder").present()) {
      policy = policy.withReorder(object.field("reorder").probability());
    }
    if (object.field("fifo").present()) {
      policy = policy.withFifo(object.field("fifo").bool());
    }
    return policy;
  }

  static void requireDifferent(Cursor toField, NodeId from, NodeId to) {
    if (from.equals(to)) {
      throw toField.error("a link joins two different nodes, but from and to are both " + to);
    }
  }

  /** {@code "5ms"}, {@code "1ms..10ms"}, or an object naming a distribution. */
  static Latency latency(Cursor value) {
    if (value.node().isTextual()) {
      String text = value.text();
      int dots = text.indexOf("..");
      if (dots < 0) {
        long nanos = value.durationNanos();
        return value.build(() -> Latency.constant(nanos));
      }
      long minNanos = part(value, text.substring(0, dots));
      long maxNanos = part(value, text.substring(dots + 2));
      requireOrdered(value, "the range", minNanos, maxNanos);
      return value.build(() -> Latency.uniform(minNanos, maxNanos));
    }
    if (!value.node().isObject()) {
      throw value.error(
          "expected a latency: a duration like \"5ms\", a range like \"1ms..10ms\", "
              + "or an object with a \"distribution\", got "
              + value.describe());
    }
    value.onlyFields(LATENCY_FIELDS);
    Cursor kind = value.required("distribution");
    String distribution = kind.text();
    List<String> fields = DISTRIBUTIONS.get(distribution);
    if (fields == null) {
      throw kind.error(
          "unknown distribution "
              + Messages.quote(distribution)
              + Messages.didYouMean(distribution, DISTRIBUTIONS.keySet())
              + " (known: "
              + Messages.list(DISTRIBUTIONS.keySet())
              + ")");
    }
    for (String name : value.fieldNames()) {
      if (!name.equals("distribution") && !fields.contains(name)) {
        throw value
            .field(name)
            .nameError(
                "field "
                    + Messages.quote(name)
                    + " does not apply to a "
                    + distribution
                    + " latency (it takes "
                    + Messages.list(fields)
                    + ")");
      }
    }
    return distribution(value, distribution);
  }

  private static Latency distribution(Cursor value, String distribution) {
    return switch (distribution) {
      case "constant" -> {
        long nanos = value.required("value").durationNanos();
        yield value.build(() -> Latency.constant(nanos));
      }
      case "uniform" -> {
        long minNanos = value.required("min").durationNanos();
        long maxNanos = value.required("max").durationNanos();
        requireOrdered(value.field("max"), "max", minNanos, maxNanos);
        yield value.build(() -> Latency.uniform(minNanos, maxNanos));
      }
      case "exponential" -> exponential(value);
      case "normal" -> normal(value);
      default -> throw new AssertionError("checked above: " + distribution);
    };
  }

  /** {@code min} plus an exponential tail; {@code mean} is the mean before the cap at max. */
  private static Latency exponential(Cursor value) {
    long minNanos = optionalDuration(value.field("min"));
    long meanNanos = value.required("mean").durationNanos();
    long maxNanos = value.required("max").durationNanos();
    if (meanNanos <= minNanos) {
      throw value.field("mean").error("the mean must be greater than min (" + show(minNanos) + ")");
    }
    if (meanNanos > maxNanos) {
      throw value.field("max").error("max must be at least the mean (" + show(meanNanos) + ")");
    }
    return value.build(() -> new Latency.Exponential(minNanos, meanNanos - minNanos, maxNanos));
  }

  private static Latency normal(Cursor value) {
    long meanNanos = value.required("mean").durationNanos();
    long stddevNanos = value.required("stddev").durationNanos();
    long minNanos = optionalDuration(value.field("min"));
    long maxNanos = value.required("max").durationNanos();
    if (meanNanos < minNanos) {
      throw value.field("mean").error("the mean must be at least min (" + show(minNanos) + ")");
    }
    if (maxNanos < meanNanos) {
      throw value.field("max").error("max must be at least the mean (" + show(meanNanos) + ")");
    }
    return value.build(() -> new Latency.Normal(meanNanos, stddevNanos, minNanos, maxNanos));
  }

  private static long optionalDuration(Cursor value) {
    return value.present() ? value.durationNanos() : 0;
  }

  private static long part(Cursor value, String text) {
    try {
      return value.bounded(Durations.parse(text));
    } catch (IllegalArgumentException e) {
      throw value.error("in the range " + Messages.quote(value.text()) + ": " + e.getMessage());
    }
  }

  private static void requireOrdered(Cursor at, String what, long minNanos, long maxNanos) {
    if (maxNanos < minNanos) {
      throw at.error(what + " ends before it starts: " + show(minNanos) + " > " + show(maxNanos));
    }
  }

  private static String show(long nanos) {
    return Durations.format(nanos);
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }

  private static Map<String, List<String>> distributions() {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("constant", List.of("value"));
    fields.put("uniform", List.of("min", "max"));
    fields.put("exponential", List.of("min", "mean", "max"));
    fields.put("normal", List.of("mean", "stddev", "min", "max"));
    return Collections.unmodifiableMap(fields);
  }
}
