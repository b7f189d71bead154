package faultline.exercises.e11_read_index;

import faultline.exercises.Exercise;
import faultline.exercises.grading.GradedCheck;
import faultline.exercises.grading.ReferenceCode;
import faultline.exercises.grading.SimulationCheck;
import faultline.exercises.grading.UnitCheck;
import faultline.protocols.raft.ReadTicket;
import java.util.List;

/** The checks of exercise 11; see README.md beside this file. */
public final class ReadIndexExercise implements Exercise {
  @Override
  public String id() {
    return "e11";
  }

  @Override
  public String slug() {
    return "read-index";
  }

  @Override
  public String title() {
    return "Linearizable reads on Raft: ReadIndex, under partitions, pauses and new leaders";
  }

  @Override
  public List<Class<?>> studentClasses() {
    return List.of(ReadIndex.class);
  }

  @Override
  public ReferenceCode referenceCode() {
    return ReferenceCode.of(List.of(), List.of("faultline.protocols.raft.ReadRule#PAPER"))
        .allowing(
            "faultline.protocols.raft.ReadLeader",
            "what the leader knows and its heartbeat rounds, which the exercise reads and asks for;"
                + " the given leader answers from the server's state and sends heartbeats")
        .allowing(
            "faultline.protocols.raft.LogView",
            "the leader's log; the simulator's views only read a server's entries");
  }

  @Override
  public List<GradedCheck> checks() {
    return List.of(
        new GradedCheck("the read path on chosen leader states", 10, chosenCases()),
        new GradedCheck(
            "a steady cluster answers reads, 5 seeds",
            8,
            SimulationCheck.of("e11-steady.json", 1, 5)
                .requireMetric(ReadsServed.METRIC, 20)
                .requireMetric("kv.ok", 40)),
        new GradedCheck(
            "a leader cut off with a client, 10 seeds",
            10,
            SimulationCheck.of("e11-partitioned-leader.json", 1, 10)
                .requireMetric(ReadsServed.METRIC, 10)),
        new GradedCheck(
            "a leader paused longer than an election timeout, 10 seeds",
            8,
            SimulationCheck.of("e11-paused-leader.json", 1, 10)
                .requireMetric(ReadsServed.METRIC, 10)),
        new GradedCheck(
            "a new leader whose followers lag, 10 seeds",
            10,
            SimulationCheck.of("e11-new-leader.json", 1, 10).requireMetric(ReadsServed.METRIC, 10)),
        new GradedCheck(
            "random partitions, crashes and pauses, 20 seeds",
            10,
            SimulationCheck.of("e11-random-faults.json", 1, 20)
                .requireMetric(ReadsServed.METRIC, 5)));
  }

  /**
   * A read admitted by a leader in one state, then asked about in another: the state is (commit
   * index, last applied, the leader's no-op, the round it hands out, the round confirmed).
   */
  private static UnitCheck chosenCases() {
    return UnitCheck.cases()
        .expect(
            "commitIndex 7, applied 7, no-op at 5, round 3 confirmed: is a read answered before"
                + " the round started for it is confirmed?",
            () -> answered(leader(7, 7, 5, 4, 3), leader(7, 7, 5, 4, 3)),
            false)
        .expect(
            "commitIndex 7, applied 7, no-op at 5: is it answered once the round started for it"
                + " (4) is confirmed?",
            () -> answered(leader(7, 7, 5, 4, 3), leader(7, 7, 5, 5, 4)),
            true)
        .expect(
            "how many heartbeat rounds does admitting one read ask for?",
            () -> roundsAsked(leader(7, 7, 5, 4, 3)),
            1)
        .expect(
            "commitIndex 9 but applied 7 when the read arrives: is it answered once its round"
                + " is confirmed, with 7 still applied?",
            () -> answered(leader(9, 7, 5, 4, 3), leader(9, 7, 5, 5, 4)),
            false)
        .expect(
            "... and once 9 is applied?",
            () -> answered(leader(9, 7, 5, 4, 3), leader(9, 9, 5, 5, 4)),
            true)
        .expect(
            "a new leader, its no-op at 6 not yet committed (commitIndex 3, applied 3): is a read"
                + " answered once its round is confirmed?",
            () -> answered(leader(3, 3, 6, 4, 3), leader(3, 3, 6, 5, 4)),
            false)
        .expect(
            "... and once the no-op is committed and applied (6)?",
            () -> answered(leader(3, 3, 6, 4, 3), leader(6, 6, 6, 5, 4)),
            true);
  }

  private static ChosenLeader leader(
      long commitIndex, long lastApplied, long noOp, long nextRound, long confirmedRound) {
    return new ChosenLeader(commitIndex, lastApplied, noOp, nextRound, confirmedRound);
  }

  private static boolean answered(ChosenLeader atArrival, ChosenLeader later) {
    ReadIndex rule = new ReadIndex();
    ReadTicket ticket = rule.admit(atArrival);
    return ticket != null && rule.mayServe(later, ticket);
  }

  private static int roundsAsked(ChosenLeader leader) {
    new ReadIndex().admit(leader);
    return leader.roundsAsked();
  }
}
