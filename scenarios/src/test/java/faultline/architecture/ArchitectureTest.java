package faultline.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.InstantSource;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The module arrows and the determinism guardrails, checked on the compiled main code of all three
 * modules (this test lives in {@code scenarios} so that the engine, the protocols and the scenarios
 * are all on its classpath).
 *
 * <p>How it works: ArchUnit imports every class under {@code faultline}, test code excluded, and
 * each rule lists the classes that break it. The layer rules forbid dependencies that point back up
 * the stack. The determinism rules forbid, in the engine and the protocols, every way a run could
 * depend on something other than its scenario and seed: real clocks, waiting, threads, unseeded or
 * unfrozen randomness, files, sockets, the console and the environment. ArchUnit's default {@code
 * failOnEmptyShould} stays on, so a rule whose {@code that()} matches no class (a renamed package)
 * fails instead of passing vacuously.
 */
@AnalyzeClasses(
    packages = "faultline",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {
  /**
   * Test code packaged as a test-jar (the protocols' test-only key-value protocol, which this
   * module's tests run) is test code too, though it arrives as a jar rather than test classes.
   */
  public static final class NoTestJars implements ImportOption {
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar.*");

    @Override
    public boolean includes(Location location) {
      return !location.matches(TEST_JAR);
    }
  }

  private static final String ENGINE = "faultline.engine..";
  private static final String PROTOCOLS = "faultline.protocols..";
  private static final String SCENARIOS = "faultline.scenarios..";

  /** The classes that must be deterministic: the kernel and the protocols that run on it. */
  private static GivenClassesConjunction simulatedCode() {
    return noClasses().that().resideInAnyPackage(ENGINE, PROTOCOLS);
  }

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

  @ArchTest
  static final ArchRule noRealClocks =
      simulatedCode()
          .should()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(System.class, "nanoTime")
          .orShould()
          .callMethodWhere(javaTimeNow())
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(Clock.class)
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(InstantSource.class)
          .because(
              "time in a run is virtual (a long of nanoseconds on the event queue) and each node"
                  + " reads its own simulated clocks through NodeContext; a real clock makes the"
                  + " trace depend on when and where the run happened");

  @ArchTest
  static final ArchRule noWaitingNorThreads =
      simulatedCode()
          .should()
          .callMethod(Thread.class, "sleep", long.class)
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(Thread.class)
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("java.util.concurrent..")
          .because(
              "a run is single-threaded and handlers never block: the event queue alone decides"
                  + " what happens next, so a sleep, a thread, an executor or a lock would make the"
                  + " order of events depend on the operating system's scheduler");

  @ArchTest
  static final ArchRule noUnseededRandomness =
      simulatedCode()
          .should()
          .dependOnClassesThat()
          .areAssignableTo(Random.class) // Also SecureRandom and ThreadLocalRandom.
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(SecureRandom.class)
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(SplittableRandom.class)
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("java.util.random..")
          .orShould()
          .callMethod(Math.class, "random")
          .orShould()
          .callMethod(StrictMath.class, "random")
          .orShould()
          .callMethod(UUID.class, "randomUUID")
          .orShould()
          .callMethod(Collections.class, "shuffle", List.class)
          .because(
              "every random draw must come from the run's seed through SimRandom streams"
                  + " (NodeContext.random() for nodes), whose output our golden tests freeze; the"
                  + " JDK's generators are unseeded, or seeded from the clock, or free to change"
                  + " their algorithm in a later JDK");

  @ArchTest
  static final ArchRule noFilesSocketsOrConsole =
      simulatedCode()
          .should()
          .dependOnClassesThat()
          .haveNameMatching("java\\.io\\.(File|RandomAccessFile).*")
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("java.nio.file..")
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("java.net..")
          .orShould()
          .accessField(System.class, "out")
          .orShould()
          .accessField(System.class, "err")
          .orShould()
          .accessField(System.class, "in")
          .because(
              "nodes are sans-I/O state machines: everything they do goes through NodeContext"
                  + " (messages, timers, DurableStorage, trace records), and the engine writes its"
                  + " trace through a TraceSink; real I/O would escape the simulation and the trace");

  @ArchTest
  static final ArchRule nothingThatDiffersBetweenMachines =
      simulatedCode()
          .should()
          .callMethod(System.class, "getenv")
          .orShould()
          .callMethod(System.class, "getenv", String.class)
          .orShould()
          .callMethod(System.class, "getProperty", String.class)
          .orShould()
          .callMethod(System.class, "getProperty", String.class, String.class)
          .orShould()
          .callMethod(System.class, "identityHashCode", Object.class)
          .because(
              "the environment, system properties and identity hash codes differ between"
                  + " machines and runs, so behaviour that reads them cannot be replayed from a"
                  + " seed");

  @ArchTest
  static final ArchRule noUserInterface =
      simulatedCode()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
          .because(
              "the model never knows the view (MASON's rule): the visualizer reads traces and"
                  + " wraps a simulation, so the engine and the protocols run headless in tests,"
                  + " sweeps and graders");

  /** Any {@code now(...)} of {@code java.time}: Instant, LocalDateTime, ZonedDateTime, .... */
  private static DescribedPredicate<JavaCall<?>> javaTimeNow() {
    return describe(
        "a now() of java.time",
        call ->
            call.getName().equals("now")
                && resideInAPackage("java.time..").test(call.getTargetOwner()));
  }
}
