package faultline.protocols.locks;

import faultline.engine.node.TimerTag;

/** A lock client's deadlines. The service and the resource set no timers. */
public enum LockTimer implements TimerTag {
  /** Time to ask for the lock (first try, or a retry after {@code Busy}). */
  ACQUIRE_DUE,
  /** The work under the lock is done: time to write the result. */
  WRITE_DUE
}
