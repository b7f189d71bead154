package faultline.scenarios.shrink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.fault.ScheduledFault;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.Durations;
import faultline.scenarios.run.ScenarioRunner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a scenario and a seed into a scenario with the same run and every fault written out: the
 * scripted faults as the file gives them, then those the seed draws from {@code randomFaults},
 * which the block is replaced by. The draw uses its own random stream, so taking it out of the run
 * changes nothing else: the explicit scenario makes the same events, event for event.
 */
final class Materializer {
  private Materializer() {}

  static Candidate materialize(Scenario scenario, long seed) {
    return materialize(scenario, seed, scenario.run().untilNanos());
  }

  /**
   * The explicit scenario of the run stopped at {@code untilNanos} ({@code run --until}), which
   * draws its random faults within that shorter window.
   */
  static Candidate materialize(Scenario scenario, long seed, long untilNanos) {
    List<TimedFault> faults = new ArrayList<>();
    List<Boolean> drawn = new ArrayList<>();
    for (ObjectNode entry : scriptedInRunOrder(scenario.source())) {
      ObjectNode body = entry.deepCopy();
      body.remove("at");
      faults.add(new TimedFault(Durations.parse(entry.get("at").textValue()), body, faults.size()));
      drawn.add(false);
    }
    List<ScheduledFault> all = ScenarioRunner.faultsOf(scenario, seed, untilNanos);
    for (ScheduledFault fault : all.subList(scenario.faults().size(), all.size())) {
      faults.add(new TimedFault(fault.atNanos(), Faults.body(fault.fault()), faults.size()));
      drawn.add(true);
    }
    ObjectNode base = base(scenario, seed);
    if (untilNanos != scenario.run().untilNanos()) {
      base.withObjectProperty("run").put("until", Durations.format(untilNanos));
    }
    return new Candidate(base, Faults.episodes(inRunOrder(faults), drawn(faults, drawn)));
  }

  /** The scripted entries, stably sorted by time as the loader sorts them. */
  private static List<ObjectNode> scriptedInRunOrder(ObjectNode source) {
    List<ObjectNode> entries = new ArrayList<>();
    JsonNode list = source.get("faults");
    if (list != null) {
      list.forEach(entry -> entries.add((ObjectNode) entry));
    }
    entries.sort(Comparator.comparingLong(entry -> Durations.parse(entry.get("at").textValue())));
    return entries;
  }

  private static List<TimedFault> inRunOrder(List<TimedFault> faults) {
    List<TimedFault> sorted = new ArrayList<>(faults);
    sorted.sort(Comparator.comparingLong(TimedFault::atNanos).thenComparingInt(TimedFault::rank));
    return sorted;
  }

  private static List<Boolean> drawn(List<TimedFault> faults, List<Boolean> byRank) {
    return inRunOrder(faults).stream().map(fault -> byRank.get(fault.rank())).toList();
  }

  /**
   * The document without its faults: no {@code randomFaults}, an empty {@code faults} list where
   * the faults were, the seed as its default seed, and no {@code $schema} (its relative path points
   * nowhere from another folder) or expectations (the shrunk scenario's are its own).
   */
  private static ObjectNode base(Scenario scenario, long seed) {
    ObjectNode source = scenario.source().deepCopy();
    source.remove("$schema");
    if (!source.has("faults") && source.has("randomFaults")) {
      ObjectNode reordered = source.objectNode();
      source
          .fields()
          .forEachRemaining(
              field ->
                  reordered.set(
                      field.getKey().equals("randomFaults") ? "faults" : field.getKey(),
                      field.getValue()));
      source = reordered;
    }
    source.remove("randomFaults");
    source.putArray("faults");
    source.put("seed", seed);
    source.remove("expect");
    return source;
  }
}
