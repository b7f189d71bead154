package faultline.protocols.register;

import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;

/** An invariant judged at each stamped event of a replica, against the ground truth. */
abstract class StampedEventInvariant implements Invariant {
  private final String name;
  private final String description;
  final StampLog log = new StampLog();

  StampedEventInvariant(String name, String description) {
    this.name = name;
    this.description = description;
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
}
