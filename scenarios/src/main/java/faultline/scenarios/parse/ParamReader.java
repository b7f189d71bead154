package faultline.scenarios.parse;

import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import java.util.List;
import java.util.Optional;

/**
 * Typed, located access to one JSON object of a scenario (a protocol's {@code params}, or a nested
 * object of it). Every getter validates and, on a bad value, throws a {@link ScenarioException}
 * naming the file, line:column and path. A binding reads the fields it knows, then calls {@link
 * #finish()}, which rejects any field it did not read (strictness: a typo is an error, not a
 * silently ignored setting).
 */
public interface ParamReader {
  /** The JSON path of this object, like {@code params} or {@code params.writes[0]}. */
  String path();

  boolean has(String field);

  String string(String field, String defaultValue);

  /** A string that must be one of {@code allowed} (named in the error otherwise). */
  String choice(String field, String defaultValue, List<String> allowed);

  /**
   * A list of strings, each one of {@code allowed} (named in the error otherwise), none twice;
   * empty when absent.
   */
  List<String> strings(String field, List<String> allowed);

  long integer(String field, long defaultValue, long min, long max);

  boolean bool(String field, boolean defaultValue);

  /** A duration string with a unit ({@code "150ms"}, {@code "2s"}, {@code "500us"}), >= 0. */
  long durationNanos(String field, long defaultNanos);

  /** A duration that may be negative ({@code "-150ms"}), for offsets and jumps. */
  long signedDurationNanos(String field, long defaultNanos);

  /** A probability: a JSON number in [0, 1], read exactly. */
  Ratio probability(String field, Ratio defaultValue);

  /** A node name that must be one of the scenario's nodes. */
  NodeId node(String field);

  Optional<NodeId> optionalNode(String field);

  /** A list of node names, each one of the scenario's nodes. */
  List<NodeId> nodes(String field, List<NodeId> defaultValue);

  /** The objects of an array field, each as a reader of its own (empty when absent). */
  List<ParamReader> objects(String field);

  /** A nested object (empty reader when absent). */
  ParamReader object(String field);

  /** A located error at a field of this object. */
  ScenarioException error(String field, String reason);

  /** Rejects fields that were never read, naming the closest known field when there is one. */
  void finish();
}
