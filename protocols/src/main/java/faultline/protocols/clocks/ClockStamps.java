package faultline.protocols.clocks;

/**
 * The clocks of one event: the node's physical (wall) clock reading, and whichever logical clocks
 * the node keeps. A clock the node does not keep is null, and the invariants about it skip the
 * event.
 *
 * @param physicalNanos the node's wall clock when the event happened
 */
public record ClockStamps(
    long physicalNanos, LamportClock lamport, HybridTimestamp hlc, VectorClock vector) {}
