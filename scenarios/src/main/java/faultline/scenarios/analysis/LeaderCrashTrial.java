package faultline.scenarios.analysis;

import static faultline.engine.time.Nanos.MILLI;

import faultline.engine.Simulation;
import faultline.engine.node.NodeId;
import faultline.engine.random.Seeds;
import faultline.engine.random.SimRandom;
import faultline.engine.trace.TraceSink;
import faultline.protocols.raft.RaftNode;
import faultline.protocols.raft.Role;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import faultline.scenarios.run.ScenarioRunner;
import java.util.ArrayList;
import java.util.List;

/**
 * One trial of Raft's Figure 16 (§9.3): five servers elect a leader and replicate a client's
 * writes; the client's last write is the leader's last synchronized broadcast, the leader crashes
 * at a point drawn uniformly within a heartbeat interval after it, and the trial measures the time
 * from the crash until a surviving server leads a newer term.
 *
 * <p>The paper made the logs differ in each trial ("so some candidates were not eligible to become
 * leader"). Here two followers drawn at random lag: for the last half heartbeat of writes (a client
 * writing a few times per half heartbeat) the leader's messages to them are lost (a one-way cut
 * that lasts past the crash), so they miss the last entries and cannot win against a survivor that
 * has them. How often the survivors' logs still differed when the first of them stood for election
 * is counted, not assumed.
 *
 * <p>The leader is not known before the run, and a scenario names the node it crashes, so a trial
 * runs twice with the same seed: a probe without the crash finds who leads just before it, then the
 * measured run crashes that server. Both runs are identical until the lagging followers are cut
 * off, which cannot change who leads (the check below insists); the measured run is an ordinary
 * scenario ({@link #scenarioText}).
 */
final class LeaderCrashTrial {
  /**
   * One-way delay by default, uniform: a broadcast (four requests, the slowest reply) then takes
   * 15.1 ms on average, the paper's "roughly 15ms".
   */
  static final long LATENCY_MIN_NANOS = 4_000_000L;

  static final long LATENCY_MAX_NANOS = 9_000_000L;

  /** The time resolution of the measurement. */
  static final long STEP_NANOS = 100_000L;

  /** A trial still without a new leader this long after the crash is reported as beyond it. */
  static final long CAP_NANOS = 30_000_000_000L;

  private static final int SERVERS = 5;

  /**
   * Followers that miss the last entries: two of the four, so that neither can collect a majority
   * of five without a survivor that has them (and, as in the paper, "the smallest possible downtime
   * was about half of the minimum election timeout").
   */
  private static final int LAGGING = 2;

  enum Outcome {
    /** A surviving server leads a newer term. */
    ELECTED,
    /** No new leader within {@link #CAP_NANOS}. */
    BEYOND_CAP,
    /** Nobody led when the crash was due: nothing to crash. */
    NO_LEADER
  }

  /**
   * @param downtimeNanos from the crash to the new leader; {@link #CAP_NANOS} when beyond it, -1
   *     without a leader to crash
   * @param logsDiffered whether the survivors' logs differed when the first stood for election
   * @param lagging the followers that missed the leader's last messages
   */
  record Result(
      long seed,
      Outcome outcome,
      long downtimeNanos,
      boolean logsDiffered,
      String leader,
      long crashAtNanos,
      List<String> lagging) {}

  private final ElectionTimeouts timeouts;
  private final long[] latencyNanos;
  private final ScenarioLoader loader;

  LeaderCrashTrial(ElectionTimeouts timeouts, long[] latencyNanos, ScenarioLoader loader) {
    this.timeouts = timeouts;
    this.latencyNanos = latencyNanos.clone();
    this.loader = loader;
  }

  /**
   * When the client stops writing: long after the first election (the servers boot a heartbeat
   * apart, so it needs no split-vote luck), the same for every trial of a configuration.
   */
  long lastWriteAtNanos() {
    return 300 * MILLI + 2 * timeouts.maxNanos();
  }

  Result run(long seed) {
    SimRandom draws = new Seeds(seed).stream("leader-crash");
    long crashAtNanos = lastWriteAtNanos() + draws.nextLong(timeouts.heartbeatNanos());
    Simulation probe = build(seed, null, List.of(), crashAtNanos);
    probe.runUntil(crashAtNanos - 1);
    RaftNode leaderNode = newestLeader(servers(probe), Long.MIN_VALUE);
    if (leaderNode == null) {
      return new Result(seed, Outcome.NO_LEADER, -1, false, "", crashAtNanos, List.of());
    }
    String leader = leaderName(probe, leaderNode);
    List<String> followers = new ArrayList<>();
    for (int i = 1; i <= SERVERS; i++) {
      if (!leader.equals("n" + i)) {
        followers.add("n" + i);
      }
    }
    List<String> lagging = new ArrayList<>();
    while (lagging.size() < LAGGING) {
      lagging.add(followers.remove(draws.nextInt(followers.size())));
    }
    lagging.sort(null);
    Simulation measured = build(seed, leader, lagging, crashAtNanos);
    measured.runUntil(crashAtNanos - 1);
    RaftNode before = newestLeader(servers(measured), Long.MIN_VALUE);
    if (before == null || !leaderName(measured, before).equals(leader)) {
      throw new IllegalStateException(
          timeouts.label() + " seed " + seed + ": the measured run diverged from its probe");
    }
    return measure(seed, measured, leader, before.currentTerm(), crashAtNanos, lagging);
  }

