package faultline.exercises.e12_linearizability;

import faultline.exercises.grading.ClientHistories;
import faultline.exercises.grading.ExerciseScenarios;
import faultline.protocols.history.HistoryEvent;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The histories of real runs of the simulator's Raft key-value store, as {@code ./faultline run
 * <scenario> --history FILE} writes them: the bundled {@code raft/stale-read} and {@code
 * raft/lease-clock-drift}, whose deposed leaders serve stale reads (not linearizable), and {@code
 * exercises/e12-raft-faults}, the correct store under faults drawn from the seed (linearizable),
 * run as {@code raft} so that the student's search does not judge the runs that grade it. Their
 * clients only get, put and cas, so each key's history is a register's: the empty string is the
 * empty register, and each other string a number of its own.
 */
final class RaftHistories {
  /** A scenario, and the seeds it runs with. */
  private record Runs(String scenario, boolean bundled, List<Long> seeds) {}

  private static final List<Runs> RUNS =
      List.of(
          new Runs("raft/stale-read", true, List.of(12L, 1L, 2L)),
          new Runs("raft/lease-clock-drift", true, List.of(18L)),
          new Runs("e12-raft-faults.json", false, List.of(1L, 2L, 3L)));

  private RaftHistories() {}

  static List<RegisterCase> all() {
    List<RegisterCase> cases = new ArrayList<>();
    ScenarioLoader loader = Protocols.scenarioLoader();
    for (Runs runs : RUNS) {
      Scenario scenario =
          runs.bundled()
              ? new Catalog(loader).load(runs.scenario())
              : ExerciseScenarios.loadWithProtocol(runs.scenario(), "raft");
      String name = runs.bundled() ? runs.scenario() : ExerciseScenarios.name(runs.scenario());
      for (long seed : runs.seeds()) {
        cases.addAll(byKey(name + " seed " + seed, seed, ClientHistories.ofRun(scenario, seed)));
      }
    }
    return cases;
  }

  /**
   * Each key's events as a register's, keys in order, named {@code <run> key <key>}.
   *
   * @throws IllegalArgumentException for an {@code append}, which a register does not have
   */
  static List<RegisterCase> byKey(String run, Long seed, List<HistoryEvent> events) {
    Map<String, List<HistoryEvent>> byKey = new TreeMap<>();
    Map<String, Map<String, Long>> numbers = new TreeMap<>();
    for (HistoryEvent event : events) {
      Map<String, Long> number = numbers.computeIfAbsent(event.key(), key -> new TreeMap<>());
      byKey
          .computeIfAbsent(event.key(), key -> new ArrayList<>())
          .add(
              new HistoryEvent(
                  event.process(),
                  event.type(),
                  switch (event.f()) {
                    case "get" -> "read";
                    case "put" -> "write";
                    case "cas" -> "cas";
                    default ->
                        throw new IllegalArgumentException(
                            "the history has an "
                                + event.f()
                                + ", which a register does not have: exercise 12 checks get,"
                                + " put and cas only (a client mix without append)");
                  },
                  null,
                  registerValue(event.value(), number),
                  event.timeNanos()));
    }
    List<RegisterCase> cases = new ArrayList<>();
    for (Map.Entry<String, List<HistoryEvent>> key : byKey.entrySet()) {
      String name = (run.isEmpty() ? "" : run + " ") + "key " + key.getKey();
      cases.add(new RegisterCase(name, seed, key.getValue()));
    }
    return cases;
  }

  private static Object registerValue(Object value, Map<String, Long> number) {
    if (value instanceof List<?> swap) {
      List<Object> both = new ArrayList<>();
      both.add(registerValue(swap.get(0), number));
      both.add(registerValue(swap.get(1), number));
      return both;
    }
    if (value == null || value.equals("")) {
      return null;
    }
    return number.computeIfAbsent((String) value, text -> (long) number.size() + 1);
  }
}
