package faultline.protocols.paxos;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.node.NodeId;
import faultline.protocols.paxos.AcceptorRules.Decision;
import faultline.protocols.paxos.PaxosMessage.Promise;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The acceptor's and the proposer's rules as the paper states them, one sentence each (Lamport,
 * "Paxos Made Simple", 2001). Pure functions, so each case is a state, a request and a decision.
 */
class PaperRulesTest {
  private static final NodeId N1 = NodeId.of("n1");
  private static final NodeId N2 = NodeId.of("n2");
  private static final AcceptorRules RULES = AcceptorRules.PAPER;

  private static Ballot ballot(long round, NodeId node) {
    return Ballot.of(round, node);
  }

  @Test
  void aPrepareAboveEveryPromiseIsPromisedAndSyncedBeforeTheReply() {
    // §2.2: "If an acceptor receives a prepare request with number n greater than that of any
    // prepare request to which it has already responded, then it responds ... with a promise."
    Decision decision = RULES.onPrepare(AcceptorState.INITIAL, ballot(1, N1));
    assertThat(decision.granted()).isTrue();
    assertThat(decision.syncBeforeReply()).isTrue();
    assertThat(decision.next().promised()).isEqualTo(ballot(1, N1));
  }

  @Test
  void aPrepareBelowAPromiseIsRefusedAndChangesNothing() {
    AcceptorState promised = AcceptorState.INITIAL.promise(ballot(2, N1));
    Decision decision = RULES.onPrepare(promised, ballot(1, N2));
    assertThat(decision.granted()).isFalse();
    assertThat(decision.next()).isEqualTo(promised);
  }

  @Test
  void aRepeatedPrepareOfThePromisedBallotIsAnsweredAgain() {
    // Ballots are unique, so the same ballot comes from the same proposer: a duplicate.
    AcceptorState promised = AcceptorState.INITIAL.promise(ballot(2, N1));
    assertThat(RULES.onPrepare(promised, ballot(2, N1)).granted()).isTrue();
  }

  @Test
  void anAcceptorAcceptsUnlessItPromisedAHigherNumber() {
    // §2.2, P1a: "An acceptor can accept a proposal numbered n iff it has not responded to a
    // prepare request having a number greater than n."
    AcceptorState promised = AcceptorState.INITIAL.promise(ballot(2, N1));
    assertThat(RULES.onAccept(promised, ballot(1, N2), "blue").granted()).isFalse();
    Decision accepted = RULES.onAccept(promised, ballot(2, N1), "red");
    assertThat(accepted.granted()).isTrue();
    assertThat(accepted.syncBeforeReply()).isTrue();
    assertThat(accepted.next()).isEqualTo(new AcceptorState(ballot(2, N1), ballot(2, N1), "red"));
    Decision above = RULES.onAccept(promised, ballot(3, N2), "blue");
    assertThat(above.next().promised()).isEqualTo(ballot(3, N2));
  }

  @Test
  void aProposerProposesTheValueOfTheHighestNumberedAcceptedProposal() {
    // §2.2, P2c: "v is the value of the highest-numbered proposal among the responses, or is any
    // proposal selected by the proposer if the responders reported no proposals."
    List<Promise> promises =
        List.of(
            new Promise(ballot(5, N1), ballot(2, N1), "red"),
            new Promise(ballot(5, N1), ballot(3, N2), "blue"),
            new Promise(ballot(5, N1), Ballot.NONE, null));
    assertThat(ValueChoice.HIGHEST_ACCEPTED.choose(promises, "green")).isEqualTo("blue");
    List<Promise> empty = List.of(new Promise(ballot(5, N1), Ballot.NONE, null));
    assertThat(ValueChoice.HIGHEST_ACCEPTED.choose(empty, "green")).isEqualTo("green");
  }

  @Test
  void ballotsOrderByRoundThenNodeAndNoneIsBelowAll() {
    assertThat(ballot(1, N2)).isGreaterThan(ballot(1, N1));
    assertThat(ballot(2, N1)).isGreaterThan(ballot(1, N2));
    assertThat(Ballot.NONE).isLessThan(ballot(1, N1));
    assertThat(ballot(3, N2).describe()).isEqualTo("3.n2");
    assertThat(BallotNumbering.UNIQUE.above(ballot(3, N2), N1)).isEqualTo(ballot(4, N1));
    assertThat(BallotNumbering.SHARED.above(ballot(3, N2), N1))
        .isEqualTo(BallotNumbering.SHARED.above(ballot(3, N1), N2));
  }

  @Test
  void aForgetfulStoreReadsBackTheAcceptedProposalButNotTheHigherPromise() {
    MemoryDisk disk = new MemoryDisk();
    AcceptorState written = new AcceptorState(ballot(4, N2), ballot(2, N1), "red");
    AcceptorStore.write(disk, written);
    assertThat(AcceptorStore.DURABLE.load(disk)).isEqualTo(written);
    assertThat(AcceptorStore.FORGETS_PROMISE.load(disk).promised()).isEqualTo(ballot(2, N1));
    assertThat(AcceptorStore.DURABLE.load(new MemoryDisk())).isEqualTo(AcceptorState.INITIAL);
  }
}
