package faultline.benchmarks.hold;

import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.EventList;

/**
 * The hold model on one of SSJ's event lists ({@code Henriksen}, {@code SplayTree}), driven through
 * SSJ's own code path: {@code Simulator.removeFirstEvent} (what {@code Simulator.start} calls; it
 * sets the clock), then the fired event reschedules itself with {@code Event.schedule(delay)}, as
 * an SSJ model does. Only the virtual call to an empty {@code actions()} is left out. SSJ keeps
 * equal-time events in insertion order, like the kernel.
 */
final class SsjHold extends HoldEngine {
  private static final class HoldEvent extends Event {
    HoldEvent(Simulator simulator) {
      super(simulator);
    }

    @Override
    public void actions() {
      // The hold loop does the work; SSJ's simulator would call this after removeFirst.
    }
  }

  /** Opens SSJ's own event loop step, which is protected. */
  private static final class HoldSimulator extends Simulator {
    HoldSimulator(EventList events) {
      super(events);
      // What start() does before its loop; removeFirstEvent returns nothing while stopped.
      stopped = false;
      simulating = true;
    }

    Event next() {
      return removeFirstEvent();
    }
  }

  private final EventList events;
  private final HoldSimulator simulator;

  SsjHold(ExponentialDraws draws, EventList events) {
    super(draws);
    this.events = events;
    this.simulator = new HoldSimulator(events);
  }

  @Override
  public void fill(int pending) {
    for (int i = 0; i < pending; i++) {
      new HoldEvent(simulator).schedule(draws.nextDelayNanos());
    }
  }

  @Override
  public long hold(int count) {
    long sum = checksum;
    for (int i = 0; i < count; i++) {
      Event event = simulator.next();
      sum = fold(sum, (long) simulator.time());
      event.schedule(draws.nextDelayNanos());
    }
    checksum = sum;
    return sum;
  }

  @Override
  public Object structure() {
    return events;
  }
}
