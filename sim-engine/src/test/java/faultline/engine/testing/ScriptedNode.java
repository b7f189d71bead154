package faultline.engine.testing;

import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import java.util.ArrayList;
import java.util.List;

/**
 * A test node whose behaviour is a {@link Script}. Its {@link #inputs()} list is volatile state:
 * every input it handled in this life, with the node's monotonic clock reading at the time.
 */
public final class ScriptedNode implements Node<Text, Tag> {
  /** One handled input: {@code start}, {@code msg} (detail "from:text") or {@code timer}. */
  public record Input(String kind, String detail, long monotonicNanos) {
    @Override
    public String toString() {
      return kind + (detail.isEmpty() ? "" : ":" + detail);
    }
  }

  private final Script script;
  private final NodeId id;
  private final List<Input> inputs = new ArrayList<>();

  ScriptedNode(Script script, NodeId id) {
    this.script = script;
    this.id = id;
  }

  public NodeId id() {
    return id;
  }

  public List<Input> inputs() {
    return inputs;
  }

  /** The inputs as short strings such as {@code "msg:n1:hello"}, for readable assertions. */
  public List<String> log() {
    return inputs.stream().map(Input::toString).toList();
  }

  @Override
  public void onStart(NodeContext<Text, Tag> context) {
    inputs.add(new Input("start", "", context.monotonicNanos()));
    script.onStart.handle(this, context);
  }

  @Override
  public void onMessage(NodeContext<Text, Tag> context, NodeId from, Text message) {
    inputs.add(new Input("msg", from + ":" + message.text(), context.monotonicNanos()));
    script.onMessage.handle(this, context, from, message);
  }

  @Override
  public void onTimer(NodeContext<Text, Tag> context, Tag timer) {
    inputs.add(new Input("timer", timer.name(), context.monotonicNanos()));
    script.onTimer.handle(this, context, timer);
  }
}
