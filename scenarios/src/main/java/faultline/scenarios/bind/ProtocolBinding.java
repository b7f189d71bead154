package faultline.scenarios.bind;

import faultline.engine.check.Eventually;
import faultline.engine.check.Invariant;
import faultline.engine.check.Sometimes;
import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.scenarios.model.Scenario;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Connects a protocol to scenario files: reads the protocol's {@code params} (strictly, through the
 * scenario's located reader) and builds the nodes and invariants of a run. Protocols stay free of
 * JSON; this is the only place their configuration meets a file.
 */
public interface ProtocolBinding {
  /** The name scenario files use in {@code "protocol"}. */
  String name();

  /** One line for {@code describe}. */
  String summary();

  /** Every invariant this protocol can check: name to one-sentence description, sorted. */
  SortedMap<String, String> invariants();

  /**
   * Every sometimes property this protocol declares (paths a sweep should reach at least once):
   * name to one-sentence description, sorted. None by default.
   */
  default SortedMap<String, String> sometimes() {
    return new TreeMap<>();
  }

  /**
   * Every eventually property this protocol declares (what must come about once the faults stop):
   * name to one-sentence description, sorted. None by default.
   */
  default SortedMap<String, String> eventually() {
    return new TreeMap<>();
  }

  /** Names and descriptions of sometimes properties, sorted by name. */
  static SortedMap<String, String> describeSometimes(List<? extends Sometimes> properties) {
    TreeMap<String, String> result = new TreeMap<>();
    properties.forEach(property -> result.put(property.name(), property.description()));
    return result;
  }

  /** Names and descriptions of eventually properties, sorted by name. */
  static SortedMap<String, String> describeEventually(List<? extends Eventually> properties) {
    TreeMap<String, String> result = new TreeMap<>();
    properties.forEach(property -> result.put(property.name(), property.description()));
    return result;
  }

  /**
   * Every field {@code params} may have, with its type, default and meaning: the table that {@link
   * #bind} reads through and {@code ./faultline protocols} prints. The contract test fails when
   * {@code bind} reads a field that is not in it, or reads one another way than declared.
   */
  default Parameters parameters() {
    return Parameters.none();
  }

  /**
   * Names and descriptions of {@code invariants}, sorted by name: what {@link #invariants()} gives.
   */
  static SortedMap<String, String> describe(List<Invariant> invariants) {
    TreeMap<String, String> result = new TreeMap<>();
    for (Invariant invariant : invariants) {
      result.put(invariant.name(), invariant.description());
    }
    return result;
  }

  /**
   * Reads {@code scenario.params()} and builds the run's nodes and invariants.
   *
   * @throws faultline.scenarios.parse.ScenarioException on a bad parameter
   */
  Setup bind(Scenario scenario);

  /**
   * Settings that are legal but unwise (say, an even-sized Raft cluster), each one located line
   * such as {@code file:line:column: params.servers: reason}. Shown before a run; never fatal.
   */
  default List<String> warnings(Scenario scenario) {
    return List.of();
  }

  /**
   * The nodes (by id, every scenario node) and all the protocol's invariants, sometimes and
   * eventually properties, fresh per run (they keep state).
   */
  record Setup(
      SortedMap<NodeId, NodeFactory> factories,
      List<Invariant> invariants,
      List<Sometimes> sometimes,
      List<Eventually> eventually) {
    /** A protocol that declares invariants only. */
    public Setup(SortedMap<NodeId, NodeFactory> factories, List<Invariant> invariants) {
      this(factories, invariants, List.of(), List.of());
    }
  }
}
