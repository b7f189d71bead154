package faultline.scenarios.model;

/** A node's clock at time zero: wall-clock offset from true time, and drift in ppb. */
public record ClockSpec(long offsetNanos, long driftPpb) {}
