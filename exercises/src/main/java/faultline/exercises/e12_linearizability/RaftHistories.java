package faultline.exercises.e12_linearizability;

import faultline.engine.trace.TraceSink;
import faultline.exercises.grading.ExerciseScenarios;
import faultline.protocols.history.HistoryEvent;
import faultline.protocols.history.Model;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.history.ClientHistorySink;
import faultline.scenarios.history.HistoryParser;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import faultline.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The histories of real runs of the simulator's Raft key-value store, as {@code ./faultline run
 * <scenario> --history FILE} writes them: the bundled {@code raft/stale-read} and {@code
 * raft/lease-clock-drift}, whose deposed leaders serve stale reads (not linearizable), and {@code
 * exercises/e12-raft-faults}, the correct store under faults drawn from the seed (linearizable).
 * Their clients only get, put and cas, so each key's history is a register's: the empty string is
 * the empty register, and each other string a number of its own.
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
    ScenarioLoader loader = new ScenarioLoader(Protocols.invariantsByProtocol());
    for (Runs runs : RUNS) {
      Scenario scenario =
          runs.bundled()
              ? new Catalog(loader).load(runs.scenario())
              : ExerciseScenarios.load(runs.scenario());
      String name = runs.bundled() ? runs.scenario() : ExerciseScenarios.name(runs.scenario());
      for (long seed : runs.seeds()) {
        cases.addAll(byKey(name + " seed " + seed, seed, history(scenario, seed)));
      }
    }
    return cases;
  }

  /** Runs {@code scenario} with {@code seed} and reads its clients' history back. */
  private static List<HistoryEvent> history(Scenario scenario, long seed) {
    try {
      Path file = Files.createTempFile("faultline-e12-", ".jsonl");
      try {
        try (ClientHistorySink sink = new ClientHistorySink(file, TraceSink.discard())) {
          ScenarioRunner.run(scenario, seed, scenario.run().durationNanos(), sink);
        }
        return HistoryParser.parse(file, Model.kv()).events();
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each key's events as a register's, keys in order. */
  private static List<RegisterCase> byKey(String run, long seed, List<HistoryEvent> events) {
    Map<String, List<HistoryEvent>> byKey = new TreeMap<>();
    Map<String, Map<String, Long>> numbers = new TreeMap<>();
    for (HistoryEvent event : events) {
      Map<String, Long> number = numbers.computeIfAbsent(event.key(), key -> new HashMap<>());
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
                    default -> throw new IllegalStateException("not a register: " + event.f());
                  },
                  null,
                  registerValue(event.value(), number),
                  event.timeNanos()));
    }
    List<RegisterCase> cases = new ArrayList<>();
    for (Map.Entry<String, List<HistoryEvent>> key : byKey.entrySet()) {
      cases.add(new RegisterCase(run + " key " + key.getKey(), seed, key.getValue()));
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
