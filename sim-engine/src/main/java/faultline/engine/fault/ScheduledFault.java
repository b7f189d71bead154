package faultline.engine.fault;

import faultline.engine.Check;

/** A fault and the true time at which it happens. */
public record ScheduledFault(long atNanos, Fault fault) {
  public ScheduledFault {
    Check.argument(atNanos >= 0, "a fault cannot happen before the run starts: %s", atNanos);
    Check.argument(fault != null, "fault is required");
  }
}
