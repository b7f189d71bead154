package faultline.scenarios.bind;

import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.protocols.swim.SwimConfig;
import faultline.protocols.swim.SwimInvariants;
import faultline.protocols.swim.SwimNode;
import faultline.scenarios.model.Scenario;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code "protocol": "swim"}: SWIM membership and failure detection (Das, Gupta and Motivala, DSN
 * 2002), every node a member. Defaults from {@link SwimConfig#builder}:
 *
 * <pre>
 * "params": {
 *   "seeds": ["n1"],                       // whom joiners and restarted members ask; default: the first member
 *   "joins": [{"node": "n9", "at": "10s"}], // members that join later through a seed
 *   "leaves": [{"node": "n3", "at": "20s"}],// graceful leaves
 *   "period": "1s", "pingTimeout": "500ms", "k": 3,
 *   "suspicion": true, "suspicionMult": 4, "suspicionMaxTimeoutMult": 6,
 *   "retransmitMult": 4, "maxUpdatesPerMessage": 16, "maxQueuedUpdates": 1024, "maxPendingRelays": 64,
 *   "probeOrder": "round-robin",           // or "uniform", or "uniform-with-self"
 *   "staggerStart": true, "reconnectInterval": "30s", "joinRetry": "1s",
 *   "lifeguard": {"localHealth": false, "awarenessMax": 8, "dynamicSuspicion": false, "buddySystem": false},
 *   "completenessWithin": "...",            // default: SwimInvariants.defaultBounds
 *   "bugs": ["never_refute"]               // the bug zoo; see SwimBug
 * }
 * </pre>
 */
final class SwimBinding implements ProtocolBinding {
  @Override
  public String name() {
    return "swim";
  }

  @Override
  public String summary() {
    return "SWIM membership and failure detection (probes, ping-req, suspicion, incarnations,"
        + " infection-style gossip), with Lifeguard's options";
  }

  @Override
  public SortedMap<String, String> invariants() {
    SwimConfig example = SwimConfig.defaults(List.of(NodeId.of("a")));
    return ProtocolBinding.describe(
        SwimInvariants.all(example, SwimInvariants.defaultBounds(example)));
  }

  @Override
  public Setup bind(Scenario scenario) {
    SwimParams.Read read = read(scenario);
    SwimConfig config = read.config();
    TreeMap<NodeId, NodeFactory> factories = new TreeMap<>();
    for (NodeId node : scenario.nodes()) {
      factories.put(node, id -> new SwimNode(config));
    }
    return new Setup(factories, SwimInvariants.all(config, read.bounds()));
  }

  @Override
  public List<String> warnings(Scenario scenario) {
    return read(scenario).warnings();
  }

  private static SwimParams.Read read(Scenario scenario) {
    return SwimParams.read(scenario.params(), scenario.nodes(), scenario.run().durationNanos());
  }
}
