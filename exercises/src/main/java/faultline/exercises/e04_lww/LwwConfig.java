package faultline.exercises.e04_lww;

/**
 * How the replicas write: at random intervals until {@code untilNanos}; and whether to stamp with
 * the given wall clock instead of your code ({@code "stamping": "wall"}, used by test 1 to check
 * the seed you found).
 */
public record LwwConfig(
    long intervalMinNanos, long intervalMaxNanos, long untilNanos, boolean givenWallClock) {}
