package faultline.engine.node;

/** Builds a node's initial volatile state, at boot and again after every restart. */
@FunctionalInterface
public interface NodeFactory {
  Node<? extends Message, ? extends TimerTag> create(NodeId id);
}
