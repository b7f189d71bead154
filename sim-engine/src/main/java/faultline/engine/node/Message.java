package faultline.engine.node;

/**
 * Marker for messages. Implementations are immutable records: the trace records their components as
 * the payload, and value equality is part of the contract (duplicates are equal).
 */
public interface Message {}
