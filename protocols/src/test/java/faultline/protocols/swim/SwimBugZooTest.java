package faultline.protocols.swim;

import static faultline.engine.time.Nanos.SECOND;
import static faultline.protocols.swim.SwimRuns.n;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.RunOutcome;
import faultline.engine.check.Violation;
import faultline.engine.fault.Fault;
import faultline.engine.random.Ratio;
import faultline.protocols.membership.MembershipBounds;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Each planted mistake is caught by the check named for it, within a few seeds of a run that
 * provokes it, while the paper's rules pass the same runs.
 */
class SwimBugZooTest {
  @Test
  void aliveOverEqualSuspectBreaksPrecedence() {
    assertCaught(SwimBug.ALIVE_OVERRIDES_EQUAL_SUSPECT, SwimInvariants.PRECEDENCE, this::lossy);
  }

  @Test
  void suspectersRaisingIncarnationsAreCaught() {
    assertCaught(
        SwimBug.SUSPECT_RAISES_INCARNATION, SwimInvariants.INCARNATION_ORIGIN, this::lossy);
  }

  @Test
  void resurrectionAtTheSameIncarnationIsCaught() {
    assertCaught(
        SwimBug.RESURRECT_AT_SAME_INCARNATION, SwimInvariants.NO_RESURRECTION, this::crashes);
  }

  @Test
  void forgettingTheIncarnationOnRestartIsCaught() {
    assertCaught(
        SwimBug.FORGET_INCARNATION_ON_RESTART, SwimInvariants.INCARNATION_MONOTONIC, this::crashes);
  }

  @Test
  void gossipingOnlyOwnNewsBreaksCompleteness() {
    assertCaught(SwimBug.GOSSIP_ONLY_OWN_NEWS, "membership.completeness", this::bigCrash);
  }

  @Test
  void neverRefutingIsCaughtAndTurnsShortPausesIntoFalsePositives() {
    assertCaught(SwimBug.NEVER_REFUTE, SwimInvariants.REFUTATION, this::shortPauses);

    // What the bug does to users (these runs go on past a violation): the paper's rules turn the
    // same pauses into suspicions refuted in time, the bug into wrong verdicts.
    RunOutcome paper = shortPauses(1, Set.of());
    RunOutcome buggy = shortPauses(1, Set.of(SwimBug.NEVER_REFUTE));
    assertThat(paper.metrics().getOrDefault("membership.falsePositives", 0L)).isZero();
    assertThat(buggy.metrics().get("membership.falsePositives.pause")).isPositive();
  }

  private void assertCaught(SwimBug bug, String invariant, Provoker provoker) {
    for (long seed = 1; seed <= 8; seed++) {
      assertThat(names(provoker.run(seed, Set.of()).violations()))
          .as("the paper's rules, seed %s", seed)
          .isEmpty();
    }
    for (long seed = 1; seed <= 8; seed++) {
      if (names(provoker.run(seed, Set.of(bug)).violations()).contains(invariant)) {
        return;
      }
    }
    throw new AssertionError(bug + " was not caught by " + invariant + " within 8 seeds");
  }

  interface Provoker {
    RunOutcome run(long seed, Set<SwimBug> bugs);
  }

  private static Set<String> names(List<Violation> violations) {
    Set<String> names = new TreeSet<>();
    violations.forEach(v -> names.add(v.invariant()));
    return names;
  }

  private RunOutcome lossy(long seed, Set<SwimBug> bugs) {
    return SwimRuns.of(10).seed(seed).seconds(60).loss(Ratio.of(1, 5)).planting(bugs).run();
  }

  /**
   * Pauses that each cost a refutation (no suspicion to soften them), then crashes and restarts of
   * the paused members, whose incarnations are 2 or more by then.
   */
  private RunOutcome crashes(long seed, Set<SwimBug> bugs) {
    SwimRuns runs = SwimRuns.of(10).seed(seed).seconds(80).loss(Ratio.of(1, 20)).planting(bugs);
    for (int i = 0; i < 3; i++) {
      for (int pause = 0; pause < 4; pause++) {
        runs.fault((5 + 8 * pause + i) * SECOND, new Fault.Pause(n(2 + i), 3 * SECOND));
      }
    }
    for (int i = 0; i < 3; i++) {
      runs.fault((40 + 5 * i) * SECOND, new Fault.Crash(n(2 + i), false));
      runs.fault((42 + 5 * i) * SECOND, new Fault.Restart(n(2 + i)));
    }
    return runs.config(builder -> builder.suspicion(false)).run();
  }

  /**
   * A hundred members, no suspicion: the first verdict comes within a couple of periods and spreads
   * in a few more, well inside 20 s; members that must find out by pinging the crashed one
   * themselves take about n/2 periods.
   */
  private RunOutcome bigCrash(long seed, Set<SwimBug> bugs) {
    return SwimRuns.of(100)
        .seed(seed)
        .seconds(40)
        .planting(bugs)
        .config(builder -> builder.suspicion(false))
        .bounds(new MembershipBounds(20 * SECOND, 10 * SECOND))
        .fault(10 * SECOND, new Fault.Crash(n(7), false))
        .run();
  }

  private RunOutcome shortPauses(long seed, Set<SwimBug> bugs) {
    SwimRuns runs = SwimRuns.of(10).seed(seed).seconds(60).planting(bugs);
    for (int i = 1; i <= 5; i++) {
      runs.fault(i * 8 * SECOND, new Fault.Pause(n(i), 2 * SECOND));
    }
    return runs.run();
  }
}
