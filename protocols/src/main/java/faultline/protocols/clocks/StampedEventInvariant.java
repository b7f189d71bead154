package faultline.protocols.clocks;

import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.node.NodeId;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/** An invariant judged at each stamped event of a replica, against the ground truth. */
abstract class StampedEventInvariant implements Invariant {
  private final String name;
  private final String description;
  final StampLog log;

  /** {@code judges} says which events carry the clock this invariant is about. */
  StampedEventInvariant(String name, String description, Predicate<ClockStamps> judges) {
    this.name = name;
    this.description = description;
    this.log = new StampLog(judges);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final void afterEvent(InvariantContext context) {
    log.observe(context).ifPresent(event -> check(context, event));
  }

  abstract void check(InvariantContext context, StampLog.New event);

  /** A causal predecessor of an event, at {@code node}, whose stamps the event fails to exceed. */
  record Predecessor(NodeId node, StampLog.Entry entry) {}

  /**
   * The first node whose latest event that happened before {@code event} is not ordered before it
   * by {@code ordered(before, after)}; null when every predecessor is.
   */
  final Predecessor firstUnorderedPredecessor(
      InvariantContext context, StampLog.New event, BiPredicate<ClockStamps, ClockStamps> ordered) {
    for (NodeId other : context.nodes()) {
      StampLog.Entry before = log.latestBefore(other, event);
      if (before != null && !ordered.test(before.stamps(), event.entry().stamps())) {
        return new Predecessor(other, before);
      }
    }
    return null;
  }
}
