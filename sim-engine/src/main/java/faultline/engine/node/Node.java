package faultline.engine.node;

/**
 * A protocol participant: a sans-I/O state machine that handles one input at a time.
 *
 * <p>A handler never blocks, sleeps, spawns a thread or reads a clock; everything it does to the
 * world goes through its {@link NodeContext}, whose effects the engine applies after the handler
 * returns, so each step is atomic. Volatile state lives in fields and is lost when the node
 * crashes: on restart the engine builds a fresh instance from its {@link NodeFactory} and calls
 * {@link #onStart} again, and only what was written to {@link NodeContext#storage()} survives.
 *
 * @param <M> the messages this node exchanges
 * @param <T> the timers this node sets
 */
public interface Node<M extends Message, T extends TimerTag> {
  /** Called once when the node boots, at time zero or after a restart. */
  void onStart(NodeContext<M, T> context);

  void onMessage(NodeContext<M, T> context, NodeId from, M message);

  void onTimer(NodeContext<M, T> context, T timer);
}
