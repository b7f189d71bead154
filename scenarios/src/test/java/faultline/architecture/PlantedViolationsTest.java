package faultline.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import faultline.architecture.planted.Planted;
import org.junit.jupiter.api.Test;

/**
 * Each determinism rule of {@link DeterminismRules} fails on a small class that breaks it on
 * purpose ({@link Planted}) and passes on its twin that keeps it, so that none of them can pass
 * because it looks at nothing, and none flags code it should allow.
 */
class PlantedViolationsTest {
  private static final DescribedPredicate<JavaClass> PLANTED =
      resideInAPackage("faultline.architecture.planted..");

  private static JavaClasses only(Class<?>... classes) {
    return new ClassFileImporter().importClasses(classes);
  }

  @Test
  void platformMathIsCaughtAndStrictMathPasses() {
    ArchRule rule = DeterminismRules.onlyStrictMath(PLANTED);
    assertThatThrownBy(() -> rule.check(only(Planted.PlatformMath.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Math.pow")
        .hasMessageContaining("Math.sin");
    assertThatCode(() -> rule.check(only(Planted.StrictMathOnly.class))).doesNotThrowAnyException();
  }

  @Test
  void hashOrderedCollectionsAreCaughtAndOrderedOnesPass() {
    ArchRule rule = DeterminismRules.noHashOrderedCollections(PLANTED);
    assertThatThrownBy(() -> rule.check(only(Planted.IteratesAHashMap.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("HashMap.<init>");
    assertThatThrownBy(() -> rule.check(only(Planted.IteratesASetOf.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Set.of");
    assertThatThrownBy(() -> rule.check(only(Planted.CollectsToASet.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Collectors.toSet");
    assertThatCode(() -> rule.check(only(Planted.OrderedCollections.class)))
        .doesNotThrowAnyException();
  }

  @Test
  void timerTagsWithoutAStableTextAreCaughtAndTheOthersPass() {
    ArchRule rule = DeterminismRules.timerTagsHaveAStableText(PLANTED);
    assertThatThrownBy(() -> rule.check(only(Planted.IdentityTimer.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("IdentityTimer")
        .hasMessageContaining("keeps Object.toString");
    assertThatThrownBy(() -> rule.check(only(Planted.RetryDue.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("RetryDue.backoffs is an array");
    assertThatCode(
            () ->
                rule.check(
                    only(
                        Planted.GossipDue.class, Planted.ProbeDue.class, Planted.NamedTimer.class)))
        .doesNotThrowAnyException();
  }

  @Test
  void aCountSharedByAtomicAddIsCaughtAndAnOwnCountPasses() {
    ArchRule rule = DeterminismRules.noWaitingNorThreads(PLANTED);
    assertThatThrownBy(() -> rule.check(only(Planted.SharedCount.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("VarHandle");
    assertThatCode(() -> rule.check(only(Planted.OwnCount.class))).doesNotThrowAnyException();
  }
}
