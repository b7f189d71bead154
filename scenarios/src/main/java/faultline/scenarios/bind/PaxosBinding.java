package faultline.scenarios.bind;

import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.protocols.paxos.PaxosConfig;
import faultline.protocols.paxos.PaxosNode;
import faultline.protocols.paxos.check.PaxosInvariants;
import faultline.protocols.paxos.check.PaxosProperties;
import faultline.scenarios.model.Scenario;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code "protocol": "paxos"}: single-decree Paxos (Paxos Made Simple). Every node is an acceptor
 * unless {@code acceptors} says otherwise; every acceptor and proposer learns unless {@code
 * learners} says otherwise; a node may play all three roles.
 *
 * <pre>
 * "params": {
 *   "acceptors": ["n1", "n2", "n3"],            // default: every node
 *   "learners": ["n1", "n2", "n3"],             // default: every acceptor and proposer
 *   "proposers": [{"node": "n1", "value": "red", "at": "0ms"}],   // at least one
 *   "quorums": {"phase1": 2, "phase2": 2},      // default: a majority of the acceptors for both
 *   "attemptTimeout": "100ms",                  // an attempt that takes longer is retried
 *   "backoff": {"min": "5ms", "max": "60ms"},   // default: none (retry at once when preempted)
 *   "bugs": ["proposer_ignores_accepted_value"] // the bug zoo; see PaxosBug
 * }
 * </pre>
 */
public final class PaxosBinding implements ProtocolBinding {
  @Override
  public String name() {
    return "paxos";
  }

  @Override
  public String summary() {
    return "Single-decree Paxos (Paxos Made Simple): proposers, acceptors and learners choosing"
        + " one value, with optional randomized backoff and Flexible Paxos quorums";
  }

  @Override
  public Parameters parameters() {
    return PaxosParams.PARAMETERS;
  }

  @Override
  public SortedMap<String, String> invariants() {
    NodeId only = NodeId.of("n1");
    PaxosConfig sample = PaxosConfig.builder(List.of(only)).proposer(only, "v", 0).build();
    return ProtocolBinding.describe(PaxosInvariants.singleDecree(sample));
  }

  @Override
  public SortedMap<String, String> sometimes() {
    NodeId only = NodeId.of("n1");
    PaxosConfig sample = PaxosConfig.builder(List.of(only)).proposer(only, "v", 0).build();
    return ProtocolBinding.describeSometimes(PaxosProperties.sometimes(sample));
  }

  @Override
  public Setup bind(Scenario scenario) {
    PaxosConfig config = read(scenario).config();
    TreeMap<NodeId, NodeFactory> factories = new TreeMap<>();
    for (NodeId node : scenario.nodes()) {
      factories.put(node, id -> new PaxosNode(config, id));
    }
    return new Setup(
        factories,
        PaxosInvariants.singleDecree(config),
        PaxosProperties.sometimes(config),
        List.of());
  }

  @Override
  public List<String> warnings(Scenario scenario) {
    return read(scenario).warnings();
  }

  private static PaxosParams.Read read(Scenario scenario) {
    return PaxosParams.read(scenario.params(), scenario.nodes());
  }
}
