package faultline.protocols.redlock;

import faultline.engine.node.TimerTag;

/** A Redlock client's deadlines. Stores expire keys lazily and set no timers. */
public enum RedlockTimer implements TimerTag {
  /** Time to try to acquire the lock (first try, or a retry after a random delay). */
  ACQUIRE_DUE,
  /** The per-attempt timeout: decide with the replies that have arrived. */
  REPLIES_DUE,
  /** The work under the lock is done: time to write the result. */
  WRITE_DUE
}
