package faultline.scenarios.raft;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.random.SimRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a Raft scenario whose configuration is random as well as its faults: any legal one the
 * loader accepts, unwise ones included. Like swarm testing, each seed first picks a family, then
 * the values within it, so that rare combinations come up often: the election timeouts are uniform,
 * mixed or every server's own ({@link #timeouts}); the reads by log, ReadIndex or (half the time)
 * lease; PreVote, CheckQuorum and fast back-up each on or off; one to eight entries per
 * AppendEntries; one to four AppendEntries in flight per follower, or the default; two clients of
 * two to four processes each, reading one to eight times as often as they write each kind, with
 * attempt and operation timeouts of their own. Three or five servers, a lossy, duplicating,
 * reordering network, and for the first 2 s either one to three faults or four to eleven: gray
 * failures, a server cut off with a client, and {@link RandomRaftScenario}'s partitions, one-way
 * cuts, crashes losing unsynced writes or not, pauses, clock jumps, drifts within the lease's
 * margin and degraded links. Then everything heals and the run goes on to 3 s. The scenario is a
 * plain file, so a failing seed replays with {@code ./faultline run <file> --seed N}.
 */
final class RandomRaftConfig {
  static final long HEAL_AT_MILLIS = 2000;

  /**
   * The linearizability check's budget: enough to decide nearly every history these runs write,
   * small enough that a history it cannot decide (many operations left unknown by a long spell
   * without a leader) costs a second, not a minute.
   */
  static final long CHECK_STATES_MAX = 100_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private RandomRaftConfig() {}

  static ObjectNode draw(long seed) {
    return draw(seed, List.of());
  }

  /**
   * The scenario for {@code seed}, with {@code bugs} planted (the same configuration and faults).
   */
  static ObjectNode draw(long seed, List<String> bugs) {
    SimRandom random = new SimRandom(seed * 0x2545f4914f6cdd1dL + 101);
    ObjectNode scenario = JSON.createObjectNode();
    scenario.put("name", "raft-config-fuzz-" + seed);
    scenario.put(
        "description",
        "A Raft run with a random legal configuration (per-server election timeouts, read mode,"
            + " options, batch and in-flight limits) under random faults, healed at 2 s.");
    scenario.put("protocol", "raft");
    List<String> servers =
        random.nextInt(2) == 0 ? RandomRaftScenario.FIVE.subList(0, 3) : RandomRaftScenario.FIVE;
    ArrayNode nodes = scenario.putArray("nodes");
    servers.forEach(nodes::add);
    RandomRaftScenario.CLIENTS.forEach(nodes::add);
    ObjectNode params = params(random, servers);
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
    // Few faults half the time, so that a precise one finds a cluster in its steady state.
    int count = random.nextInt(2) == 0 ? 1 + random.nextInt(3) : 4 + random.nextInt(8);
    scenario.set(
        "faults",
        RandomRaftScenario.faults(random, servers, count, HEAL_AT_MILLIS, RandomRaftConfig::fault));
    scenario.putObject("run").put("duration", "3s");
    scenario.put("seed", seed);
    return scenario;
  }

  /**
   * One time in four, a server whose links fail one after another ({@link #linksFailOneByOne}); one
   * time in four, a server cut off with one of the clients ({@link #cutOffWithAClient}); otherwise
   * one of {@link RandomRaftScenario#fault}'s shapes.
   */
  private static List<ObjectNode> fault(SimRandom random, long atMillis, List<String> servers) {
    return switch (random.nextInt(4)) {
      case 0 -> linksFailOneByOne(random, atMillis, servers);
      case 1 -> cutOffWithAClient(random, atMillis, servers);
      default -> RandomRaftScenario.fault(random, atMillis, servers);
    };
  }

  /**
   * A server and one client on one side of a partition, everyone else on the other, for 100 ms to 1
   * s: a leader cut off this way keeps answering the client beside it for as long as it believes it
   * leads, which is what a read lease must not outlast.
   */
  private static List<ObjectNode> cutOffWithAClient(
      SimRandom random, long atMillis, List<String> servers) {
    ObjectNode partition = RandomRaftScenario.at(atMillis).put("type", "partition");
    partition
        .putArray("groups")
        .addArray()
        .add(servers.get(random.nextInt(servers.size())))
        .add(RandomRaftScenario.CLIENTS.get(random.nextInt(RandomRaftScenario.CLIENTS.size())));
    long healAtMillis = Math.min(atMillis + 100 + random.nextLong(901), HEAL_AT_MILLIS);
    return List.of(partition, RandomRaftScenario.at(healAtMillis).put("type", "heal"));
  }

