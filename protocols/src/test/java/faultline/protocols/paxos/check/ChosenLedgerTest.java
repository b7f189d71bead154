package faultline.protocols.paxos.check;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.node.NodeId;
import faultline.protocols.paxos.Ballot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ground truth of "chosen" (TLA+ Paxos' ChosenAt: a quorum voted for the value at one ballot),
 * and the acceptor history the checkers build it from.
 */
class ChosenLedgerTest {
  private static final NodeId A = NodeId.of("a");
  private static final NodeId B = NodeId.of("b");
  private static final NodeId C = NodeId.of("c");
  private static final Ballot ONE = Ballot.of(1, A);
  private static final Ballot TWO = Ballot.of(2, B);

  @Test
  void aValueIsChosenWhenAQuorumVotesForItAtOneBallot() {
    ChosenLedger ledger = new ChosenLedger(2);
    assertThat(ledger.count(new Vote(A, 0, ONE, "red"))).isNull();
    assertThat(ledger.count(new Vote(B, 0, TWO, "red"))).as("another ballot").isNull();
    assertThat(ledger.count(new Vote(A, 0, ONE, "red"))).as("the same vote twice").isNull();
    ChosenLedger.Chosen chosen = ledger.count(new Vote(C, 0, ONE, "red"));
    assertThat(chosen).isNotNull();
    assertThat(chosen.by()).containsExactly(A, C);
    assertThat(ledger.isChosen(0, "red")).isTrue();
    assertThat(ledger.isChosen(1, "red")).as("another slot").isFalse();
  }

  @Test
  void votesAtOneBallotForDifferentValuesDoNotAddUp() {
    // Possible only when two proposers share a ballot (the bug zoo's ballots_not_unique).
    ChosenLedger ledger = new ChosenLedger(2);
    ledger.count(new Vote(A, 0, ONE, "red"));
    assertThat(ledger.count(new Vote(B, 0, ONE, "blue"))).isNull();
  }

  @Test
  void aVoteReadBackAfterARestartIsNotNewButAForgottenPromiseIsADecrease() {
    AcceptorHistory history = new AcceptorHistory();
    Vote vote = new Vote(A, 0, ONE, "red");
    assertThat(history.record(new AcceptorStep(A, TWO, List.of(vote))).newVotes())
        .containsExactly(vote);
    AcceptorHistory.Change restarted = history.record(new AcceptorStep(A, ONE, List.of(vote)));
    assertThat(restarted.newVotes()).isEmpty();
    assertThat(restarted.promiseDecreased()).isTrue();
    assertThat(restarted.highestPromiseBefore()).isEqualTo(TWO);
    AcceptorHistory.Change later = history.record(new AcceptorStep(A, ONE, List.of(vote)));
    assertThat(later.promiseDecreased()).as("reported once, when it happened").isFalse();
    assertThat(later.highestPromiseBefore()).isEqualTo(TWO);
  }
}
