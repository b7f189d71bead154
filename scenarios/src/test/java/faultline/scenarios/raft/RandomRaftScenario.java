package faultline.scenarios.raft;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.random.SimRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a Raft scenario from a seed: three or five servers and two clients, options drawn at
 * random, a lossy, duplicating, reordering network, and a random fault schedule (partitions,
 * one-way link blocks, crashes with and without lost unsynced writes, restarts, pauses, clock
 * offsets, drifts and jumps, link degradation) for the first 3.5 s. Then everything heals, so the
 * last 1.5 s can show that a leader is elected again. The scenario is a plain file, so a failure
 * can be replayed with {@code ./faultline run <file> --seed N}.
 */
final class RandomRaftScenario {
  static final List<String> FIVE = List.of("n1", "n2", "n3", "n4", "n5");
  static final List<String> CLIENTS = List.of("c1", "c2");
  private static final long HEAL_AT_MILLIS = 3500;
  private static final ObjectMapper JSON = new ObjectMapper();

  private RandomRaftScenario() {}

  static ObjectNode draw(long seed) {
    return draw(seed, List.of());
  }

  /** The scenario for {@code seed}, with {@code bugs} planted (the same options and faults). */
  static ObjectNode draw(long seed, List<String> bugs) {
    SimRandom random = new SimRandom(seed * 0x9e3779b97f4a7c15L + 17);
    ObjectNode scenario = JSON.createObjectNode();
    scenario.put("name", "raft-sweep-" + seed);
    scenario.put(
        "description",
        "A randomized Raft run for the seed sweep: random options, a faulty network and a random"
            + " fault schedule, healed at 3.5 s.");
    scenario.put("protocol", "raft");
    List<String> servers = random.nextInt(3) == 0 ? FIVE.subList(0, 3) : FIVE;
    ArrayNode nodes = scenario.putArray("nodes");
    servers.forEach(nodes::add);
    CLIENTS.forEach(nodes::add);
    ObjectNode params = params(random);
    if (!bugs.isEmpty()) {
      ArrayNode planted = params.putArray("bugs");
      bugs.forEach(planted::add);
    }
    scenario.set("params", params);
    ObjectNode network = scenario.putObject("network");
    network.put("latency", "1ms..12ms");
    network.put("loss", random.nextInt(6) / 100.0);
    network.put("duplicate", random.nextInt(6) / 100.0);
    network.put("reorder", random.nextInt(11) / 100.0);
    int count = 4 + random.nextInt(8);
    scenario.set(
        "faults", faults(random, servers, count, HEAL_AT_MILLIS, RandomRaftScenario::fault));
    scenario.putObject("run").put("duration", "5s");
    scenario.put("seed", seed);
    return scenario;
  }

  private static ObjectNode params(SimRandom random) {
    ObjectNode params = JSON.createObjectNode();
    params.put("preVote", random.nextInt(2) == 0);
    params.put("checkQuorum", random.nextInt(2) == 0);
    params.put("fastBackup", random.nextInt(2) == 0);
    params.put("reads", List.of("log", "read-index", "lease").get(random.nextInt(3)));
    params.put("maxEntriesPerAppend", 1 + random.nextInt(8));
    ObjectNode clients = params.putObject("clients");
    ArrayNode clientNodes = clients.putArray("nodes");
    CLIENTS.forEach(clientNodes::add);
    clients.put("processes", 2);
    clients.put("intervalMin", "5ms");
    clients.put("intervalMax", "60ms");
    clients.put("keys", 2);
    clients.put("until", "4s");
    return params;
  }

  /** Draws the faults that begin at {@code atMillis}: one fault and, often, its end. */
  @FunctionalInterface
  interface FaultShapes {
    List<ObjectNode> draw(SimRandom random, long atMillis, List<String> servers);
  }

