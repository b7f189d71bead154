package faultline.protocols.paxos;

import faultline.protocols.paxos.PaxosMessage.Promise;
import java.util.List;
import java.util.Locale;

/**
 * Classic Paxos mistakes that a scenario can plant on purpose (the bug zoo), to show that the
 * invariants catch them. Each bug replaces one strategy of the configuration; the paper's rules are
 * never edited to test a flag.
 */
public enum PaxosBug {
  /**
   * The proposer ignores the accepted values that the promises report and proposes its own (P2c
   * broken): a later proposer overwrites a value that was already chosen.
   */
  PROPOSER_IGNORES_ACCEPTED_VALUE,
  /** The acceptor's promise is not read back after a restart (not durable). */
  FORGET_PROMISE_ON_RESTART,
  /** Proposal numbers are rounds only: two proposers can share a ballot. */
  BALLOTS_NOT_UNIQUE,
  /** The acceptor accepts a proposal whatever it promised (P1a broken). */
  ACCEPT_BELOW_PROMISE,
  /** Quorum sizes with Q1 + Q2 <= N are allowed, so a phase-1 quorum can miss a chosen value. */
  NON_INTERSECTING_QUORUMS,
  /**
   * The proposer reads a promise that reports no accepted proposal as reporting the empty value (as
   * a protocol-buffers string field that was never set reads as ""), so with no value accepted yet
   * it proposes "", a value no proposer proposed (validity broken).
   */
  PROPOSER_READS_UNSET_VALUE_AS_EMPTY;

  /** The name scenario files use: the constant in lower case. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> labels() {
    return java.util.Arrays.stream(values()).map(PaxosBug::label).toList();
  }

  public static PaxosBug ofLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }

  /** Replaces the strategy this bug lives in. */
  void plant(PaxosConfig.Builder builder) {
    switch (this) {
      case PROPOSER_IGNORES_ACCEPTED_VALUE -> builder.valueChoice((promises, own) -> own);
      case FORGET_PROMISE_ON_RESTART -> builder.acceptorStore(AcceptorStore.FORGETS_PROMISE);
      case BALLOTS_NOT_UNIQUE -> builder.ballotNumbering(BallotNumbering.SHARED);
      case ACCEPT_BELOW_PROMISE -> builder.acceptorRules(new AcceptsBelowPromise());
      case NON_INTERSECTING_QUORUMS -> builder.allowNonIntersectingQuorums();
      case PROPOSER_READS_UNSET_VALUE_AS_EMPTY ->
          builder.valueChoice(PaxosBug::highestReadingUnsetAsEmpty);
    }
  }

  /** P2c as the paper states it, over promises whose unset accepted value reads as "". */
  private static String highestReadingUnsetAsEmpty(List<Promise> promises, String own) {
    List<Promise> misread =
        promises.stream()
            .map(
                p ->
                    p.acceptedValue() != null ? p : new Promise(p.ballot(), p.acceptedBallot(), ""))
            .toList();
    return ValueChoice.HIGHEST_ACCEPTED.choose(misread, own);
  }

  /** The paper's prepare rule, and an accept rule that forgets the promise (P1a broken). */
  private static final class AcceptsBelowPromise implements AcceptorRules {
    @Override
    public Decision onPrepare(AcceptorState state, Ballot ballot) {
      return PAPER.onPrepare(state, ballot);
    }

    @Override
    public Decision onAccept(AcceptorState state, Ballot ballot, String value) {
      return Decision.grant(new AcceptorState(Ballot.max(state.promised(), ballot), ballot, value));
    }
  }
}
