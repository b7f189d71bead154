package faultline.protocols.clocks;

import faultline.engine.Check;

/**
 * A Lamport logical clock: Lamport, "Time, Clocks, and the Ordering of Events in a Distributed
 * System" (CACM 21(7), 1978), section "Logical Clocks".
 *
 * <p>The paper's implementation rules are {@link #tick()} for IR1 ("each process increments its
 * clock between any two successive events", which includes sending a message, whose timestamp is
 * the clock after the tick) and {@link #receive} for IR2 (on receipt, set the clock to more than
 * both its own value and the message's timestamp). Together they uphold the <em>Clock
 * Condition</em>: if event a happened before event b, then C(a) &lt; C(b). The converse does not
 * hold: a smaller time says nothing about causality; use {@link VectorClock} for that.
 *
 * <p>Values are immutable; each rule returns a new clock. The paper's total order (breaking ties by
 * process name) is the caller's business, since a clock does not know its owner.
 *
 * @param time the number of the latest event, starting at 0 before any event
 */
public record LamportClock(long time) implements Comparable<LamportClock> {
  private static final LamportClock ZERO = new LamportClock(0);

  public LamportClock {
    Check.argument(time >= 0, "a Lamport time is never negative: %s", time);
  }

  /** The clock of a process that has had no event yet. */
  public static LamportClock zero() {
    return ZERO;
  }

  /** IR1: the clock after a local or send event, one more than before. */
  public LamportClock tick() {
    Check.state(time < Long.MAX_VALUE, "Lamport time overflow at %s", time);
    return new LamportClock(time + 1);
  }

  /** IR2 then IR1: the clock after receiving a message stamped {@code remote}. */
  public LamportClock receive(LamportClock remote) {
    return new LamportClock(Math.max(time, remote.time)).tick();
  }

  /** True when this clock is strictly earlier; necessary, not sufficient, for happened-before. */
  public boolean isBefore(LamportClock other) {
    return time < other.time;
  }

  @Override
  public int compareTo(LamportClock other) {
    return Long.compare(time, other.time);
  }

  @Override
  public String toString() {
    return "Lamport(" + time + ")";
  }
}
