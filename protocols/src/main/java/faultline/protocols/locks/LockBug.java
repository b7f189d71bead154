package faultline.protocols.locks;

/**
 * Classic mistakes that a scenario can plant on purpose (the bug zoo), to show that the invariants
 * catch them. Never on by default.
 */
public enum LockBug {
  /** The service grants every request, without asking whether the current lease has expired. */
  GRANTS_WITHOUT_EXPIRY_CHECK,
  /**
   * The service keeps its token counter in memory only: after a restart it hands out the same
   * tokens again, and grants at once, without waiting for forgotten leases to run out.
   */
  TOKENS_NOT_DURABLE,
  /** The resource checks tokens but never remembers the highest one it accepted. */
  RESOURCE_FORGETS_HIGHEST_TOKEN
}
