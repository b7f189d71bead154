package faultline.scenarios.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.random.Seeds;
import faultline.engine.random.SimRandom;
import faultline.scenarios.model.RandomFaults;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * One seed's configuration in a swarm sweep (Groce, Zhang, Eide, Chen and Regehr, "Swarm Testing",
 * ISSTA 2012): of the fault kinds the scenario's {@code randomFaults} draws and the network
 * behaviours it turns on (loss, duplication, reordering), each is kept or left out by a fair coin,
 * so that a seed tests a few features hard instead of every feature a little: a crash that needs a
 * quiet network to matter, say, is never drowned by partitions. The coins come from the seed's own
 * {@code swarm} stream, so the configuration depends only on the scenario and the seed, and a seed
 * that keeps everything runs exactly as in a plain sweep.
 *
 * @param kinds the random fault kinds kept, in the scenario's order (their labels)
 * @param network the network behaviours kept, of {@code loss}, {@code duplicate}, {@code reorder}
 */
public record SwarmConfig(List<String> kinds, List<String> network) {
  /** The network behaviours a swarm turns on or off, in the order their coins are thrown. */
  public static final List<String> NETWORK_BEHAVIOURS = List.of("loss", "duplicate", "reorder");

  public SwarmConfig {
    kinds = List.copyOf(kinds);
    network = List.copyOf(network);
  }

  /** What a swarm can turn off in {@code scenario}: its random fault kinds, then its network's. */
  public static List<String> features(Scenario scenario) {
    List<String> features = new ArrayList<>(kindsOf(scenario));
    features.addAll(networkOf(scenario));
    return features;
  }

  /**
   * The configuration of {@code seed}: a fair coin per feature, drawn in {@link #features} order.
   */
  public static SwarmConfig draw(Scenario scenario, long seed) {
    SimRandom coins = new Seeds(seed).stream("swarm");
    List<String> kinds = new ArrayList<>();
    for (String kind : kindsOf(scenario)) {
      if (coins.nextInt(2) == 1) {
        kinds.add(kind);
      }
    }
    List<String> network = new ArrayList<>();
    for (String behaviour : networkOf(scenario)) {
      if (coins.nextInt(2) == 1) {
        network.add(behaviour);
      }
    }
    return new SwarmConfig(kinds, network);
  }

  /** Whether this seed keeps {@code feature} (a fault kind's label or a network behaviour). */
  public boolean enables(String feature) {
    return kinds.contains(feature) || network.contains(feature);
  }

  /**
   * The scenario this seed runs: the random faults limited to the kinds kept (none when no kind is
   * kept), the network behaviours left out set to zero. Its metric bounds and expected rate are
   * left out too: they were written for the whole scenario; the violations it expects stay.
   */
  public Scenario apply(Scenario scenario, ScenarioLoader loader) {
    ObjectNode source = scenario.source().deepCopy();
    if (source.get("randomFaults") instanceof ObjectNode random) {
      if (kinds.isEmpty()) {
        source.remove("randomFaults");
      } else {
        ArrayNode kept = random.putArray("kinds");
        kinds.forEach(kept::add);
      }
    }
    if (source.get("network") instanceof ObjectNode networkNode) {
      for (String behaviour : networkOf(scenario)) {
        if (!network.contains(behaviour)) {
          networkNode.remove(behaviour);
        }
      }
    }
    if (source.get("expect") instanceof ObjectNode expect) {
      expect.remove("metrics");
      expect.remove("rate");
    }
    return loader.loadSource(scenario.origin(), scenario.origin(), scenario.name(), source);
  }

  /** As a result line carries it: {@code {"kinds": [...], "network": [...]}}. */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    ArrayNode kindsNode = json.putArray("kinds");
    kinds.forEach(kindsNode::add);
    ArrayNode networkNode = json.putArray("network");
    network.forEach(networkNode::add);
    return json;
  }

  /**
   * Reads what {@link #toJson} wrote.
   *
   * @throws IllegalArgumentException naming the field that is wrong
   */
  public static SwarmConfig fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("field 'swarm': not an object");
    }
    return new SwarmConfig(texts(json, "kinds"), texts(json, "network"));
  }

  private static List<String> texts(JsonNode json, String field) {
    JsonNode list = json.get(field);
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException("field 'swarm." + field + "': missing or not an array");
    }
    List<String> texts = new ArrayList<>();
    list.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  /** {@code crash, pause | loss}, or {@code no faults | quiet network}, for the summary. */
  public String label() {
    return (kinds.isEmpty() ? "no random faults" : String.join(", ", kinds))
        + " | "
        + (network.isEmpty() ? "no loss, duplication or reordering" : String.join(", ", network));
  }

  private static List<String> kindsOf(Scenario scenario) {
    RandomFaults random = scenario.randomFaults();
    return random == null
        ? List.of()
        : random.kinds().stream().map(RandomFaults.Kind::label).toList();
  }

  private static List<String> networkOf(Scenario scenario) {
    JsonNode network = scenario.source().get("network");
    List<String> on = new ArrayList<>();
    for (String behaviour : NETWORK_BEHAVIOURS) {
      JsonNode value = network == null ? null : network.get(behaviour);
      if (value != null && value.isNumber() && value.decimalValue().signum() != 0) {
        on.add(behaviour);
      }
    }
    return on;
  }
}
