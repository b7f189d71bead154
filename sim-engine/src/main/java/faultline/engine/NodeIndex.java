package faultline.engine;

import faultline.engine.node.NodeId;
import java.util.List;

/**
 * The run's node ids and their indices in the sorted node list, built once and only looked up: an
 * open-addressing table probed by the name's hash (which {@code String} caches) and compared by
 * identity before equality, since nearly every id the engine is asked about is its own object (a
 * step's node, a peer from {@code peers()}, a delivery's sender).
 *
 * <p>It replaces a {@code HashMap} that the engine asked on every send (the recipient) and after
 * every server step (the stepped node, for Raft's invariants): there {@code getNode}'s calls of
 * {@code hashCode} and {@code equals} are shared with every other key type of the run, too many for
 * the compiler to inline, while here both are {@link NodeId}'s own.
 */
final class NodeIndex {
  private final NodeId[] ids; // By table position; null where empty.
  private final int[] indices; // The node index of ids[i].
  private final int mask;

  /** Indexes {@code ids} by their positions in the list; they must be distinct. */
  NodeIndex(List<NodeId> ids) {
    // At most half full, so that a miss ends at an empty position after a probe or two.
    int capacity = Integer.highestOneBit(Math.max(1, ids.size()) * 4 - 1);
    this.ids = new NodeId[capacity];
    this.indices = new int[capacity];
    this.mask = capacity - 1;
    for (int index = 0; index < ids.size(); index++) {
      NodeId id = ids.get(index);
      Check.argument(id != null, "a node id is null");
      int position = firstPosition(id);
      while (this.ids[position] != null) {
        Check.argument(!this.ids[position].equals(id), "node %s is listed twice", id);
        position = (position + 1) & mask;
      }
      this.ids[position] = id;
      this.indices[position] = index;
    }
  }

  /** The index of node {@code id}, or -1 when the run has no such node (or {@code id} is null). */
  int indexOf(NodeId id) {
    if (id == null) {
      return -1;
    }
    for (int position = firstPosition(id); ; position = (position + 1) & mask) {
      NodeId held = ids[position];
      if (held == id) {
        return indices[position];
      }
      if (held == null) {
        return -1;
      }
      if (held.equals(id)) {
        return indices[position];
      }
    }
  }

  private int firstPosition(NodeId id) {
    int hash = id.name().hashCode();
    return (hash ^ (hash >>> 16)) & mask; // As HashMap spreads it: names differ in the low bits.
  }
}
