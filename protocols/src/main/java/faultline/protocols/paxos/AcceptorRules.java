package faultline.protocols.paxos;

/**
 * The acceptor's two rules (Paxos Made Simple §2.2, P1a and the prepare rule), as pure functions
 * from its state and a request to a decision. {@link #PAPER} is the paper's; an exercise plugs in
 * its own. The acceptor applies the decision: it keeps {@link Decision#next()}, writes it to its
 * disk, syncs when asked, and only then answers: a promise or acceptance when {@link
 * Decision#granted()}, else a rejection naming {@code next.promised()}.
 */
public interface AcceptorRules {
  /** The rules of the paper. */
  AcceptorRules PAPER = new PaperAcceptorRules();

  /** Phase 1b: whether to promise {@code ballot}, and the state after answering. */
  Decision onPrepare(AcceptorState state, Ballot ballot);

  /** Phase 2b: whether to accept {@code value} at {@code ballot}, and the state after answering. */
  Decision onAccept(AcceptorState state, Ballot ballot, String value);

  /**
   * What an acceptor does with one request.
   *
   * @param next the acceptor's state from now on
   * @param granted promise (phase 1) or accept (phase 2); false sends a rejection
   * @param syncBeforeReply whether {@code next} must be on disk before the answer leaves: true
   *     whenever the answer commits the acceptor to something it must not forget in a crash
   */
  record Decision(AcceptorState next, boolean granted, boolean syncBeforeReply) {
    public Decision {
      if (next == null) {
        throw new IllegalArgumentException("a decision needs the next state");
      }
    }

    /** Refuses, changing nothing. */
    public static Decision refuse(AcceptorState state) {
      return new Decision(state, false, false);
    }

    /** Grants, with {@code next} synced to disk before the answer. */
    public static Decision grant(AcceptorState next) {
      return new Decision(next, true, true);
    }
  }
}
