package faultline.benchmarks.hold;

import faultline.engine.EventQueue;

/** The hold model on the kernel's own queue, exactly as {@code Simulation} uses it. */
final class FaultlineHold extends HoldEngine {
  // The hold model carries no per-event data, so every event shares one payload.
  private static final Object PAYLOAD = new Object();
  private final EventQueue<Object> queue = new EventQueue<>();

  FaultlineHold(ExponentialDraws draws) {
    super(draws);
  }

  @Override
  public void fill(int pending) {
    for (int i = 0; i < pending; i++) {
      queue.add(draws.nextDelayNanos(), PAYLOAD);
    }
  }

  @Override
  public long hold(int count) {
    long sum = checksum;
    for (int i = 0; i < count; i++) {
      long nowNanos = queue.peekTimeNanos();
      queue.poll();
      sum = fold(sum, nowNanos);
      queue.add(nowNanos + draws.nextDelayNanos(), PAYLOAD);
    }
    checksum = sum;
    return sum;
  }

  @Override
  public Object structure() {
    return queue;
  }
}
