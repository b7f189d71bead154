package faultline.benchmarks.hold;

import org.openjdk.jol.info.GraphLayout;

/**
 * Bytes per pending event: the retained size of an engine's queue holding {@code pending} events in
 * its steady state, less that of the same engine empty, divided by {@code pending}. JOL walks the
 * object graph and adds up the real object sizes of this JVM (header, alignment, compressed
 * references), so growth slack in arrays counts: it is memory the queue really holds.
 */
public final class Footprint {
  private Footprint() {}

  public static double bytesPerPending(Engines engine, int pending) {
    long emptyBytes = queueBytes(engine.create());
    HoldEngine hold = engine.create();
    hold.fill(pending);
    hold.hold(pending);
    return (double) (queueBytes(hold) - emptyBytes) / pending;
  }

  /**
   * The queue's graph without the benchmark's delay table, which MASON's graph reaches through the
   * scheduled agent.
   */
  private static long queueBytes(HoldEngine hold) {
    return GraphLayout.parseInstance(hold.structure())
        .subtract(GraphLayout.parseInstance(hold.draws))
        .totalSize();
  }
}
