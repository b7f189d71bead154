package faultline.protocols.raft;

import static faultline.engine.time.Nanos.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.RunOutcome;
import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.history.Model;
import faultline.protocols.raft.RaftMessage.AppendEntries;
import faultline.protocols.raft.check.RaftInvariants;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The paper's replication rules, sentence by sentence (Figure 2's AppendEntries receiver rules 2 to
 * 5, the leaders' commit rule, §5.4.2 and Figure 8), and proof that a rule plugged in through
 * {@link RaftConfig#withReplicationRules} is the one a server runs.
 */
class ReplicationRulesTest {
  private static LogView log(long... terms) {
    return LogView.of(entries(terms));
  }

  private static List<LogEntry> entries(long... terms) {
    return Arrays.stream(terms).mapToObj(LogEntry::noOp).toList();
  }

  private static List<Long> matches(long... indexes) {
    return Arrays.stream(indexes).boxed().toList();
  }

  /** Figure 2's receiver on {@code log}, given entries of {@code terms} after prev/prevTerm. */
  private static AppendDecision decide(
      LogView log, long prev, long prevTerm, List<LogEntry> entries, long leaderCommit) {
    return AppendRule.PAPER.decide(
        log, new AppendEntries(3, NodeId.of("n1"), prev, prevTerm, entries, leaderCommit, 1));
  }

  @Test
  void rule2RejectsWhenTheLogHasNoMatchingEntryAtPrevLogIndex() {
    assertThat(decide(log(1, 1), 3, 1, List.of(), 0)).isEqualTo(AppendDecision.reject());
    assertThat(decide(log(1, 1, 2), 3, 3, entries(3), 0)).isEqualTo(AppendDecision.reject());
    assertThat(decide(log(), 0, 0, entries(1), 99))
        .isEqualTo(AppendDecision.accept(0, entries(1), 1));
  }

  @Test
  void rules3And4DeleteFromTheFirstConflictAndAppendOnlyWhatIsMissing() {
    assertThat(decide(log(1, 1, 2, 2), 1, 1, entries(1, 3, 3), 99))
        .isEqualTo(AppendDecision.accept(3, entries(3, 3), 4));
    assertThat(decide(log(1, 1), 2, 1, entries(2, 2), 99))
        .isEqualTo(AppendDecision.accept(0, entries(2, 2), 4));
  }

  @Test
  void aDelayedShorterAppendEntriesDeletesNothingThatMatches() {
    assertThat(decide(log(1, 1, 2, 2), 1, 1, entries(1), 99))
        .isEqualTo(AppendDecision.accept(0, List.of(), 2));
  }

  @Test
  void rule5CommitsNoFurtherThanTheLastNewEntry() {
    assertThat(decide(log(1, 1, 2), 3, 2, List.of(), 5))
        .isEqualTo(AppendDecision.accept(0, List.of(), 3));
    assertThat(decide(log(1, 1, 2), 1, 1, List.of(), 1))
        .isEqualTo(AppendDecision.accept(0, List.of(), 1));
  }

  @Test
  void aLeaderCommitsTheHighestEntryOfItsTermOnAMajority() {
    assertThat(CommitRule.PAPER.commitIndex(log(1, 2, 2, 2), 2, 0, matches(4, 3, 2))).isEqualTo(3);
    assertThat(CommitRule.PAPER.commitIndex(log(1, 2, 2), 2, 1, matches(3, 1, 1))).isEqualTo(1);
    assertThat(CommitRule.PAPER.commitIndex(log(1), 1, 0, matches(1))).isEqualTo(1);
  }

  @Test
  void figure8AnEarlierTermsEntryOnAMajorityIsNotCommittedByCounting() {
    LogView figure8c = log(1, 1, 3);
    List<Long> termOneEntryOnAMajority = matches(3, 2, 2, 1, 1);

    assertThat(CommitRule.PAPER.commitIndex(figure8c, 3, 1, termOneEntryOnAMajority)).isEqualTo(1);
    assertThat(CommitRule.COUNTING_EVERY_TERM.commitIndex(figure8c, 3, 1, termOneEntryOnAMajority))
        .isEqualTo(2);
    assertThat(CommitRule.PAPER.commitIndex(figure8c, 3, 1, matches(3, 3, 3, 1, 1))).isEqualTo(3);
  }

  @Test
  void aServerRunsAnAppendRuleFromElsewhereAsItRunsItsOwn() {
    // The paper's rule seen only through decide(), as an exercise's is: the same run, with its
    // entries lost and duplicated, so that refusals, duplicates and truncations all occur.
    AppendRule elsewhere = (log, append) -> AppendRule.PAPER.decide(log, append);
    List<RunOutcome> outcomes = new java.util.ArrayList<>();
    for (AppendRule rule : List.of(AppendRule.PAPER, elsewhere)) {
      RaftConfig config =
          RaftRuns.fiveServersTwoClients(2 * SECOND).toBuilder()
              .replicationRules(new ReplicationRules(rule, CommitRule.PAPER))
              .build();
      outcomes.add(
          RaftRuns.run(
              3,
              config,
              RaftRuns.network(Ratio.of(1, 10), Ratio.of(1, 10)),
              List.of(),
              RaftInvariants.safety(),
              2 * SECOND));
    }
    assertThat(outcomes.get(0).violations()).isEmpty();
    assertThat(outcomes.get(0).metrics().get("raft.commits")).isPositive();
    assertThat(outcomes.get(1).fingerprint()).isEqualTo(outcomes.get(0).fingerprint());
  }

  @Test
  void aPluggedInCommitRuleIsTheOneTheLeaderRuns() {
    RaftConfig neverCommits =
        RaftRuns.fiveServersTwoClients(SECOND).toBuilder()
            .replicationRules(
                new ReplicationRules(
                    AppendRule.PAPER, (log, term, commitIndex, matchIndexes) -> commitIndex))
            .build();
    RunOutcome outcome =
        RaftRuns.run(
            5,
            neverCommits,
            RaftRuns.network(Ratio.ZERO, Ratio.ZERO),
            List.of(),
            RaftInvariants.all(
                LinearizabilityChecker.of(Model.kv(), LinearizabilityChecker.DEFAULT_STATES_MAX)),
            2 * SECOND);

    assertThat(outcome.violations()).isEmpty();
    assertThat(outcome.metrics().getOrDefault("raft.commits", 0L)).isZero();
    assertThat(outcome.metrics().getOrDefault("kv.ok", 0L)).isZero();
  }
}
