package faultline.exercises.grading;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.exercises.grading.routes.Routes;
import faultline.exercises.grading.routes.RoutesExercise;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each route from a student's method to the reference that the guard follows, on one small exercise
 * whose answer is ReadRule.PAPER: the method that takes it is refused, saying how and naming
 * ReadRule.PAPER, and the student's other method is not.
 */
class ReferenceGuardRoutesTest {
  private static Refusals refusals(Class<?> student) {
    return ReferenceGuard.refusals(new RoutesExercise(List.of(student), RoutesExercise.readRule()));
  }

  @Test
  void aStudentsOwnRuleIsNotRefused() {
    assertThat(refusals(Routes.OwnRule.class).byMethod()).isEmpty();
  }

  @Test
  void aHelperClassCalledThroughTheInterfaceIsFollowed() {
    assertThat(refusals(Routes.ThroughTheInterface.class).byMethod())
        .containsOnlyKeys("Routes.ThroughTheInterface.admit")
        .extractingByKey("Routes.ThroughTheInterface.admit")
        .asString()
        .contains("Routes.ThroughTheInterface.admit -> Routes.Borrowed.admit uses")
        .contains("faultline.protocols.raft.ReadRule.PAPER, the reference implementation");
  }

  @Test
  void anInheritedDefaultMethodIsTheStudentsMethodToo() {
    Refusals refusals = refusals(Routes.InheritsADefault.class);
    assertThat(refusals.inherited()).containsExactly("Routes.InheritsADefault.mayServe");
    assertThat(refusals.byMethod())
        .containsOnlyKeys("Routes.InheritsADefault.mayServe")
        .extractingByKey("Routes.InheritsADefault.mayServe")
        .asString()
        .contains(
            "Routes.InheritsADefault.mayServe (inherited from Routes.Defaulted) uses"
                + " faultline.protocols.raft.ReadRule.PAPER");
  }

  @Test
  void aRuleTakenFromAConfigurationIsRefusedWhereverTheConfigurationCameFrom() {
    assertThat(refusals(Routes.FromAConfiguration.class).byMethod())
        .containsOnlyKeys("Routes.FromAConfiguration.admit")
        .extractingByKey("Routes.FromAConfiguration.admit")
        .asString()
        .contains(
            "Routes.FromAConfiguration.admit takes a ReadRule from the simulator (RaftConfig.readRule),"
                + " which may be faultline.protocols.raft.ReadRule.PAPER, the reference");
  }

  @Test
  void aCastToTheProtocolIsRefused() {
    assertThat(refusals(Routes.CastsToTheProtocol.class).byMethod())
        .containsOnlyKeys("Routes.CastsToTheProtocol.admit")
        .extractingByKey("Routes.CastsToTheProtocol.admit")
        .asString()
        .contains(
            "casts a value to ReadRule, which may be faultline.protocols.raft.ReadRule.PAPER");
  }

  @Test
  void aCallThroughAnInterfaceTheExerciseDoesNotAllowIsRefusedAndAllowingItLetsItThrough() {
    assertThat(refusals(Routes.ThroughAnUnlistedInterface.class).byMethod())
        .containsOnlyKeys("Routes.ThroughAnUnlistedInterface.admit")
        .extractingByKey("Routes.ThroughAnUnlistedInterface.admit")
        .asString()
        .contains(
            "calls faultline.protocols.raft.LogView.lastIndex through an interface, which exercise"
                + " e97 does not declare as allowed");

    RoutesExercise allowing =
        new RoutesExercise(
            List.of(Routes.ThroughAnUnlistedInterface.class),
            RoutesExercise.readRule()
                .allowing("faultline.protocols.raft.LogView", "a read-only view of a log"));
    assertThat(ReferenceGuard.refusals(allowing).byMethod()).isEmpty();
  }
}
