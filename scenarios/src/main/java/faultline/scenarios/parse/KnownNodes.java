package faultline.scenarios.parse;

import faultline.engine.node.NodeId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The scenario's nodes, for checking every node name a scenario mentions. */
final class KnownNodes {
  /** The names {@link NodeId} accepts, checked here so that a bad name is a located error. */
  static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

  private final SortedSet<NodeId> nodes;

  KnownNodes(Collection<NodeId> nodes) {
    this.nodes = new TreeSet<>(nodes);
  }

  /** The node named by a string value, which must be one of the scenario's nodes. */
  NodeId node(Cursor value) {
    String name = value.text();
    NodeId id = find(name);
    if (id == null) {
      throw value.error(unknown(name));
    }
    return id;
  }

  /** The node called {@code name}, or null if there is none. */
  NodeId find(String name) {
    NodeId id = NAME.matcher(name).matches() ? NodeId.of(name) : null;
    return id != null && nodes.contains(id) ? id : null;
  }

  String unknown(String name) {
    return "unknown node " + Messages.quote(name) + " (nodes: " + Messages.list(nodes) + ")";
  }

  /** An array of node names, each known, none twice. */
  List<NodeId> distinctNodes(Cursor array) {
    Set<NodeId> seen = new LinkedHashSet<>();
    for (Cursor element : array.elements()) {
      NodeId id = node(element);
      if (!seen.add(id)) {
        throw element.error("node " + Messages.quote(id.name()) + " is listed twice");
      }
    }
    return List.copyOf(seen);
  }
}
