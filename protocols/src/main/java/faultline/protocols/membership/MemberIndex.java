package faultline.protocols.membership;

import faultline.engine.lookup.LookupMap;
import faultline.engine.node.NodeId;
import java.util.List;

/**
 * The members of a group in id order, each with its position, so that per-member state can live in
 * arrays instead of maps keyed by node (a member of a 1,000-member group holds 1,000 entries). Made
 * once per run and shared by every node; immutable.
 */
public final class MemberIndex {
  private final List<NodeId> ids;
  private final LookupMap<NodeId, Integer> positions = new LookupMap<>();

  private MemberIndex(List<NodeId> ids) {
    this.ids = ids.stream().sorted().distinct().toList();
    for (int i = 0; i < this.ids.size(); i++) {
      positions.put(this.ids.get(i), i);
    }
  }

  public static MemberIndex of(List<NodeId> ids) {
    return new MemberIndex(ids);
  }

  public int size() {
    return ids.size();
  }

  /** The members, sorted. */
  public List<NodeId> ids() {
    return ids;
  }

  public NodeId id(int position) {
    return ids.get(position);
  }

  /** The position of {@code id}, or -1 when it is not a member. */
  public int positionOf(NodeId id) {
    Integer position = positions.get(id);
    return position == null ? -1 : position;
  }

  public boolean contains(NodeId id) {
    return positions.containsKey(id);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MemberIndex index && index.ids.equals(ids);
  }

  @Override
  public int hashCode() {
    return ids.hashCode();
  }

  @Override
  public String toString() {
    return ids.toString();
  }
}