  private Result measure(
      long seed,
      Simulation measured,
      String leader,
      long crashedTerm,
      long crashAtNanos,
      List<String> lagging) {
    Boolean logsDiffered = null;
    measured.runUntil(crashAtNanos);
    List<RaftNode> survivors = servers(measured); // Nobody restarts: the same objects throughout.
    for (long now = crashAtNanos; now <= crashAtNanos + CAP_NANOS; now += STEP_NANOS) {
      measured.runUntil(now);
      if (measured.isStopped()) {
        throw new IllegalStateException(
            timeouts.label() + " seed " + seed + ": the run stopped: " + measured.violations());
      }
      if (logsDiffered == null && anyCandidate(survivors)) {
        logsDiffered = logsDiffer(survivors);
      }
      if (newestLeader(survivors, crashedTerm) != null) {
        return new Result(
            seed,
            Outcome.ELECTED,
            now - crashAtNanos,
            Boolean.TRUE.equals(logsDiffered),
            leader,
            crashAtNanos,
            lagging);
      }
    }
    return new Result(
        seed,
        Outcome.BEYOND_CAP,
        CAP_NANOS,
        Boolean.TRUE.equals(logsDiffered),
        leader,
        crashAtNanos,
        lagging);
  }

  /** The leader of the newest term above {@code aboveTerm}, or null. */
  private static RaftNode newestLeader(List<RaftNode> servers, long aboveTerm) {
    RaftNode newest = null;
    for (RaftNode server : servers) {
      if (server.role() == Role.LEADER
          && server.currentTerm() > aboveTerm
          && (newest == null || server.currentTerm() > newest.currentTerm())) {
        newest = server;
      }
    }
    return newest;
  }

  private static boolean anyCandidate(List<RaftNode> servers) {
    return servers.stream().anyMatch(server -> server.role() == Role.CANDIDATE);
  }

  private static boolean logsDiffer(List<RaftNode> servers) {
    return servers.stream()
            .map(server -> server.log().lastTerm() + "/" + server.log().lastIndex())
            .distinct()
            .count()
        > 1;
  }

  private static List<RaftNode> servers(Simulation simulation) {
    List<RaftNode> live = new ArrayList<>(SERVERS);
    for (int i = 1; i <= SERVERS; i++) {
      simulation.node(NodeId.of("n" + i), RaftNode.class).ifPresent(live::add);
    }
    return live;
  }

  private static String leaderName(Simulation simulation, RaftNode leader) {
    for (int i = 1; i <= SERVERS; i++) {
      NodeId id = NodeId.of("n" + i);
      if (simulation.node(id, RaftNode.class).orElse(null) == leader) {
        return id.name();
      }
    }
    throw new IllegalStateException("the leader is not one of the servers");
  }

  private Simulation build(long seed, String leader, List<String> lagging, long crashAtNanos) {
    long durationNanos = crashAtNanos + 2 * CAP_NANOS;
    String text = scenarioText(leader, lagging, crashAtNanos, durationNanos);
    Scenario scenario = loader.load(name(), "analysis:" + name(), name(), text);
    return ScenarioRunner.build(scenario, seed, durationNanos, TraceSink.discard());
  }

  private String name() {
    return "raft-figure-16-" + timeouts.label();
  }

  /**
   * The trial as a scenario: without a leader, the probe; with one, the measured run, which crashes
   * it at {@code crashAtNanos} and cuts the lagging followers off from it half a heartbeat before
   * the client's last write. The servers boot a heartbeat apart (a crash at 0 and a restart is how
   * a scenario boots a node late): servers booted together with the same fixed timeout would split
   * every vote forever, as no timer here has the jitter of a real one.
   */
  String scenarioText(String leader, List<String> lagging, long crashAtNanos, long durationNanos) {
    List<String> faults = new ArrayList<>();
    for (int i = 2; i <= SERVERS; i++) {
      String node = "\"node\": \"n" + i + "\"";
      faults.add(fault(0, "crash", node));
      faults.add(fault((i - 1) * timeouts.heartbeatNanos(), "restart", node));
    }
    if (leader != null) {
      long lagFromNanos = lastWriteAtNanos() - timeouts.heartbeatNanos() / 2;
      for (String follower : lagging) {
        String link = "\"from\": \"" + leader + "\", \"to\": \"" + follower + "\"";
        faults.add(fault(lagFromNanos, "block", link));
      }
      faults.add(fault(crashAtNanos, "crash", "\"node\": \"" + leader + "\""));
    }
    return "{\"name\": \""
        + name()
        + "\", \"description\": \"Raft's Figure 16: the leader crashes, the survivors elect"
        + " another\", \"protocol\": \"raft\","
        + " \"nodes\": [\"n1\", \"n2\", \"n3\", \"n4\", \"n5\", \"c1\"],"
        + " \"params\": {\"electionTimeoutMin\": \""
        + timeouts.minNanos()
        + "ns\", \"electionTimeoutMax\": \""
        + timeouts.maxNanos()
        + "ns\", \"heartbeat\": \""
        + timeouts.heartbeatNanos()
        + "ns\", \"clients\": {\"nodes\": [\"c1\"], \"processes\": 8, \"intervalMin\": \""
        + timeouts.heartbeatNanos() / 12
        + "ns\", \"intervalMax\": \""
        + timeouts.heartbeatNanos() / 6
        + "ns\", \"mix\": {\"put\": 1}, \"until\": \""
        + lastWriteAtNanos()
        + "ns\"}}, \"network\": {\"latency\": \""
        + latencyNanos[0]
        + "ns.."
        + latencyNanos[1]
        + "ns\"}, \"faults\": ["
        + String.join(", ", faults)
        + "], \"run\": {\"duration\": \""
        + durationNanos
        + "ns\"}}";
  }

  private static String fault(long atNanos, String type, String fields) {
    return "{\"at\": \"" + atNanos + "ns\", \"type\": \"" + type + "\", " + fields + "}";
  }
}
