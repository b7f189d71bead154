package faultline.protocols.clocks;

/**
 * One event a node timestamped with its logical clocks, as the clock invariants see it.
 *
 * @param ordinal counts the node's stamped events from 1, across restarts (keep it durable)
 * @param stamps the node's clocks right after the event
 */
public record StampedEvent(long ordinal, ClockStamps stamps) {}
