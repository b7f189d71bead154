package faultline.scenarios.bind;

import faultline.engine.check.Invariant;
import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.history.Model;
import faultline.protocols.kv.ClientNode;
import faultline.protocols.paxos.multi.MultiPaxosConfig;
import faultline.protocols.paxos.multi.MultiPaxosServer;
import faultline.protocols.paxos.multi.check.MultiPaxosInvariants;
import faultline.protocols.paxos.multi.check.MultiPaxosProperties;
import faultline.scenarios.model.Scenario;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code "protocol": "multipaxos"}: Multi-Paxos servers (Paxos Made Simple §3) and a replicated
 * key-value store, driven by client nodes. Every server accepts, learns and may lead unless {@code
 * acceptors} or {@code proposers} say otherwise.
 *
 * <p>Its parameters are the table {@link MultiPaxosParams#PARAMETERS} ({@code ./faultline protocols
 * multipaxos} prints it).
 */
public final class MultiPaxosBinding implements ProtocolBinding {
  @Override
  public String name() {
    return "multipaxos";
  }

  @Override
  public String summary() {
    return "Multi-Paxos (Paxos Made Simple §3): a distinguished leader, phase 1 once for all"
        + " slots, gap recovery with no-ops, Flexible Paxos quorums, and a replicated key-value"
        + " store with its clients";
  }

  @Override
  public Parameters parameters() {
    return MultiPaxosParams.PARAMETERS;
  }

  @Override
  public SortedMap<String, String> invariants() {
    MultiPaxosConfig sample = MultiPaxosConfig.builder(List.of(NodeId.of("n1"))).build();
    return ProtocolBinding.describe(
        freshInvariants(sample, LinearizabilityChecker.DEFAULT_STATES_MAX));
  }

  @Override
  public SortedMap<String, String> eventually() {
    MultiPaxosConfig sample = MultiPaxosConfig.builder(List.of(NodeId.of("n1"))).build();
    return ProtocolBinding.describeEventually(MultiPaxosProperties.eventually(sample));
  }

  private static List<Invariant> freshInvariants(MultiPaxosConfig config, long checkStatesMax) {
    return MultiPaxosInvariants.all(config, LinearizabilityChecker.of(Model.kv(), checkStatesMax));
  }

  @Override
  public Setup bind(Scenario scenario) {
    MultiPaxosParams.Read read = read(scenario);
    MultiPaxosConfig config = read.config();
    TreeMap<NodeId, NodeFactory> factories = new TreeMap<>();
    for (NodeId node : scenario.nodes()) {
      if (config.servers().contains(node)) {
        factories.put(node, id -> new MultiPaxosServer(config, id));
      } else {
        factories.put(node, id -> new ClientNode(config.servers(), config.workload()));
      }
    }
    return new Setup(
        factories,
        freshInvariants(config, read.checkStatesMax()),
        List.of(),
        MultiPaxosProperties.eventually(config));
  }

  @Override
  public List<String> warnings(Scenario scenario) {
    return read(scenario).warnings();
  }

  private static MultiPaxosParams.Read read(Scenario scenario) {
    return MultiPaxosParams.read(
        scenario.params(), scenario.nodes(), scenario.run().durationNanos());
  }
}
