package faultline.exercises.e06_replication;

import faultline.engine.node.NodeId;
import faultline.exercises.Exercise;
import faultline.exercises.grading.GradedCheck;
import faultline.exercises.grading.ReferenceCode;
import faultline.exercises.grading.SimulationCheck;
import faultline.exercises.grading.UnitCheck;
import faultline.protocols.raft.AppendDecision;
import faultline.protocols.raft.LogEntry;
import faultline.protocols.raft.LogView;
import faultline.protocols.raft.RaftMessage.AppendEntries;
import java.util.Arrays;
import java.util.List;

/** The checks of exercise 6; see README.md beside this file. */
public final class ReplicationExercise implements Exercise {
  @Override
  public String id() {
    return "e06";
  }

  @Override
  public String slug() {
    return "replication";
  }

  @Override
  public String title() {
    return "Raft log replication and the commit rule (including the Figure 8 trap)";
  }

  @Override
  public List<Class<?>> studentClasses() {
    return List.of(FollowerAppend.class, LeaderCommit.class);
  }

  @Override
  public ReferenceCode referenceCode() {
    return ReferenceCode.of(
        List.of(),
        List.of(
            "faultline.protocols.raft.AppendRule#PAPER",
            "faultline.protocols.raft.AppendRule#WITHOUT_CONSISTENCY_CHECK",
            "faultline.protocols.raft.CommitRule#PAPER",
            "faultline.protocols.raft.CommitRule#COUNTING_EVERY_TERM",
            // A default configuration holds the paper's rules as data, which the guard cannot
            // follow (ReplicationRules.PAPER it follows into its static initializer).
            "faultline.protocols.raft.RaftConfig#replicationRules"));
  }

  @Override
  public List<GradedCheck> checks() {
    return List.of(
        new GradedCheck("the follower's rules on chosen logs", 8, followerCases())
            .using("FollowerAppend"),
        new GradedCheck("the leader's commit rule on chosen logs", 7, commitCases())
            .using("LeaderCommit"),
        new GradedCheck(
            "a steady cluster replicates and commits, 5 seeds",
            8,
            SimulationCheck.of("e06-steady.json", 1, 5)
                .requireMetric("raft.commits", 20)
                .requireMetric("kv.ok", 20)
                .requireMetric(LeastApplied.METRIC, 20)),
        new GradedCheck(
            "loss, duplicates, overtaking messages, a crash and a partition, 10 seeds",
            10,
            SimulationCheck.of("e06-lossy.json", 21, 10)
                .requireMetric("raft.commits", 10)
                .requireMetric("kv.ok", 10)
                .requireMetric(LeastApplied.METRIC, 10)),
        new GradedCheck(
            "the paper's Figure 8: an older term's entry on a majority",
            7,
            SimulationCheck.of("e06-figure-8.json", 8, 1).requireMetric("kv.ok", 2)),
        new GradedCheck(
            "random partitions, crashes and pauses, 20 seeds",
            10,
            SimulationCheck.of("e06-random-faults.json", 1, 20)
                .requireMetric("raft.commits", 10)
                .requireMetric("kv.ok", 10)
                .requireMetric(LeastApplied.METRIC, 5)));
  }

