package faultline.protocols.register;

import faultline.protocols.clocks.HybridTimestamp;
import faultline.protocols.clocks.LamportClock;
import faultline.protocols.clocks.VectorClock;

/**
 * Every timestamp a write or an event carries, so that one run can be judged under each resolution
 * rule at once.
 *
 * @param physicalNanos the node's wall clock when the event happened
 */
public record Stamps(
    long physicalNanos, LamportClock lamport, HybridTimestamp hlc, VectorClock vector) {}
