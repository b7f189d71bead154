package faultline.exercises.e05_election;

import faultline.engine.check.Invariant;
import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.history.Model;
import faultline.protocols.raft.ClientNode;
import faultline.protocols.raft.RaftConfig;
import faultline.protocols.raft.RaftInvariants;
import faultline.protocols.raft.RaftNode;
import faultline.scenarios.bind.ProtocolBinding;
import faultline.scenarios.bind.RaftParams;
import faultline.scenarios.model.Scenario;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code "protocol": "exercise-election"}: the {@code raft} protocol, its clients and every one of
 * its parameters and invariants, with servers that vote and time out by your {@link RaftElection}.
 * (It reads the run's length for the clients' defaults, so it binds the scenario itself rather than
 * through {@link faultline.exercises.ExerciseBinding}, which sees only the parameters.)
 */
public final class ElectionBinding implements ProtocolBinding {
  @Override
  public String name() {
    return "exercise-election";
  }

  @Override
  public String summary() {
    return "exercise 5: Raft whose servers vote and time out by your RaftElection";
  }

  @Override
  public SortedMap<String, String> invariants() {
    return ProtocolBinding.describe(freshInvariants());
  }

  private static List<Invariant> freshInvariants() {
    return RaftInvariants.all(
        LinearizabilityChecker.of(Model.kv(), LinearizabilityChecker.DEFAULT_STATES_MAX));
  }

  @Override
  public Setup bind(Scenario scenario) {
    RaftConfig config = read(scenario).config();
    TreeMap<NodeId, NodeFactory> factories = new TreeMap<>();
    for (NodeId node : scenario.nodes()) {
      if (config.servers().contains(node)) {
        factories.put(node, id -> new RaftNode(config, new RaftElection()));
      } else {
        factories.put(node, id -> new ClientNode(config));
      }
    }
    return new Setup(factories, freshInvariants());
  }

  @Override
  public List<String> warnings(Scenario scenario) {
    return read(scenario).warnings();
  }

  private static RaftParams.Read read(Scenario scenario) {
    return RaftParams.read(scenario.params(), scenario.nodes(), scenario.run().durationNanos());
  }
}
