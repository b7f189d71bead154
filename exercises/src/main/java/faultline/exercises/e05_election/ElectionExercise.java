package faultline.exercises.e05_election;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;

import faultline.engine.node.NodeId;
import faultline.engine.random.SimRandom;
import faultline.exercises.Exercise;
import faultline.exercises.grading.GradedCheck;
import faultline.exercises.grading.ReferenceCode;
import faultline.exercises.grading.SimulationCheck;
import faultline.exercises.grading.UnitCheck;
import faultline.protocols.raft.ElectionRules.VoteRequest;
import faultline.protocols.raft.ElectionRules.Voter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The checks of exercise 5; see README.md beside this file. */
public final class ElectionExercise implements Exercise {
  private static final NodeId N2 = new NodeId("n2");
  private static final NodeId N3 = new NodeId("n3");

  @Override
  public String id() {
    return "e05";
  }

  @Override
  public String slug() {
    return "election";
  }

  @Override
  public String title() {
    return "Raft leader election: the vote rule and randomized timeouts";
  }

  @Override
  public List<Class<?>> studentClasses() {
    return List.of(RaftElection.class);
  }

  @Override
  public ReferenceCode referenceCode() {
    return ReferenceCode.of(
        List.of("faultline.protocols.raft.PaperElectionRules"),
        List.of("faultline.protocols.raft.ElectionRules#paper"));
  }

  @Override
  public List<GradedCheck> checks() {
    RaftElection election = new RaftElection();
    return List.of(
        new GradedCheck("the vote rule on chosen requests", 8, voteRule(election))
            .using("RaftElection.grantsVote"),
        new GradedCheck("election timeouts on chosen streams", 4, timeouts(election))
            .using("RaftElection.electionTimeoutNanos"),
        new GradedCheck(
            "a healthy cluster elects a leader within 1 s, 10 seeds",
            5,
            live(SimulationCheck.of("e05-healthy.json", 1, 10), 1, SECOND)),
        new GradedCheck(
            "split votes: timeouts 150 to 170 ms over slow links, 10 seeds",
            8,
            live(SimulationCheck.of("e05-split-vote.json", 1, 10), 1, 2 * SECOND)),
        new GradedCheck(
            "the leader crashes and a new one takes over within 1 s, 5 seeds",
            5,
            live(SimulationCheck.of("e05-leader-crash.json", 1, 5), 2, SECOND)),
        new GradedCheck(
            "the leader is cut off; servers with stale logs must not win, 5 seeds",
            8,
            live(SimulationCheck.of("e05-stale-logs.json", 1, 5), 2, SECOND)),
        new GradedCheck(
            "random partitions, crashes and pauses, 20 seeds",
            7,
            SimulationCheck.of("e05-random-faults.json", 1, 20)
                .requireMetric("raft.elected", 1, "no leader was ever elected")
                .limitMetric("raft.leaderlessAtEnd", 0, "no leader at the end of the run")));
  }

  /** Election safety (every Raft invariant) plus liveness: elections that end, and end soon. */
  private static SimulationCheck live(SimulationCheck check, int elections, long withinNanos) {
    return check
        .requireMetric(
            "raft.elected",
            elections,
            elections == 1
                ? "no leader was ever elected"
                : "fewer leaders were elected than the faults call for")
        .limitMetric(
            "raft.electionMaxNanos", withinNanos, "the cluster went too long without a leader")
        .limitMetric("raft.leaderlessAtEnd", 0, "no leader at the end of the run");
  }

  private static UnitCheck voteRule(RaftElection election) {
    return UnitCheck.cases()
        .expect(
            "a first request of term 3, logs equal (last entry index 5, term 2)",
            () -> election.grantsVote(request(3, N2, 5, 2), voter(3, null, 5, 2)),
            true)
        .expect(
            "a request of term 2 to a voter in term 3 (stale)",
            () -> election.grantsVote(request(2, N2, 5, 2), voter(3, null, 5, 2)),
            false)
        .expect(
            "n2 asks in term 3, the voter already voted for n3 in term 3",
            () -> election.grantsVote(request(3, N2, 5, 2), voter(3, N3, 5, 2)),
            false)
        .expect(
            "n2 asks again in term 3, the voter already voted for n2 in term 3",
            () -> election.grantsVote(request(3, N2, 5, 2), voter(3, N2, 5, 2)),
            true)
        .expect(
            "candidate's last entry (index 9, term 1) vs the voter's (index 4, term 2)",
            () -> election.grantsVote(request(3, N2, 9, 1), voter(3, null, 4, 2)),
            false)
        .expect(
            "candidate's last entry (index 4, term 2) vs the voter's (index 5, term 2)",
            () -> election.grantsVote(request(3, N2, 4, 2), voter(3, null, 5, 2)),
            false)
        .expect(
            "candidate's last entry (index 2, term 2) vs the voter's (index 9, term 1)",
            () -> election.grantsVote(request(3, N2, 2, 2), voter(3, null, 9, 1)),
            true)
        .expect(
            "candidate's last entry (index 6, term 2) vs the voter's (index 5, term 2)",
            () -> election.grantsVote(request(3, N2, 6, 2), voter(3, null, 5, 2)),
            true)
        .expect(
            "a request of term 1, both logs empty (index 0, term 0)",
            () -> election.grantsVote(request(1, N2, 0, 0), voter(1, null, 0, 0)),
            true);
  }

  private static UnitCheck timeouts(RaftElection election) {
    return UnitCheck.cases()
        .expect(
            "200 timeouts from [150 ms, 300 ms] are all in the range",
            () ->
                draws(election, 1).stream()
                    .allMatch(nanos -> 150 * MILLI <= nanos && nanos <= 300 * MILLI),
            true)
        .expect(
            "200 timeouts from [150 ms, 300 ms] take more than 100 different values",
            () -> new TreeSet<>(draws(election, 1)).size() > 100,
            true)
        .expect(
            "servers with differently seeded streams draw different timeouts",
            () -> !draws(election, 1).equals(draws(election, 2)),
            true)
        .expect(
            "a timeout from [200 ms, 200 ms], in ms",
            () -> election.electionTimeoutNanos(200 * MILLI, 200 * MILLI, new SimRandom(3)) / MILLI,
            200L);
  }

  private static List<Long> draws(RaftElection election, long seed) {
    SimRandom random = new SimRandom(seed);
    List<Long> draws = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      draws.add(election.electionTimeoutNanos(150 * MILLI, 300 * MILLI, random));
    }
    return draws;
  }

  private static VoteRequest request(long term, NodeId candidate, long lastIndex, long lastTerm) {
    return new VoteRequest(term, candidate, lastIndex, lastTerm);
  }

  private static Voter voter(long term, NodeId votedFor, long lastIndex, long lastTerm) {
    return new Voter(term, votedFor, lastIndex, lastTerm);
  }
}
