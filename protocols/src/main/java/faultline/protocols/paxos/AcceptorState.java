package faultline.protocols.paxos;

/**
 * What an acceptor must remember across failures (Paxos Made Simple §2.2, §3): the highest ballot
 * it promised, and the highest-numbered proposal it accepted, if any.
 *
 * @param promised the highest ballot of a prepare request it answered with a promise ({@link
 *     Ballot#NONE} at first)
 * @param acceptedBallot the ballot of the proposal it accepted last ({@link Ballot#NONE} if none)
 * @param acceptedValue that proposal's value (null if none)
 */
public record AcceptorState(Ballot promised, Ballot acceptedBallot, String acceptedValue) {
  public static final AcceptorState INITIAL = new AcceptorState(Ballot.NONE, Ballot.NONE, null);

  public AcceptorState {
    if (promised == null || acceptedBallot == null) {
      throw new IllegalArgumentException("ballots are never null; Ballot.NONE means none");
    }
  }

  public boolean hasAccepted() {
    return acceptedValue != null;
  }

  /** The same, with a promise of {@code ballot}. */
  public AcceptorState promise(Ballot ballot) {
    return new AcceptorState(ballot, acceptedBallot, acceptedValue);
  }

  /** The same, having accepted {@code value} at {@code ballot} (which implies the promise). */
  public AcceptorState accept(Ballot ballot, String value) {
    return new AcceptorState(Ballot.max(promised, ballot), ballot, value);
  }

  /** {@code promised 3.n1, accepted 2.n2="red"}. */
  public String describe() {
    return "promised "
        + promised
        + (hasAccepted() ? ", accepted " + acceptedBallot + "=\"" + acceptedValue + "\"" : "");
  }
}
