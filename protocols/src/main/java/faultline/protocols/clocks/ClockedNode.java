package faultline.protocols.clocks;

/**
 * A node whose events carry logical clocks, so that {@link ClockInvariants} can judge them against
 * the engine's ground truth. A node stamps at most one event per handler invocation (the write or
 * receipt it handled); after such a step it returns that event here.
 */
public interface ClockedNode {
  /** The node's latest stamped event in this life, or null before its first one. */
  StampedEvent lastStampedEvent();
}
