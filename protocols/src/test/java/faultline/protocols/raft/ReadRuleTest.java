package faultline.protocols.raft;

import static faultline.engine.time.Nanos.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.RunOutcome;
import faultline.engine.random.Ratio;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.history.Model;
import faultline.protocols.raft.check.RaftInvariants;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ReadIndex as §6.4 of Ongaro's dissertation writes it ({@link ReadRule#PAPER}), sentence by
 * sentence on a leader whose state the test sets, and proof that a read rule plugged in through
 * {@link RaftConfig.Builder#readRule} is the one a leader runs, held to its contract.
 */
class ReadRuleTest {
  /** A leader whose every answer the test sets; counts the rounds asked for. */
  static final class SetLeader implements ReadLeader {
    long term = 3;
    long commitIndex;
    long lastApplied;
    long firstIndexOfTerm;
    long nextRound = 1;
    long confirmedRound;
    int roundsAsked;

    @Override
    public long currentTerm() {
      return term;
    }

    @Override
    public long commitIndex() {
      return commitIndex;
    }

    @Override
    public long lastApplied() {
      return lastApplied;
    }

    @Override
    public long firstIndexOfTerm() {
      return firstIndexOfTerm;
    }

    @Override
    public LogView log() {
      return LogView.of(List.of());
    }

    @Override
    public long requestRound() {
      roundsAsked++;
      return nextRound;
    }

    @Override
    public long confirmedRound() {
      return confirmedRound;
    }
  }

  @Test
  void step1TheReadIndexIsTheCommitIndexOnceTheLeaderCommittedAnEntryOfItsTerm() {
    SetLeader leader = new SetLeader();
    leader.firstIndexOfTerm = 5;
    leader.commitIndex = 7;
    assertThat(ReadRule.PAPER.admit(leader).readIndex()).isEqualTo(7);
  }

  @Test
  void aNewLeaderWaitsForItsNoOpBeforeItKnowsWhatEarlierLeadersCommitted() {
    SetLeader leader = new SetLeader();
    leader.firstIndexOfTerm = 6;
    leader.commitIndex = 3;
    assertThat(ReadRule.PAPER.admit(leader).readIndex()).isEqualTo(6);
  }

  @Test
  void step2EveryReadWaitsForAHeartbeatRoundStartedNoEarlierThanItsArrival() {
    SetLeader leader = new SetLeader();
    leader.nextRound = 4;
    leader.confirmedRound = 3;
    assertThat(ReadRule.PAPER.admit(leader).round()).isEqualTo(4);
    assertThat(leader.roundsAsked).isEqualTo(1);
  }

  @Test
  void steps3And4ItIsAnsweredOnceTheRoundIsConfirmedAndTheReadIndexApplied() {
    SetLeader leader = new SetLeader();
    ReadTicket ticket = new ReadTicket(7, 4);
    leader.confirmedRound = 3;
    leader.lastApplied = 9;
    assertThat(ReadRule.PAPER.mayServe(leader, ticket)).isFalse();
    leader.confirmedRound = 4;
    leader.lastApplied = 6;
    assertThat(ReadRule.PAPER.mayServe(leader, ticket)).isFalse();
    leader.lastApplied = 7;
    assertThat(ReadRule.PAPER.mayServe(leader, ticket)).isTrue();
  }

  /** Counts what the leader asks of it, and answers as the paper's rule. */
  static final class CountingRule implements ReadRule {
    int admitted;
    int asked;

    @Override
    public ReadTicket admit(ReadLeader leader) {
      admitted++;
      return PAPER.admit(leader);
    }

    @Override
    public boolean mayServe(ReadLeader leader, ReadTicket ticket) {
      asked++;
      return PAPER.mayServe(leader, ticket);
    }
  }

  @Test
  void aPluggedInReadRuleIsTheOneTheLeaderRuns() {
    CountingRule rule = new CountingRule();
    RunOutcome outcome = run(rule);

    assertThat(outcome.violations()).isEmpty();
    assertThat(rule.admitted).isPositive();
    assertThat(rule.asked).isGreaterThanOrEqualTo(rule.admitted);
    assertThat(outcome.metrics().getOrDefault("kv.ok", 0L)).isPositive();
  }

  @Test
  void aRoundMayBeAskedForOnlyWhileAReadIsAdmitted() {
    ReadRule roundsFromMayServe =
        new ReadRule() {
          @Override
          public ReadTicket admit(ReadLeader leader) {
            return new ReadTicket(leader.commitIndex(), leader.requestRound());
          }

          @Override
          public boolean mayServe(ReadLeader leader, ReadTicket ticket) {
            return leader.requestRound() <= leader.confirmedRound();
          }
        };
    assertThatThrownBy(() -> run(roundsFromMayServe))
        .hasStackTraceContaining("the read rule asked for a heartbeat round outside admit");
  }

  private static RunOutcome run(ReadRule rule) {
    RaftConfig config =
        RaftRuns.fiveServersTwoClients(SECOND).toBuilder()
            .readMode(ReadMode.READ_INDEX)
            .readRule(rule)
            .build();
    return RaftRuns.run(
        5,
        config,
        RaftRuns.network(Ratio.ZERO, Ratio.ZERO),
        List.of(),
        RaftInvariants.all(
            LinearizabilityChecker.of(Model.kv(), LinearizabilityChecker.DEFAULT_STATES_MAX)),
        2 * SECOND);
  }
}
