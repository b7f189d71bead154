package faultline.protocols.redlock;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;

import faultline.engine.Limits;
import faultline.engine.RunOutcome;
import faultline.engine.Simulation;
import faultline.engine.SimulationBuilder;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.net.Latency;
import faultline.engine.net.LinkPolicy;
import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import faultline.engine.time.NodeClock;
import faultline.protocols.locks.LockServiceConfig;
import faultline.protocols.locks.StorageResourceNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Builds Redlock runs for tests: five stores A to E, a storage, and scripted clients. */
final class RedlockRuns {
  static final List<NodeId> STORES =
      List.of(NodeId.of("A"), NodeId.of("B"), NodeId.of("C"), NodeId.of("D"), NodeId.of("E"));
  static final NodeId STORAGE = NodeId.of("storage");

  private RedlockRuns() {}

  static RedlockConfig config(
      List<RedlockConfig.Client> clients, StoreClock clock, Set<RedlockBug> bugs) {
    return config(clients, clock, bugs, StoreRestart.IMMEDIATE);
  }

  static RedlockConfig config(
      List<RedlockConfig.Client> clients,
      StoreClock clock,
      Set<RedlockBug> bugs,
      StoreRestart storeRestart) {
    return new RedlockConfig(
        STORES,
        STORAGE,
        "lock",
        10 * SECOND,
        3,
        Ratio.of(1, 100),
        50 * MILLI,
        100 * MILLI,
        300 * MILLI,
        5,
        clock,
        true,
        clients,
        bugs.isEmpty() ? Set.of() : EnumSet.copyOf(bugs),
        storeRestart);
  }

  static RunOutcome run(
      long seed,
      RedlockConfig config,
      long durationNanos,
      List<ScheduledFault> faults,
      List<NodeClock> clientClocks) {
    return run(
        seed,
        config,
        durationNanos,
        faults,
        clientClocks,
        new LinkPolicy(
            Latency.uniform(MILLI, 5 * MILLI), Ratio.ZERO, Ratio.ZERO, Ratio.ZERO, false));
  }

  static RunOutcome run(
      long seed,
      RedlockConfig config,
      long durationNanos,
      List<ScheduledFault> faults,
      List<NodeClock> clientClocks,
      LinkPolicy network) {
    SimulationBuilder builder =
        Simulation.builder()
            .seed(seed)
            .network(network)
            .limits(Limits.of(durationNanos))
            .stopOnViolation(false);
    for (NodeId store : STORES) {
      builder.node(store, id -> new RedisStoreNode(config));
    }
    builder.node(STORAGE, id -> new StorageResourceNode(LockServiceConfig.defaults()));
    List<RedlockConfig.Client> clients = new ArrayList<>(config.clients());
    for (int i = 0; i < clients.size(); i++) {
      builder.node(clients.get(i).node(), id -> new RedlockClientNode(config, id));
      if (i < clientClocks.size()) {
        builder.clock(clients.get(i).node(), clientClocks.get(i));
      }
    }
    faults.forEach(builder::fault);
    RedlockInvariants.all(config).forEach(builder::invariant);
    return builder.build().run();
  }
}
