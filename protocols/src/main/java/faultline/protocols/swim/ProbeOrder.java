package faultline.protocols.swim;

/** How a member picks whom to ping each protocol period. */
public enum ProbeOrder {
  /**
   * Round-robin over the membership list in a random order, reshuffled after each pass, new members
   * inserted at random positions (§4.3): every member is probed by every other within a bounded
   * time (time-bounded strong completeness). The default.
   */
  ROUND_ROBIN("round-robin"),
  /** A member chosen uniformly at random among the others, each period (§3.1's analysis). */
  UNIFORM("uniform"),
  /**
   * Uniformly at random among all n members, itself included, skipping the period when it draws
   * itself: the sampling behind the paper's formula 1 - (1 - 1/n)^(n·q_f) for the chance that a
   * member is pinged in a period. Only for reproducing that formula exactly.
   */
  UNIFORM_WITH_SELF("uniform-with-self");

  private final String label;

  ProbeOrder(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
