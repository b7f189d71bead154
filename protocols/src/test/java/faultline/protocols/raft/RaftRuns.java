package faultline.protocols.raft;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;

import faultline.engine.Limits;
import faultline.engine.RunOutcome;
import faultline.engine.Simulation;
import faultline.engine.SimulationBuilder;
import faultline.engine.check.Invariant;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.net.Latency;
import faultline.engine.net.LinkPolicy;
import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import faultline.engine.trace.TraceSink;
import faultline.protocols.kv.ClientNode;
import faultline.protocols.kv.ClientWorkload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds Raft runs for tests: servers, clients, a network, faults and the invariants. */
final class RaftRuns {
  private RaftRuns() {}

  static List<NodeId> servers(int count) {
    List<NodeId> servers = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      servers.add(NodeId.of("n" + i));
    }
    return servers;
  }

  static ClientWorkload workload(List<NodeId> clients, long untilNanos) {
    return new ClientWorkload(
        clients,
        2,
        10 * MILLI,
        60 * MILLI,
        3,
        ClientWorkload.Mix.DEFAULT,
        100 * MILLI,
        1 * SECOND,
        untilNanos,
        List.of());
  }

  /** Five servers and two clients of two processes each, on a 1-10 ms network. */
  static RaftConfig fiveServersTwoClients(long untilNanos) {
    return RaftConfig.builder(servers(5))
        .workload(workload(List.of(NodeId.of("c1"), NodeId.of("c2")), untilNanos))
        .build();
  }

  static LinkPolicy network(Ratio loss, Ratio duplicate) {
    return new LinkPolicy(Latency.uniform(MILLI, 10 * MILLI), loss, duplicate, Ratio.ZERO, false);
  }

  static RunOutcome run(
      long seed,
      RaftConfig config,
      LinkPolicy network,
      List<ScheduledFault> faults,
      List<Invariant> invariants,
      long durationNanos) {
    return run(seed, config, network, faults, invariants, durationNanos, TraceSink.discard());
  }

  static RunOutcome run(
      long seed,
      RaftConfig config,
      LinkPolicy network,
      List<ScheduledFault> faults,
      List<Invariant> invariants,
      long durationNanos,
      TraceSink trace) {
    SimulationBuilder builder =
        Simulation.builder()
            .seed(seed)
            .trace(trace, Map.of("name", "raft-test"))
            .network(network)
            .limits(Limits.of(durationNanos))
            .stopOnViolation(true);
    for (NodeId server : config.servers()) {
      builder.node(server, id -> new RaftNode(config));
    }
    for (NodeId client : config.workload().clients()) {
      builder.node(client, id -> new ClientNode(config.servers(), config.workload()));
    }
    faults.forEach(builder::fault);
    invariants.forEach(builder::invariant);
    return builder.build().run();
  }
}