  private static UnitCheck followerCases() {
    FollowerAppend rule = new FollowerAppend();
    return UnitCheck.cases()
        .expect(
            "log [1, 1], AppendEntries(prev 3/t1, [], leaderCommit 0): too short",
            () -> rule.decide(log(1, 1), append(3, 1, List.of(), 0)),
            AppendDecision.reject())
        .expect(
            "log [1, 1, 2], AppendEntries(prev 3/t3, [t3], leaderCommit 0): index 3 has term 2",
            () -> rule.decide(log(1, 1, 2), append(3, 3, entries(3), 0)),
            AppendDecision.reject())
        .expect(
            "empty log, AppendEntries(prev 0/t0, [t1], leaderCommit 0)",
            () -> rule.decide(log(), append(0, 0, entries(1), 0)),
            AppendDecision.accept(0, entries(1), 0))
        .expect(
            "log [1, 1], AppendEntries(prev 2/t1, [t2, t2], leaderCommit 3)",
            () -> rule.decide(log(1, 1), append(2, 1, entries(2, 2), 3)),
            AppendDecision.accept(0, entries(2, 2), 3))
        .expect(
            "log [1, 1, 2], AppendEntries(prev 3/t2, [], leaderCommit 5): commit only what you"
                + " know matches",
            () -> rule.decide(log(1, 1, 2), append(3, 2, List.of(), 5)),
            AppendDecision.accept(0, List.of(), 3))
        .expect(
            "log [1, 1, 2, 2], AppendEntries(prev 2/t1, [t3], leaderCommit 2): a conflict at 3",
            () -> rule.decide(log(1, 1, 2, 2), append(2, 1, entries(3), 2)),
            AppendDecision.accept(3, entries(3), 2))
        .expect(
            "log [1, 1, 2, 2], AppendEntries(prev 1/t1, [t1, t3, t3], leaderCommit 1): index 2"
                + " matches, 3 conflicts",
            () -> rule.decide(log(1, 1, 2, 2), append(1, 1, entries(1, 3, 3), 1)),
            AppendDecision.accept(3, entries(3, 3), 1))
        .expect(
            "log [1, 1, 2, 2], a delayed AppendEntries(prev 1/t1, [t1], leaderCommit 4): all of"
                + " it is already here",
            () -> rule.decide(log(1, 1, 2, 2), append(1, 1, entries(1), 4)),
            AppendDecision.accept(0, List.of(), 2))
        .expect(
            "log [1, 2, 2], a duplicate AppendEntries(prev 1/t1, [t2, t2], leaderCommit 3)",
            () -> rule.decide(log(1, 2, 2), append(1, 1, entries(2, 2), 3)),
            AppendDecision.accept(0, List.of(), 3));
  }

  private static UnitCheck commitCases() {
    LeaderCommit rule = new LeaderCommit();
    return UnitCheck.cases()
        .expect(
            "log [1, 2, 2], term 2, commitIndex 1, matchIndexes [3, 3, 1]",
            () -> rule.commitIndex(log(1, 2, 2), 2, 1, matches(3, 3, 1)),
            3L)
        .expect(
            "log [1, 2, 2], term 2, commitIndex 1, matchIndexes [3, 1, 1]: no majority",
            () -> rule.commitIndex(log(1, 2, 2), 2, 1, matches(3, 1, 1)),
            1L)
        .expect(
            "log [1, 2, 2, 2], term 2, commitIndex 0, matchIndexes [4, 3, 2]",
            () -> rule.commitIndex(log(1, 2, 2, 2), 2, 0, matches(4, 3, 2)),
            3L)
        .expect(
            "log [1, 1, 2], term 2, commitIndex 0, matchIndexes [3, 2, 2]: index 2 is of term 1",
            () -> rule.commitIndex(log(1, 1, 2), 2, 0, matches(3, 2, 2)),
            0L)
        .expect(
            "Figure 8 (c): log [1, 1, 3], term 3, commitIndex 1, matchIndexes [3, 2, 2, 1, 1]",
            () -> rule.commitIndex(log(1, 1, 3), 3, 1, matches(3, 2, 2, 1, 1)),
            1L)
        .expect(
            "Figure 8 (e): log [1, 1, 3], term 3, commitIndex 1, matchIndexes [3, 3, 3, 1, 1]",
            () -> rule.commitIndex(log(1, 1, 3), 3, 1, matches(3, 3, 3, 1, 1)),
            3L)
        .expect(
            "log [1, 2, 2], term 2, commitIndex 3, matchIndexes [3, 1, 1]: never backwards",
            () -> rule.commitIndex(log(1, 2, 2), 2, 3, matches(3, 1, 1)),
            3L)
        .expect(
            "log [1], term 1, commitIndex 0, matchIndexes [1]: a cluster of one",
            () -> rule.commitIndex(log(1), 1, 0, matches(1)),
            1L);
  }

  /** A log of no-ops with these terms, at indexes 1, 2, ... */
  private static LogView log(long... terms) {
    return LogView.of(entries(terms));
  }

  private static List<LogEntry> entries(long... terms) {
    return Arrays.stream(terms).mapToObj(term -> new LogEntry(term, null)).toList();
  }

  private static List<Long> matches(long... indexes) {
    return Arrays.stream(indexes).boxed().toList();
  }

  /** An AppendEntries of term 3 from n1. */
  private static AppendEntries append(
      long prevLogIndex, long prevLogTerm, List<LogEntry> entries, long leaderCommit) {
    return new AppendEntries(
        3, NodeId.of("n1"), prevLogIndex, prevLogTerm, entries, leaderCommit, 1);
  }
}
