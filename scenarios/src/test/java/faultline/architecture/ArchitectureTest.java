package faultline.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module arrows and the determinism guardrails, checked on the compiled main code of all three
 * modules (this test lives in {@code scenarios} so that the engine, the protocols and the scenarios
 * are all on its classpath).
 *
 * <p>How it works: ArchUnit imports every class under {@code faultline}, test code excluded, and
 * each rule lists the classes that break it. The layer rules forbid dependencies that point back up
 * the stack. The determinism rules forbid, in the engine and the protocols, every way a run could
 * depend on something other than its scenario and seed: real clocks, waiting, threads, unseeded or
 * unfrozen randomness, files, sockets, the console and the environment, platform-dependent {@code
 * Math}, hash-ordered collections, and timer tags whose text is an identity hash code ({@link
 * DeterminismRules}, each proven able to fail by {@code PlantedViolationsTest}). ArchUnit's default
 * {@code failOnEmptyShould} stays on, so a rule whose {@code that()} matches no class (a renamed
 * package) fails instead of passing vacuously.
 */
@AnalyzeClasses(
    packages = "faultline",
    importOptions = {ImportOption.DoNotIncludeTests.class, NoTestJars.class})
class ArchitectureTest {
  private static final String ENGINE = "faultline.engine..";
  private static final String PROTOCOLS = "faultline.protocols..";
  private static final String SCENARIOS = "faultline.scenarios..";

  /** The classes that must be deterministic: the kernel and the protocols that run on it. */
  private static final DescribedPredicate<JavaClass> SIMULATED =
      resideInAnyPackage(ENGINE, PROTOCOLS);

  // Layers: sim-engine <- protocols <- scenarios.

  @ArchTest
  static final ArchRule engineDependsOnNothingOfOurs =
      noClasses()
          .that()
          .resideInAPackage(ENGINE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(PROTOCOLS, SCENARIOS)
          .because(
              "the kernel is the bottom layer: protocols and scenarios build on it, so an arrow"
                  + " back would make every protocol change a kernel change and every scenario a"
                  + " dependency of the simulator");

  @ArchTest
  static final ArchRule protocolsDoNotDependOnScenarios =
      noClasses()
          .that()
          .resideInAPackage(PROTOCOLS)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(SCENARIOS)
          .because(
              "a protocol is a state machine on the kernel's SPI; scenario files, the runner and"
                  + " the command line are built on protocols, never the other way round");

  // Determinism: one scenario and one seed give the same trace, byte for byte, on any machine.

  @ArchTest static final ArchRule noRealClocks = DeterminismRules.noRealClocks(SIMULATED);

  @ArchTest
  static final ArchRule noWaitingNorThreads = DeterminismRules.noWaitingNorThreads(SIMULATED);

  @ArchTest
  static final ArchRule noUnseededRandomness = DeterminismRules.noUnseededRandomness(SIMULATED);

  @ArchTest
  static final ArchRule noFilesSocketsOrConsole =
      DeterminismRules.noFilesSocketsOrConsole(SIMULATED);

  @ArchTest
  static final ArchRule nothingThatDiffersBetweenMachines =
      DeterminismRules.nothingThatDiffersBetweenMachines(SIMULATED);

  @ArchTest static final ArchRule onlyStrictMath = DeterminismRules.onlyStrictMath(SIMULATED);

  /**
   * Hash orders: in the engine and the protocols, and in the scenario code that builds and runs a
   * simulation (bindings, random fault plans), whose choices reach the trace as well.
   */
  @ArchTest
  static final ArchRule noHashOrderedCollections =
      DeterminismRules.noHashOrderedCollections(
          resideInAnyPackage(
              ENGINE,
              PROTOCOLS,
              "faultline.scenarios.bind..",
              "faultline.scenarios.run..",
              "faultline.scenarios.shrink.."));

  @ArchTest
  static final ArchRule timerTagsHaveAStableText =
      DeterminismRules.timerTagsHaveAStableText(resideInAnyPackage("faultline.."));

  @ArchTest
  static final ArchRule noUserInterface =
      noClasses()
          .that(SIMULATED)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
          .because(
              "the model never knows the view (MASON's rule): the visualizer reads traces and"
                  + " wraps a simulation, so the engine and the protocols run headless in tests,"
                  + " sweeps and graders");
}
