package faultline.exercises.e10_swim;

import faultline.engine.node.NodeId;
import faultline.exercises.Exercise;
import faultline.exercises.grading.GradedCheck;
import faultline.exercises.grading.ReferenceCode;
import faultline.exercises.grading.SimulationCheck;
import faultline.exercises.grading.UnitCheck;
import faultline.protocols.membership.MemberStatus;
import faultline.protocols.swim.Entry;
import faultline.protocols.swim.Update;
import java.util.List;
import java.util.Locale;

/** The checks of exercise 10; see README.md beside this file. */
public final class SwimExercise implements Exercise {
  private static final NodeId M = NodeId.of("m");
  private static final NodeId OTHER = NodeId.of("n2");

  @Override
  public String id() {
    return "e10";
  }

  @Override
  public String slug() {
    return "swim";
  }

  @Override
  public String title() {
    return "SWIM suspicion: merging alive, suspect and confirm, and refuting a suspicion";
  }

  @Override
  public List<Class<?>> studentClasses() {
    return List.of(SuspicionRules.class);
  }

  @Override
  public ReferenceCode referenceCode() {
    return ReferenceCode.of(
        List.of("faultline.protocols.swim.PaperMergeRules"),
        List.of("faultline.protocols.swim.MergeRules#PAPER"));
  }

  @Override
  public List<GradedCheck> checks() {
    SuspicionRules rules = new SuspicionRules();
    return List.of(
        new GradedCheck("the precedence of alive, suspect and confirm", 8, precedence(rules))
            .using("SuspicionRules.merge"),
        new GradedCheck("refuting an accusation about oneself", 4, refutation(rules))
            .using("SuspicionRules.ownIncarnation"),
        new GradedCheck(
            "a crash reaches every member, 5 seeds",
            5,
            SimulationCheck.of("e10-crash.json", 1, 5)
                .requireMetric(
                    "membership.fullDisseminationCount",
                    1,
                    "the crash never reached every member")),
        new GradedCheck(
            "a pause past the suspicion timeout is refuted on waking, 3 seeds",
            5,
            refuted(SimulationCheck.of("e10-gc-pause.json", 1, 3))
                .limitMetric(
                    "membership.wrongAtEnd",
                    0,
                    "a member was still held wrongly at the end: was the verdict refuted?")),
        new GradedCheck(
            "pauses shorter than the suspicion timeout: no false positive, 5 seeds",
            6,
            noFalsePositive(SimulationCheck.of("e10-short-pauses.json", 1, 5))),
        new GradedCheck(
            "10% message loss: suspicions refuted, no false positive, 10 seeds",
            6, noFalsePositive(SimulationCheck.of("e10-lossy.json", 1, 10))),
        new GradedCheck(
            "random partitions, crashes, pauses and clock steps, 10 seeds",
            6,
            refuted(SimulationCheck.of("e10-random-faults.json", 1, 10))
                .requireMetric("faults", 10)
                .limitMetric(
                    "membership.wrongAtEnd",
                    0,
                    "40 s after the last fault, a member was still held wrongly")));
  }

  /** Some member had to refute: a guard, so that rules that never suspect cannot pass. */
  private static SimulationCheck refuted(SimulationCheck check) {
    return check.requireMetric("swim.refutations", 1, "no member ever refuted a suspicion");
  }

  private static SimulationCheck noFalsePositive(SimulationCheck check) {
    return refuted(check)
        .requireMetric("membership.falseSuspicions", 1, "no live member was ever even suspected")
        .limitMetric(
            "membership.falsePositives",
            0,
            "a live member was declared faulty: a suspicion it refuted in time still won");
  }

  private static UnitCheck precedence(SuspicionRules rules) {
    UnitCheck check = UnitCheck.cases();
    merge(check, rules, suspect(0), alive(1), "alive@1", "");
    merge(check, rules, suspect(0), alive(0), "suspect@0", " (the same incarnation)");
    merge(check, rules, alive(1), alive(2), "alive@2", "");
    merge(check, rules, alive(2), alive(1), "alive@2", " (stale)");
    merge(check, rules, alive(0), suspect(0), "suspect@0", "");
    merge(check, rules, alive(2), suspect(1), "alive@2", " (stale)");
    merge(check, rules, suspect(1), suspect(1), "suspect@1", " (heard twice)");
    merge(check, rules, suspect(1), suspect(2), "suspect@2", "");
    merge(check, rules, faulty(1), suspect(3), "faulty@1", "");
    merge(check, rules, suspect(0), faulty(0), "faulty@0", "");
    merge(check, rules, alive(1), faulty(3), "faulty@3", "");
    merge(check, rules, alive(2), faulty(0), "alive@2", " (a life refuted since)");
    merge(check, rules, faulty(1), alive(1), "faulty@1", " (a stale alive)");
    merge(check, rules, faulty(1), alive(2), "alive@2", " (a refutation)");
    return check;
  }

  /** A case of {@code merge}: {@code heard} is the entry the update would leave. */
  private static void merge(
      UnitCheck check,
      SuspicionRules rules,
      Entry held,
      Entry heard,
      String expected,
      String note) {
    Update.Kind kind = Update.Kind.announcing(heard.status());
    Update update = new Update(kind, M, heard.incarnation(), OTHER);
    String said = kind.name().toLowerCase(Locale.ROOT) + "@" + heard.incarnation();
    check.expect(
        "merge(held " + held + ", heard " + said + ")" + note,
        () -> String.valueOf(rules.merge(held, update)),
        expected);
  }

  private static UnitCheck refutation(SuspicionRules rules) {
    UnitCheck check = UnitCheck.cases();
    own(check, rules, 0, Update.suspect(M, 0, OTHER), 1, "");
    own(check, rules, 0, Update.confirm(M, 0, OTHER), 1, "");
    own(check, rules, 1, Update.suspect(M, 4, OTHER), 5, "");
    own(check, rules, 3, Update.suspect(M, 1, OTHER), 3, " (refuted already)");
    own(check, rules, 2, Update.alive(M, 2), 2, "");
    own(check, rules, 2, Update.alive(M, 5), 2, " (a number it never had)");
    return check;
  }

  private static void own(
      UnitCheck check, SuspicionRules rules, long own, Update heard, long expected, String note) {
    String said = heard.kind().name().toLowerCase(Locale.ROOT) + "@" + heard.incarnation();
    check.expect(
        "ownIncarnation(" + own + ", heard " + said + ")" + note,
        () -> rules.ownIncarnation(own, heard),
        expected);
  }

  private static Entry alive(long incarnation) {
    return new Entry(MemberStatus.ALIVE, incarnation);
  }

  private static Entry suspect(long incarnation) {
    return new Entry(MemberStatus.SUSPECT, incarnation);
  }

  private static Entry faulty(long incarnation) {
    return new Entry(MemberStatus.FAULTY, incarnation);
  }
}
