package faultline.protocols.redlock;

/**
 * The clock a store expires keys by. Redis keeps expiry as an absolute Unix time and compares it
 * with the time of day, so a step of the wall clock expires keys early or late (the Redis
 * documentation, EXPIRE, "Expires and persistence"); Kleppmann's clock-jump argument rests on it.
 */
public enum StoreClock {
  WALL,
  MONOTONIC
}
