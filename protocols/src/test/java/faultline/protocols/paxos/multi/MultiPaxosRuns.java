package faultline.protocols.paxos.multi;

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
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.history.Model;
import faultline.protocols.kv.ClientNode;
import faultline.protocols.kv.ClientWorkload;
import faultline.protocols.paxos.multi.check.MultiPaxosInvariants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds Multi-Paxos runs for tests: servers, clients, a network, faults and every check. */
final class MultiPaxosRuns {

  private MultiPaxosRuns() {}

  static List<NodeId> nodes(String prefix, int count) {
    List<NodeId> nodes = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      nodes.add(NodeId.of(prefix + i));
    }
    return nodes;
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

  /** Five servers and two clients of two processes each, clients busy until {@code untilNanos}. */
  static MultiPaxosConfig.Builder fiveServersTwoClients(long untilNanos) {
    return MultiPaxosConfig.builder(nodes("n", 5)).workload(workload(nodes("c", 2), untilNanos));
  }

  static LinkPolicy network(Ratio loss, Ratio duplicate) {
    return new LinkPolicy(Latency.uniform(MILLI, 10 * MILLI), loss, duplicate, Ratio.ZERO, false);
  }

  static List<Invariant> checks(MultiPaxosConfig config) {
    return MultiPaxosInvariants.all(
        config, LinearizabilityChecker.of(Model.kv(), LinearizabilityChecker.DEFAULT_STATES_MAX));
  }

  static RunOutcome run(
      long seed,
      MultiPaxosConfig config,
      LinkPolicy network,
      List<ScheduledFault> faults,
      long durationNanos,
      TraceSink trace) {
    SimulationBuilder builder =
        Simulation.builder()
            .seed(seed)
            .trace(trace, Map.of("name", "multipaxos-test"))
            .network(network)
            .limits(Limits.of(durationNanos))
            .stopOnViolation(true);
    for (NodeId server : config.servers()) {
      builder.node(server, id -> new MultiPaxosServer(config, id));
    }
    for (NodeId client : config.workload().clients()) {
      builder.node(client, id -> new ClientNode(config.servers(), config.workload()));
    }
    faults.forEach(builder::fault);
    checks(config).forEach(builder::invariant);
    return builder.build().run();
  }
}
