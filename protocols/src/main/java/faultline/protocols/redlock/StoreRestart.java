package faultline.protocols.redlock;

/**
 * What a Redis store does when it restarts after a crash. The Redlock page ("Performance,
 * crash-recovery and fsync") and antirez's answer to Kleppmann ("Is Redlock safe?", 2016) name the
 * problem: a store that forgets a key it granted lets a second client assemble a majority while the
 * first still holds the lock, with no clock at fault. They give two remedies, modelled here.
 */
public enum StoreRestart {
  /**
   * Keys live in memory only and the store answers at once after a restart: it has forgotten every
   * lock it granted. Redis's default persistence (an fsync a second at best) is no better for this.
   */
  IMMEDIATE,
  /**
   * "Delayed restarts": a restarted store refuses every SET for the lock's TTL, by its monotonic
   * clock, so that every key it may have forgotten has expired everywhere before it grants again.
   */
  DELAYED,
  /**
   * Persistence with fsync on every write ({@code appendfsync always}): a SET or DEL is synced
   * before it is answered, and a restarted store reloads its keys with their expiry times.
   */
  FSYNC
}
