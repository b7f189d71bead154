package faultline.protocols.paxos;

/**
 * How many acceptors answer each phase. Classic Paxos uses a majority for both; Flexible Paxos
 * (Howard, Malkhi and Spiegelman, "Flexible Paxos: Quorum intersection revisited", 2016, §3) shows
 * that only phase-1 and phase-2 quorums need to intersect: {@code phase1 + phase2 > acceptors}.
 * Non-intersecting sizes are refused unless {@code allowNonIntersecting}, which exists only to show
 * what breaks.
 *
 * @param acceptors how many acceptors there are
 * @param phase1 promises a proposer needs before it may send accept requests (Q1)
 * @param phase2 acceptances that choose a value (Q2)
 */
public record Quorums(int acceptors, int phase1, int phase2) {
  public Quorums {
    if (acceptors < 1) {
      throw new IllegalArgumentException("Paxos needs at least one acceptor");
    }
    if (phase1 < 1 || phase1 > acceptors || phase2 < 1 || phase2 > acceptors) {
      throw new IllegalArgumentException(
          "quorum sizes must be between 1 and the " + acceptors + " acceptors");
    }
  }

  /** A majority for both phases, as in Paxos Made Simple. */
  public static Quorums majority(int acceptors) {
    int majority = acceptors / 2 + 1;
    return new Quorums(acceptors, majority, majority);
  }

  /** Whether every phase-1 quorum meets every phase-2 quorum (FPaxos §3, Q1 + Q2 > N). */
  public boolean intersect() {
    return phase1 + phase2 > acceptors;
  }

  /** {@code Q1=4 Q2=2 of 5}. */
  public String describe() {
    return "Q1=" + phase1 + " Q2=" + phase2 + " of " + acceptors;
  }
}
