package faultline.engine.check;

/**
 * A check that could not decide within its fixed budget (a linearizability search that gave up):
 * neither held nor violated. A run with one is inconclusive unless its scenario allows it.
 */
public record Undecided(String invariant, long timeNanos, String message) {}
