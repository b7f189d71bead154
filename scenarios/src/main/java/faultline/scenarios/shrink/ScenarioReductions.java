package faultline.scenarios.shrink;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.scenarios.shrink.Search.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.scenarios.parse.Durations;
import java.util.List;

/**
 * Reductions of the world around the faults: a network that neither loses, duplicates nor reorders
 * messages, and a lighter client load (fewer client nodes, fewer processes each, more think time
 * between operations) for the protocols whose {@code params.clients} block drives a workload.
 */
final class ScenarioReductions {
  private static final List<String> NETWORK_RANDOMNESS = List.of("loss", "duplicate", "reorder");
  private static final long INTERVAL_MIN_DEFAULT_NANOS = 20 * MILLI;
  private static final long INTERVAL_MAX_DEFAULT_NANOS = 100 * MILLI;

  private ScenarioReductions() {}

  /** Each of loss, duplication and reordering turned off, when the failure survives it. */
  static boolean quietNetwork(Search search) {
    boolean changed = false;
    for (String field : NETWORK_RANDOMNESS) {
      JsonNode network = search.current().base().get("network");
      if (network == null
          || !network.has(field)
          || network.get(field).decimalValue().signum() == 0) {
        continue;
      }
      ObjectNode base = search.current().base().deepCopy();
      ((ObjectNode) base.get("network")).remove(field);
      changed |= search.attempt(search.current().withBase(base), "no message " + field);
    }
    return changed;
  }

  /** Fewer client nodes, one process each, and half the rate, each while the failure survives. */
  static boolean lighterLoad(Search search) {
    if (!(search.current().base().path("params").get("clients") instanceof ObjectNode)) {
      return false;
    }
    boolean changed = fewerClients(search);
    changed |= fewerProcesses(search);
    changed |= slowerClients(search);
    return changed;
  }

  private static boolean fewerClients(Search search) {
    boolean changed = false;
    ArrayNode clients = (ArrayNode) clientsOf(search.current().base()).get("nodes");
    for (int i = clients == null ? -1 : clients.size() - 1; i >= 0 && clients.size() > 1; i--) {
      String client = clients.get(i).textValue();
      ObjectNode base = search.current().base().deepCopy();
      removeText((ArrayNode) clientsOf(base).get("nodes"), client);
      if (base.get("nodes") instanceof ArrayNode nodes) {
        removeText(nodes, client);
      }
      if (search.attempt(search.current().withBase(base), "removed client " + client)) {
        changed = true;
        clients = (ArrayNode) clientsOf(search.current().base()).get("nodes");
      }
    }
    return changed;
  }

  private static boolean fewerProcesses(Search search) {
    JsonNode processes = clientsOf(search.current().base()).get("processes");
    if (processes == null || !processes.canConvertToInt() || processes.asInt() <= 1) {
      return false;
    }
    for (int fewer : new int[] {1, processes.asInt() / 2}) {
      ObjectNode base = search.current().base().deepCopy();
      clientsOf(base).put("processes", fewer);
      if (search.attempt(search.current().withBase(base), fewer + " process(es) per client")) {
        return true;
      }
    }
    return false;
  }

  /** Twice the think time between operations, which halves the load, until the run is over. */
  private static boolean slowerClients(Search search) {
    ObjectNode clients = clientsOf(search.current().base());
    if (clients.has("script")) {
      return false; // Scripted operations have no rate.
    }
    long minNanos = duration(clients, "intervalMin", INTERVAL_MIN_DEFAULT_NANOS);
    long maxNanos =
        Math.max(minNanos, duration(clients, "intervalMax", INTERVAL_MAX_DEFAULT_NANOS));
    if (2 * minNanos > search.trial().untilNanos()) {
      return false;
    }
    ObjectNode base = search.current().base().deepCopy();
    clientsOf(base).put("intervalMin", Durations.format(2 * minNanos));
    clientsOf(base).put("intervalMax", Durations.format(2 * maxNanos));
    return search.attempt(
        search.current().withBase(base),
        "half the client rate (think time " + text(2 * minNanos) + ".." + text(2 * maxNanos) + ")");
  }

  private static ObjectNode clientsOf(ObjectNode base) {
    return (ObjectNode) base.get("params").get("clients");
  }

  private static long duration(ObjectNode clients, String field, long fallbackNanos) {
    JsonNode value = clients.get(field);
    return value == null ? fallbackNanos : Durations.parse(value.textValue());
  }

  private static void removeText(ArrayNode list, String text) {
    for (int i = list.size() - 1; i >= 0; i--) {
      if (text.equals(list.get(i).textValue())) {
        list.remove(i);
      }
    }
  }
}
