package faultline.engine.net;

import faultline.engine.Check;
import faultline.engine.random.Ratio;

/**
 * How one directed link treats messages: latency, loss, duplication, reordering and ordering.
 *
 * @param latency one-way delay of each copy
 * @param loss probability that a message is lost
 * @param duplicate probability that a message that is not lost arrives twice (each copy gets its
 *     own latency)
 * @param reorder probability that a message is held back by one extra latency draw, so that later
 *     messages overtake it; ignored on FIFO links
 * @param fifo when true, messages on this link arrive in the order they were sent, as over TCP
 */
public record LinkPolicy(
    Latency latency, Ratio loss, Ratio duplicate, Ratio reorder, boolean fifo) {
  public LinkPolicy {
    Check.argument(latency != null, "latency is required");
    Check.argument(loss != null && duplicate != null && reorder != null, "ratios are required");
  }

  /** 1–10 ms uniform, no loss, no duplication, no reordering, not FIFO. */
  public static LinkPolicy defaults() {
    return new LinkPolicy(
        Latency.uniform(1_000_000, 10_000_000), Ratio.ZERO, Ratio.ZERO, Ratio.ZERO, false);
  }

  public LinkPolicy withLatency(Latency newLatency) {
    return new LinkPolicy(newLatency, loss, duplicate, reorder, fifo);
  }

  public LinkPolicy withLoss(Ratio newLoss) {
    return new LinkPolicy(latency, newLoss, duplicate, reorder, fifo);
  }

  public LinkPolicy withDuplicate(Ratio newDuplicate) {
    return new LinkPolicy(latency, loss, newDuplicate, reorder, fifo);
  }

  public LinkPolicy withReorder(Ratio newReorder) {
    return new LinkPolicy(latency, loss, duplicate, newReorder, fifo);
  }

  public LinkPolicy withFifo(boolean newFifo) {
    return new LinkPolicy(latency, loss, duplicate, reorder, newFifo);
  }
}
