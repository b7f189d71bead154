package faultline.benchmarks.hold;

import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The hold model on MASON's {@link Schedule}: each {@code step} fires the events due at the
 * earliest time, and the fired agent schedules itself again with {@code scheduleOnce}. One agent
 * stands for every pending event (MASON allows an agent to be scheduled many times), so the
 * schedule's own keys are what is measured.
 */
final class MasonHold extends HoldEngine {
  private final SimState state = new SimState(1);
  private final Schedule schedule = state.schedule;
  private long fired;
  private final Steppable agent =
      new Steppable() {
        private static final long serialVersionUID = 1L;

        @Override
        public void step(SimState simState) {
          double now = schedule.getTime();
          checksum = fold(checksum, (long) now);
          fired++;
          schedule.scheduleOnce(now + draws.nextDelayNanos(), this);
        }
      };

  MasonHold(ExponentialDraws draws) {
    super(draws);
  }

  @Override
  public void fill(int pending) {
    for (int i = 0; i < pending; i++) {
      schedule.scheduleOnce((double) draws.nextDelayNanos(), agent);
    }
  }

  /**
   * Steps until {@code count} more events fired. A step fires every event due at its instant, so on
   * a tie (rare with nanosecond times) a call may fire one or two events more than asked.
   */
  @Override
  public long hold(int count) {
    long target = fired + count;
    while (fired < target) {
      schedule.step(state);
    }
    return checksum;
  }

  @Override
  public Object structure() {
    return schedule;
  }
}
