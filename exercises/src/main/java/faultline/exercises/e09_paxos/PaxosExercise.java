package faultline.exercises.e09_paxos;

import faultline.engine.node.NodeId;
import faultline.exercises.Exercise;
import faultline.exercises.grading.GradedCheck;
import faultline.exercises.grading.ReferenceCode;
import faultline.exercises.grading.SimulationCheck;
import faultline.exercises.grading.UnitCheck;
import faultline.protocols.paxos.AcceptorRules.Decision;
import faultline.protocols.paxos.AcceptorState;
import faultline.protocols.paxos.Ballot;
import faultline.protocols.paxos.PaxosMessage.Promise;
import java.util.List;

/** The checks of exercise 9; see README.md beside this file. */
public final class PaxosExercise implements Exercise {
  private static final NodeId N1 = NodeId.of("n1");
  private static final NodeId N2 = NodeId.of("n2");
  private static final Ballot B1 = Ballot.of(1, N1);
  private static final Ballot B2 = Ballot.of(2, N1);
  private static final Ballot B2_N2 = Ballot.of(2, N2);
  private static final Ballot B3 = Ballot.of(3, N2);

  @Override
  public String id() {
    return "e09";
  }

  @Override
  public String slug() {
    return "paxos";
  }

  @Override
  public String title() {
    return "Single-decree Paxos: the acceptor's rules and the proposer's value";
  }

  @Override
  public List<Class<?>> studentClasses() {
    return List.of(PaxosAcceptor.class, ProposerValue.class);
  }

  @Override
  public ReferenceCode referenceCode() {
    return ReferenceCode.of(
        List.of("faultline.protocols.paxos.PaperAcceptorRules"),
        List.of(
            "faultline.protocols.paxos.AcceptorRules#PAPER",
            "faultline.protocols.paxos.ValueChoice#HIGHEST_ACCEPTED"));
  }

  @Override
  public List<GradedCheck> checks() {
    PaxosAcceptor acceptor = new PaxosAcceptor();
    ProposerValue proposer = new ProposerValue();
    return List.of(
        new GradedCheck("the acceptor's rules on chosen requests", 8, acceptorRules(acceptor))
            .using("PaxosAcceptor"),
        new GradedCheck("the proposer's value on chosen promises", 6, valueChoice(proposer))
            .using("ProposerValue"),
        new GradedCheck(
            "one proposer, no failures: a value is chosen, 5 seeds",
            4,
            chosen(SimulationCheck.of("e09-basic.json", 1, 5))),
        new GradedCheck(
            "three dueling proposers: one value, a proposed one, 20 seeds",
            6,
            chosen(SimulationCheck.of("e09-dueling.json", 1, 20))),
        new GradedCheck(
            "a proposer must adopt the value its quorum reports (P2c)",
            6,
            chosen(SimulationCheck.of("e09-highest-accepted.json", 1, 1))),
        new GradedCheck(
            "an acceptor crashes and loses what it did not sync",
            6,
            chosen(SimulationCheck.of("e09-crash.json", 1, 1))),
        new GradedCheck(
            "loss, duplication and reordering, 10 seeds",
            4,
            chosen(SimulationCheck.of("e09-lossy.json", 1, 10))),
        new GradedCheck(
            "random partitions, crashes and pauses, 20 seeds",
            5,
            chosen(SimulationCheck.of("e09-random-faults.json", 1, 20))));
  }

  /** Every Paxos invariant after every event, plus liveness: a value is chosen in the end. */
  private static SimulationCheck chosen(SimulationCheck check) {
    return check.requireMetric("paxos.chosen", 1, "no value was ever chosen");
  }

  private static UnitCheck acceptorRules(PaxosAcceptor acceptor) {
    AcceptorState fresh = AcceptorState.INITIAL;
    AcceptorState promised2 = fresh.promise(B2);
    AcceptorState accepted = new AcceptorState(B2, B1, "red");
    return UnitCheck.cases()
        .expect(
            "onPrepare(fresh acceptor, 1.n1)",
            () -> describe(fresh, acceptor.onPrepare(fresh, B1)),
            "granted, next: promised 1.n1, synced before the reply")
        .expect(
            "onPrepare(promised 2.n1, 1.n1)",
            () -> describe(promised2, acceptor.onPrepare(promised2, B1)),
            "refused, state unchanged")
        .expect(
            "onPrepare(promised 2.n1, 2.n1) (a duplicate)",
            () -> describe(promised2, acceptor.onPrepare(promised2, B2)),
            "granted, next: promised 2.n1, synced before the reply")
        .expect(
            "onPrepare(promised 2.n1, accepted 1.n1=\"red\"; 3.n2)",
            () -> describe(accepted, acceptor.onPrepare(accepted, B3)),
            "granted, next: promised 3.n2, accepted 1.n1=\"red\", synced before the reply")
        .expect(
            "onAccept(promised 2.n1, 1.n1, \"blue\")",
            () -> describe(promised2, acceptor.onAccept(promised2, B1, "blue")),
            "refused, state unchanged")
        .expect(
            "onAccept(promised 2.n1, 2.n1, \"blue\")",
            () -> describe(promised2, acceptor.onAccept(promised2, B2, "blue")),
            "granted, next: promised 2.n1, accepted 2.n1=\"blue\", synced before the reply")
        .expect(
            "onAccept(promised 2.n1, accepted 1.n1=\"red\"; 2.n2, \"blue\")",
            () -> describe(accepted, acceptor.onAccept(accepted, B2_N2, "blue")),
            "granted, next: promised 2.n2, accepted 2.n2=\"blue\", synced before the reply")
        .expect(
            "onAccept(fresh acceptor, 1.n1, \"red\")",
            () -> describe(fresh, acceptor.onAccept(fresh, B1, "red")),
            "granted, next: promised 1.n1, accepted 1.n1=\"red\", synced before the reply");
  }

  /** A decision in words, so that a failure says what differs. */
  static String describe(AcceptorState before, Decision decision) {
    if (decision == null) {
      return "null";
    }
    if (!decision.granted()) {
      return decision.next().equals(before)
          ? "refused, state unchanged"
          : "refused, but the state changed to " + decision.next().describe();
    }
    return "granted, next: "
        + decision.next().describe()
        + (decision.syncBeforeReply() ? ", synced before the reply" : ", not synced");
  }

  private static UnitCheck valueChoice(ProposerValue proposer) {
    Promise empty = new Promise(B3, Ballot.NONE, null);
    Promise red1 = new Promise(B3, B1, "red");
    Promise blue2 = new Promise(B3, B2, "blue");
    Promise amber22 = new Promise(B3, B2_N2, "amber");
    return UnitCheck.cases()
        .expect("no promise reports a value; own \"green\"", () -> choose(proposer, empty), "green")
        .expect(
            "one of three reports \"red\" at 1.n1",
            () -> choose(proposer, empty, red1, empty),
            "red")
        .expect("\"red\" at 1.n1 and \"blue\" at 2.n1", () -> choose(proposer, red1, blue2), "blue")
        .expect(
            "\"blue\" at 2.n1, \"red\" at 1.n1, nothing",
            () -> choose(proposer, blue2, red1, empty),
            "blue")
        .expect(
            "\"blue\" at 2.n1 and \"amber\" at 2.n2 (same round, n2 ranks higher)",
            () -> choose(proposer, blue2, amber22),
            "amber");
  }

  private static String choose(ProposerValue proposer, Promise... promises) {
    return proposer.choose(List.of(promises), "green");
  }
}