  /**
   * A gray failure, as a failing network card or switch port gives: one server's links to the other
   * nodes, servers and clients, fail one at a time in a random order, 20 to 300 ms apart, in what
   * it sends, what it receives or both; then they all come back, 80 to 980 ms after the last one
   * failed. Uniform random cuts seldom build this, and it is what configurations are most sensitive
   * to: some servers stop hearing the leader long before the others, so the times each may vote
   * differ as much as the per-server timeouts let them, while some clients still reach the old
   * leader and others have moved on.
   */
  private static List<ObjectNode> linksFailOneByOne(
      SimRandom random, long atMillis, List<String> servers) {
    String server = servers.get(random.nextInt(servers.size()));
    List<String> others = new ArrayList<>(servers);
    others.remove(server);
    others.addAll(RandomRaftScenario.CLIENTS);
    int direction = random.nextInt(3); // 0: what it sends, 1: what it receives, 2: both.
    List<ObjectNode> faults = new ArrayList<>();
    List<ObjectNode> ends = new ArrayList<>();
    long cutAtMillis = atMillis;
    while (!others.isEmpty() && cutAtMillis < HEAL_AT_MILLIS) {
      String other = others.remove(random.nextInt(others.size()));
      if (direction != 1) {
        faults.add(cut("block", cutAtMillis, server, other));
        ends.add(cut("unblock", 0, server, other));
      }
      if (direction != 0) {
        faults.add(cut("block", cutAtMillis, other, server));
        ends.add(cut("unblock", 0, other, server));
      }
      cutAtMillis += 20 + random.nextLong(281);
    }
    // Ends later than the liveness phase's heal would come after its unblocks, for nothing.
    long endAtMillis = Math.min(cutAtMillis + 80 + random.nextLong(901), HEAL_AT_MILLIS);
    for (ObjectNode end : ends) {
      faults.add(end.put("at", endAtMillis + "ms"));
    }
    return faults;
  }

  private static ObjectNode cut(String type, long atMillis, String from, String to) {
    return RandomRaftScenario.at(atMillis).put("type", type).put("from", from).put("to", to);
  }

  /**
   * The heartbeat and the election timeouts, in one of three families. Uniform (one time in four):
   * no server has a timeout of its own. Mixed (one in four): each server, with even odds, has a
   * range anywhere from just above the heartbeat to twice the default minimum. Own (one in two):
   * every server has a range of its own in the lowest quarter of the span from the heartbeat to a
   * default minimum of up to a second, so that the defaults only set how long a server that heard
   * from a leader refuses to vote for another. Timeouts below the default minimum are where a read
   * lease is at risk.
   */
  private static void timeouts(SimRandom random, ObjectNode params, List<String> servers) {
    int family = random.nextInt(4);
    long heartbeat = 5 + random.nextLong(56);
    long timeoutMin = heartbeat + 1 + random.nextLong(family < 2 ? 400 : 1000);
    params.put("heartbeat", heartbeat + "ms");
    params.put("electionTimeoutMin", timeoutMin + "ms");
    params.put("electionTimeoutMax", (timeoutMin + random.nextLong(301)) + "ms");
    ArrayNode overrides = params.putArray("electionTimeouts");
    for (String server : servers) {
      if (family == 0 || (family == 1 && random.nextInt(2) == 0)) {
        continue;
      }
      long min =
          family == 1
              ? heartbeat + 1 + random.nextLong(2 * timeoutMin - heartbeat)
              : heartbeat + 1 + random.nextLong(1 + (timeoutMin - heartbeat) / 4);
      overrides
          .addObject()
          .put("node", server)
          .put("min", min + "ms")
          .put("max", (min + random.nextLong(101)) + "ms");
    }
  }

  private static ObjectNode params(SimRandom random, List<String> servers) {
    ObjectNode params = JSON.createObjectNode();
    timeouts(random, params, servers);
    params.put("preVote", random.nextInt(2) == 0);
    params.put("checkQuorum", random.nextInt(2) == 0);
    params.put("fastBackup", random.nextInt(2) == 0);
    // Lease reads half the time: they are the mode whose safety depends on the timeouts.
    params.put("reads", List.of("log", "read-index", "lease", "lease").get(random.nextInt(4)));
    params.put("maxEntriesPerAppend", 1 + random.nextInt(8));
    if (random.nextInt(3) != 0) {
      params.put("maxInflightAppends", 1 + random.nextInt(4));
    }
    ObjectNode clients = params.putObject("clients");
    ArrayNode clientNodes = clients.putArray("nodes");
    RandomRaftScenario.CLIENTS.forEach(clientNodes::add);
    clients.put("processes", 2 + random.nextInt(3));
    clients.put("intervalMin", "5ms");
    clients.put("intervalMax", (10 + random.nextLong(51)) + "ms");
    clients.put("keys", 1 + random.nextInt(3));
    // Reads from as common as each kind of write to eight times as common.
    clients.putObject("mix").put("get", 1 + random.nextInt(8)).put("put", 1).put("append", 1);
    // From a little more than the slowest round trip (two 12 ms hops) to several.
    long attemptMillis = 25 + random.nextLong(76);
    clients.put("attemptTimeout", attemptMillis + "ms");
    clients.put("operationTimeout", (attemptMillis * (2 + random.nextLong(9))) + "ms");
    clients.put("until", "2.5s");
    params.put("checkStatesMax", CHECK_STATES_MAX);
    return params;
  }
}
