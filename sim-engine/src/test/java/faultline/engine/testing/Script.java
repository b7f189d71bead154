package faultline.engine.testing;

import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The behaviour of a {@link ScriptedNode}, written as lambdas by a test, and the record of every
 * instance the engine built from it (one per boot), so a test can tell lives apart.
 */
public final class Script {
  /** Handles the start of a life. */
  @FunctionalInterface
  public interface OnStart {
    void handle(ScriptedNode node, NodeContext<Text, Tag> context);
  }

  /** Handles a delivered message. */
  @FunctionalInterface
  public interface OnMessage {
    void handle(ScriptedNode node, NodeContext<Text, Tag> context, NodeId from, Text message);
  }

  /** Handles a fired timer. */
  @FunctionalInterface
  public interface OnTimer {
    void handle(ScriptedNode node, NodeContext<Text, Tag> context, Tag timer);
  }

  OnStart onStart = (node, context) -> {};
  OnMessage onMessage = (node, context, from, message) -> {};
  OnTimer onTimer = (node, context, timer) -> {};
  private final List<ScriptedNode> instances = new ArrayList<>();

  public Script onStart(OnStart handler) {
    this.onStart = handler;
    return this;
  }

  public Script onMessage(OnMessage handler) {
    this.onMessage = handler;
    return this;
  }

  public Script onTimer(OnTimer handler) {
    this.onTimer = handler;
    return this;
  }

  /** A factory that builds a fresh node on every boot and remembers it. */
  public NodeFactory factory() {
    return id -> {
      ScriptedNode node = new ScriptedNode(this, id);
      instances.add(node);
      return node;
    };
  }

  /** Every instance built so far, in boot order, across all nodes using this script. */
  public List<ScriptedNode> instances() {
    return instances;
  }

  /** The instances of one node, in boot order: one per life. */
  public List<ScriptedNode> lives(NodeId id) {
    return instances.stream().filter(node -> node.id().equals(id)).toList();
  }

  public Optional<ScriptedNode> latest(NodeId id) {
    List<ScriptedNode> lives = lives(id);
    return lives.isEmpty() ? Optional.empty() : Optional.of(lives.getLast());
  }
}
