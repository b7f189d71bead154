package faultline.protocols.swim;

import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.check.Step;
import faultline.engine.node.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an invariant sees after one step of a hand-driven SWIM member: that member, and nothing else
 * of the run. Failures are recorded instead of stopping anything.
 */
final class StepView implements InvariantContext {
  final List<String> failures = new ArrayList<>();
  private NodeId stepped;
  private SwimNode node;

  /** Shows {@code invariant} the step {@code node} (at {@code id}) has just taken. */
  void show(Invariant invariant, NodeId id, SwimNode node) {
    this.stepped = id;
    this.node = node;
    invariant.afterEvent(this);
  }

  @Override
  public long nowNanos() {
    return 0;
  }

  @Override
  public Optional<Step> lastStep() {
    return Optional.of(Step.of(stepped, Step.Kind.MESSAGE, null, null, null, null));
  }

  @Override
  public List<NodeId> nodes() {
    return List.of(stepped);
  }

  @Override
  public <N> Optional<N> node(NodeId id, Class<N> type) {
    return id.equals(stepped) && type.isInstance(node)
        ? Optional.of(type.cast(node))
        : Optional.empty();
  }

  @Override
  public boolean isUp(NodeId id) {
    return id.equals(stepped);
  }

  @Override
  public long wallClockNanos(NodeId id) {
    return 0;
  }

  @Override
  public long monotonicNanos(NodeId id) {
    return 0;
  }

  @Override
  public void fail(NodeId node, String message) {
    failures.add(message);
  }

  @Override
  public void undecided(String message) {
    throw new AssertionError("the SWIM checks never leave anything undecided: " + message);
  }

  @Override
  public void count(String name, long delta) {}

  @Override
  public void recordMax(String name, long value) {}
}