  /**
   * {@code count} faults drawn by {@code shapes}, each starting between 200 ms and {@code
   * healAtMillis} - 100 ms, then everything healed and restarted at {@code healAtMillis}.
   */
  static ArrayNode faults(
      SimRandom random, List<String> servers, int count, long healAtMillis, FaultShapes shapes) {
    ArrayNode faults = JSON.createArrayNode();
    List<ObjectNode> drawn = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long atMillis = 200 + random.nextLong(healAtMillis - 300);
      drawn.addAll(shapes.draw(random, atMillis, servers));
    }
    drawn.sort((a, b) -> Long.compare(millis(a), millis(b)));
    drawn.forEach(faults::add);
    // The liveness phase: heal everything and bring every node back.
    faults.add(at(healAtMillis).put("type", "heal"));
    for (String from : servers) {
      for (String to : servers) {
        if (!from.equals(to)) {
          faults.add(at(healAtMillis).put("type", "unblock").put("from", from).put("to", to));
        }
      }
    }
    for (String node : servers) {
      faults.add(at(healAtMillis).put("type", "restart").put("node", node));
      faults.add(at(healAtMillis).put("type", "link").put("from", node).put("loss", 0.01));
    }
    return faults;
  }

  /**
   * One of nine shapes: a partition, a one-way cut, a crash (twice as likely), a pause, a clock
   * jump or drift, a degraded link, or a client's crash; each that lasts, with its end.
   */
  static List<ObjectNode> fault(SimRandom random, long atMillis, List<String> servers) {
    String server = servers.get(random.nextInt(servers.size()));
    String other = servers.get(random.nextInt(servers.size()));
    return switch (random.nextInt(9)) {
      case 0 ->
          List.of(
              partition(random, atMillis, servers),
              at(atMillis + 100 + random.nextLong(900)).put("type", "heal"));
      case 1 ->
          server.equals(other)
              ? List.of()
              : List.of(
                  at(atMillis).put("type", "block").put("from", server).put("to", other),
                  at(atMillis + 100 + random.nextLong(1000))
                      .put("type", "unblock")
                      .put("from", server)
                      .put("to", other));
      case 2, 3 ->
          List.of(
              at(atMillis)
                  .put("type", "crash")
                  .put("node", server)
                  .put("loseUnsyncedWrites", random.nextInt(2) == 0),
              at(atMillis + 50 + random.nextLong(800)).put("type", "restart").put("node", server));
      case 4 ->
          List.of(
              at(atMillis)
                  .put("type", "pause")
                  .put("node", server)
                  .put("duration", (20 + random.nextLong(600)) + "ms"));
      case 5 ->
          List.of(
              at(atMillis)
                  .put("type", "clock-jump")
                  .put("node", server)
                  .put("by", (random.nextInt(2) == 0 ? "+" : "-") + random.nextLong(2000) + "ms"));
      case 6 ->
          List.of(
              at(atMillis)
                  .put("type", "clock-drift")
                  .put("node", server)
                  .put("drift", (random.nextLong(401) - 200) + "ppm"));
      case 7 ->
          List.of(
              at(atMillis)
                  .put("type", "link")
                  .put("from", server)
                  .put("loss", random.nextInt(40) / 100.0)
                  .put("duplicate", random.nextInt(20) / 100.0));
      default ->
          List.of(
              at(atMillis)
                  .put("type", "crash")
                  .put("node", CLIENTS.get(random.nextInt(CLIENTS.size()))),
              at(atMillis + 100 + random.nextLong(500))
                  .put("type", "restart")
                  .put("node", CLIENTS.get(random.nextInt(CLIENTS.size()))));
    };
  }

  private static ObjectNode partition(SimRandom random, long atMillis, List<String> servers) {
    ObjectNode fault = at(atMillis).put("type", "partition");
    ArrayNode side = fault.putArray("groups").addArray();
    List<String> nodes = new ArrayList<>(servers);
    nodes.addAll(CLIENTS);
    int size = 1 + random.nextInt(3);
    for (int i = 0; i < size && !nodes.isEmpty(); i++) {
      side.add(nodes.remove(random.nextInt(nodes.size())));
    }
    return fault;
  }

  static ObjectNode at(long atMillis) {
    ObjectNode fault = JSON.createObjectNode();
    fault.put("at", atMillis + "ms");
    return fault;
  }

  private static long millis(ObjectNode fault) {
    String at = fault.get("at").asText();
    return Long.parseLong(at.substring(0, at.length() - 2));
  }
}
