package faultline.protocols.locks;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;

import faultline.engine.Limits;
import faultline.engine.RunOutcome;
import faultline.engine.Simulation;
import faultline.engine.SimulationBuilder;
import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.net.Latency;
import faultline.engine.net.LinkPolicy;
import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import faultline.engine.random.SimRandom;
import faultline.engine.time.NodeClock;
import java.util.List;
import java.util.Set;

/** Builds lock-service runs for tests: the published GC-pause timeline, and seeded contention. */
public final class LockRuns {
  static final NodeId LOCK = NodeId.of("lock");
  static final NodeId STORAGE = NodeId.of("storage");
  static final NodeId CLIENT1 = NodeId.of("client1");
  static final NodeId CLIENT2 = NodeId.of("client2");

  private LockRuns() {}

  /**
   * Kleppmann's figure: client1 takes a 10 s lease at 0 s and pauses for 15 s at 1 s, mid-work;
   * client2 asks every second from 5 s. Tokens start at 33.
   */
  static RunOutcome gcPause(ExpiryClock expiry, Fencing fencing, LockBug... bugs) {
    LockServiceConfig config = new LockServiceConfig(expiry, 33, fencing, Set.of(bugs));
    SimulationBuilder builder = base(7, 20 * SECOND, config);
    builder.node(CLIENT1, id -> new LockClientNode(client(0, 10 * SECOND, 2 * SECOND, false)));
    builder.node(CLIENT2, id -> new LockClientNode(client(5 * SECOND, 10 * SECOND, SECOND, false)));
    builder.fault(new ScheduledFault(SECOND, new Fault.Pause(CLIENT1, 15 * SECOND)));
    return builder.build().run();
  }

  /**
   * client1 takes a 10 s lease at 0 s and writes after 8 s of work; client2 asks every second from
   * 5 s. With fencing, under {@code faults} that hit the service.
   */
  static RunOutcome serviceFaults(
      ExpiryClock expiry, List<ScheduledFault> faults, LockBug... bugs) {
    LockServiceConfig config =
        new LockServiceConfig(expiry, 33, Fencing.REJECT_BELOW_HIGHEST, Set.of(bugs));
    SimulationBuilder builder = base(7, 30 * SECOND, config);
    builder.node(CLIENT1, id -> new LockClientNode(client(0, 10 * SECOND, 8 * SECOND, false)));
    builder.node(CLIENT2, id -> new LockClientNode(client(5 * SECOND, 10 * SECOND, SECOND, false)));
    faults.forEach(builder::fault);
    return builder.build().run();
  }

  /**
   * Four clients contend for one lock at random times, with random TTLs and work, over a lossy
   * network, while random pauses hit them and their clocks drift; the service's clock is perfect.
   */
  static RunOutcome contention(long seed, Fencing fencing, boolean checkLease) {
    LockServiceConfig config = new LockServiceConfig(ExpiryClock.MONOTONIC, 1, fencing, Set.of());
    SimRandom setup = new SimRandom(seed ^ 0x10c4);
    SimulationBuilder builder = base(seed, 60 * SECOND, config);
    for (int i = 1; i <= 4; i++) {
      NodeId node = NodeId.of("client" + i);
      LockClientConfig script =
          client(
              setup.nextLongBetween(0, 20 * SECOND),
              setup.nextLongBetween(SECOND, 10 * SECOND),
              setup.nextLongBetween(0, 15 * SECOND),
              checkLease);
      builder.node(node, id -> new LockClientNode(script));
      builder.clock(node, new NodeClock(0, setup.nextLongBetween(-5_000_000, 5_000_000)));
      if (setup.nextInt(2) == 0) {
        builder.fault(
            new ScheduledFault(
                setup.nextLongBetween(0, 30 * SECOND),
                new Fault.Pause(node, setup.nextLongBetween(SECOND, 20 * SECOND))));
      }
    }
    return builder.build().run();
  }

  static LockClientConfig client(
      long acquireAtNanos, long ttlNanos, long workNanos, boolean checkLease) {
    return new LockClientConfig(
        LOCK, STORAGE, "lock", acquireAtNanos, ttlNanos, workNanos, SECOND, 60, checkLease, true);
  }

  private static SimulationBuilder base(long seed, long durationNanos, LockServiceConfig config) {
    SimulationBuilder builder =
        Simulation.builder()
            .seed(seed)
            .network(
                new LinkPolicy(
                    Latency.uniform(MILLI, 5 * MILLI),
                    Ratio.of(1, 50),
                    Ratio.ZERO,
                    Ratio.ZERO,
                    false))
            .limits(Limits.of(durationNanos))
            .stopOnViolation(false)
            .node(LOCK, id -> new LockServiceNode(config))
            .node(STORAGE, id -> new StorageResourceNode(config));
    List.copyOf(LockInvariants.all()).forEach(builder::invariant);
    return builder;
  }
}
