package faultline.protocols.redlock;

/** Classic Redlock mistakes that a scenario can plant on purpose (the bug zoo). */
public enum RedlockBug {
  /** The client computes validity as TTL minus drift, forgetting the time acquisition took. */
  VALIDITY_IGNORES_ELAPSED,
  /** The store deletes the key on release whatever value it holds (a plain DEL). */
  DELETE_WITHOUT_COMPARE
}
