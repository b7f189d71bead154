package faultline.exercises.e12_linearizability;

/**
 * What a linearizability check answers.
 *
 * @param linearizable whether some order of the operations explains the history
 * @param witness for a history that is not linearizable, the id of the operation whose completion
 *     ends the shortest prefix of the history that is not linearizable (see {@link
 *     History#prefix}); -1 for a linearizable one
 */
public record Verdict(boolean linearizable, int witness) {
  /** Linearizable: no witness. */
  public static final Verdict LINEARIZABLE = new Verdict(true, -1);

  /** Not linearizable: {@code witness} completes the shortest prefix that is not. */
  public static Verdict notLinearizable(Op witness) {
    return new Verdict(false, witness.id());
  }

  @Override
  public String toString() {
    return linearizable ? "linearizable" : "not linearizable, witness operation " + witness;
  }
}
