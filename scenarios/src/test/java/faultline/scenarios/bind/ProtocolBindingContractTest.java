package faultline.scenarios.bind;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.check.EventuallyResult;
import faultline.engine.check.Invariant;
import faultline.engine.check.Observer;
import faultline.engine.check.SometimesResult;
import faultline.engine.check.Violation;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import faultline.scenarios.run.RunReport;
import faultline.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every protocol binding meets, built in or added by a module above this one, checked
 * the same way for each binding the classpath registers (Paxos and SWIM pass it by registering). A
 * module that registers bindings runs it by extending this class and choosing its own in {@link
 * #bindings()} (the exercises do).
 *
 * <p>What it checks, per binding: it is registered once under a plain name; the catalog bundles
 * scenarios for it; each of its scenarios (bundled, and witnesses) runs twice with one fingerprint
 * and, with its own seed, reports exactly the violations it expects; {@code bind} reads no field of
 * {@code params} that its {@link Parameters} table does not declare, and reads each as declared
 * (type, default, limits); every declared parameter is read by some scenario; and every invariant
 * it declares, observers aside, is shown violated by some scenario that expects it.
 *
 * <p>How the last two work: the parameters are checked by binding each scenario through a {@link
 * RecordingParamReader}; the invariants by running every scenario whose {@code expect.violations}
 * names them (bundled ones and {@link Witnesses}), so a check that can never fail, or that a
 * binding forgets to install, has no scenario to show it and fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class ProtocolBindingContractTest {
  private final ScenarioLoader loader = Protocols.scenarioLoader();
  private final Catalog catalog = new Catalog(loader);
  private final List<Scenario> bundled = Catalog.names().stream().map(catalog::load).toList();
  private final List<Scenario> witnesses = Witnesses.load(loader);
  private final Map<String, Runs> runs = new HashMap<>(); // Looked up, never iterated.

  /** The two runs of one scenario with its own seed: their fingerprints and what they showed. */
  private record Runs(
      String first, String second, Set<String> violated, List<String> unmet, Set<String> reached) {}

  /** The bindings this module registers: here every one on the classpath. */
  protected List<ProtocolBinding> bindings() {
    return Protocols.all();
  }

  Stream<Named<ProtocolBinding>> named() {
    return bindings().stream().map(binding -> Named.of(binding.name(), binding));
  }

  /** This module's witness index names exactly the witness files beside it, so none is skipped. */
  @Test
  void theWitnessIndexListsExactlyItsFolder() throws IOException {
    Path folder = Path.of("src/test/resources/witnesses");
    List<String> files;
    try (Stream<Path> list = Files.list(folder)) {
      files =
          list.map(path -> path.getFileName().toString())
              .filter(name -> name.endsWith(".json"))
              .sorted()
              .toList();
    }
    List<String> indexed = Catalog.indexLines(Files.readString(folder.resolve("index.txt")));
    assertThat(indexed).doesNotHaveDuplicates();
    assertThat(indexed.stream().sorted().toList()).isEqualTo(files);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("named")
  void isRegisteredOnceUnderAPlainName(ProtocolBinding binding) {
    assertThat(binding.name()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    assertThat(binding.summary()).as("its one-line summary").isNotBlank().doesNotContain("\n");
    assertThat(Protocols.all().stream().filter(other -> other.name().equals(binding.name())))
        .containsExactly(binding);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("named")
  void hasBundledScenarios(ProtocolBinding binding) {
    assertThat(scenariosOf(binding, bundled))
        .as("bundled scenarios of %s (list them in the catalog's index.txt)", binding.name())
        .isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("named")
  void eachScenarioRunsTwiceWithOneFingerprintAndMeetsItsExpectations(ProtocolBinding binding) {
    for (Scenario scenario : scenariosOf(binding, all())) {
      Runs twice = runs(scenario);
      assertThat(twice.second()).as("%s run twice", scenario.name()).isEqualTo(twice.first());
      assertThat(twice.unmet()).as("%s's expectations", scenario.name()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("named")
  void readsEachParameterAsItsTableDeclaresIt(ProtocolBinding binding) {
    Parameters table = binding.parameters();
    List<String> problems = new ArrayList<>();
    for (Scenario scenario : scenariosOf(binding, all())) {
      for (RecordingParamReader.Read question : reads(binding, scenario)) {
        ParameterTables.compare(question, table).ifPresent(problems::add);
      }
    }
    assertThat(problems.stream().distinct().toList()).isEmpty();
  }

  /**
   * A declared parameter that no scenario reads is untested, or no longer read at all. Bindings
   * that share a table (the Raft exercises read every {@code raft} parameter) share the scenarios
   * that cover it.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("named")
  void everyDeclaredParameterIsReadBySomeScenario(ProtocolBinding binding) {
    Set<String> read = new TreeSet<>();
    for (ProtocolBinding sharing : Protocols.all()) {
      if (sharing.parameters() == binding.parameters()) {
        for (Scenario scenario : scenariosOf(sharing, all())) {
          reads(sharing, scenario).forEach(question -> read.add(question.path()));
        }
      }
    }
    List<String> unread =
        binding.parameters().all().stream()
            .map(Parameter::path)
            .filter(path -> !read.contains(path))
            .toList();
    assertThat(unread)
        .as("declared parameters no scenario reads: use each in a scenario or a witness")
        .isEmpty();
  }

  private static List<RecordingParamReader.Read> reads(ProtocolBinding binding, Scenario scenario) {
    RecordingParamReader spy = new RecordingParamReader(scenario.params());
    binding.bind(scenario.withParams(spy));
    return spy.reads();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("named")
  void everyInvariantExceptObserversCanBeReported(ProtocolBinding binding) {
    List<Scenario> own = scenariosOf(binding, bundled);
    assertThat(own).as("a bundled scenario to build its invariants from").isNotEmpty();
    Set<String> observers = new TreeSet<>();
    for (Invariant invariant : binding.bind(own.getFirst()).invariants()) {
      if (invariant instanceof Observer) {
        observers.add(invariant.name());
      }
    }
    List<String> unshown = new ArrayList<>();
    for (String invariant : binding.invariants().keySet()) {
      if (!observers.contains(invariant) && !shownViolated(invariant)) {
        unshown.add(invariant);
      }
    }
    assertThat(unshown)
        .as(
            "invariants no scenario shows violated: add a witness that expects each (see"
                + " ADDING_A_PROTOCOL.md), or make a metrics-only check an Observer")
        .isEmpty();
  }

  /**
   * Every sometimes property is reached by some scenario of the protocol at its own seed, so each
   * is shown reachable (and a property that watches the wrong thing, never true, has no scenario).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("named")
  void everySometimesPropertyIsReachedBySomeScenario(ProtocolBinding binding) {
    Set<String> reached = new TreeSet<>();
    for (Scenario scenario : scenariosOf(binding, all())) {
      reached.addAll(runs(scenario).reached());
    }
    assertThat(reached)
        .as("sometimes properties reached by %s's scenarios at their own seeds", binding.name())
        .containsAll(binding.sometimes().keySet());
  }

  /**
   * Every eventually property is shown failing by some scenario that expects it (a demonstration,
   * or a witness with a configuration under which the protocol cannot recover), so a property that
   * can never fail, or that the binding forgets to install, has no scenario. That no other scenario
   * fails one is checked with their expectations.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("named")
  void everyEventuallyPropertyCanBeShownFailing(ProtocolBinding binding) {
    List<String> unshown =
        binding.eventually().keySet().stream().filter(name -> !shownViolated(name)).toList();
    assertThat(unshown)
        .as("eventually properties no scenario shows failing: add a witness that expects each")
        .isEmpty();
  }

  /** Whether some scenario expects {@code invariant} violated, and its run reports it. */
  private boolean shownViolated(String invariant) {
    for (Scenario scenario : all()) {
      if (scenario.expect().violations().contains(invariant)) {
        Runs twice = runs(scenario);
        if (twice.violated().contains(invariant) && twice.unmet().isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  private List<Scenario> all() {
    List<Scenario> all = new ArrayList<>(bundled);
    all.addAll(witnesses);
    return all;
  }

  private static List<Scenario> scenariosOf(ProtocolBinding binding, List<Scenario> pool) {
    return pool.stream().filter(scenario -> scenario.protocol().equals(binding.name())).toList();
  }

  private Runs runs(Scenario scenario) {
    return runs.computeIfAbsent(scenario.origin(), unused -> runTwice(scenario));
  }

  private Runs runTwice(Scenario scenario) {
    RunReport first = ScenarioRunner.run(scenario);
    RunReport second = ScenarioRunner.run(scenario);
    Set<String> violated = new TreeSet<>();
    first.outcome().violations().stream().map(Violation::invariant).forEach(violated::add);
    first.outcome().failedEventually().stream()
        .map(EventuallyResult::property)
        .forEach(violated::add);
    return new Runs(
        first.outcome().fingerprint(),
        second.outcome().fingerprint(),
        violated,
        first.unmetExpectations(),
        first.outcome().sometimes().stream()
            .filter(SometimesResult::reached)
            .map(SometimesResult::property)
            .collect(Collectors.toCollection(TreeSet::new)));
  }
}
