package faultline.protocols.heartbeat;

/** How a member judges the heartbeats it gets from another. */
public enum Detector {
  /** Faulty once no heartbeat has come for a fixed timeout. */
  FIXED_TIMEOUT("fixed-timeout"),
  /**
   * Faulty once the suspicion level phi, computed from the history of arrival intervals, reaches a
   * threshold (Hayashibara et al. 2004, §3).
   */
  PHI_ACCRUAL("phi-accrual");

  private final String label;

  Detector(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
