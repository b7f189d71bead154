package faultline.scenarios.bind;

import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.protocols.heartbeat.HeartbeatConfig;
import faultline.protocols.heartbeat.HeartbeatInvariants;
import faultline.protocols.heartbeat.HeartbeatNode;
import faultline.scenarios.model.Scenario;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code "protocol": "heartbeat"}: all-to-all heartbeating, judged by a fixed timeout or by phi
 * accrual, every node a member; the detectors SWIM is compared with, on the same nodes, faults and
 * checks. Defaults from {@link HeartbeatConfig#defaults}:
 *
 * <pre>
 * "params": {
 *   "detector": "fixed-timeout",          // or "phi-accrual"
 *   "interval": "1s", "check": "100ms", "timeout": "5s",
 *   "phi": {"threshold": 8, "window": 100, "minStdDev": "500ms"},
 *   "staggerStart": true,
 *   "completenessWithin": "..."           // default: HeartbeatInvariants.defaultBounds
 * }
 * </pre>
 */
public final class HeartbeatBinding implements ProtocolBinding {
  @Override
  public String name() {
    return "heartbeat";
  }

  @Override
  public String summary() {
    return "All-to-all heartbeat failure detection, by a fixed timeout or phi accrual";
  }

  @Override
  public Parameters parameters() {
    return HeartbeatParams.PARAMETERS;
  }

  @Override
  public SortedMap<String, String> invariants() {
    HeartbeatConfig example = HeartbeatConfig.defaults(List.of(NodeId.of("a")));
    return ProtocolBinding.describe(
        HeartbeatInvariants.all(example, HeartbeatInvariants.defaultBounds(example)));
  }

  @Override
  public Setup bind(Scenario scenario) {
    HeartbeatParams.Read read = HeartbeatParams.read(scenario.params(), scenario.nodes());
    TreeMap<NodeId, NodeFactory> factories = new TreeMap<>();
    for (NodeId node : scenario.nodes()) {
      factories.put(node, id -> new HeartbeatNode(read.config()));
    }
    return new Setup(factories, HeartbeatInvariants.all(read.config(), read.bounds()));
  }

  @Override
  public List<String> warnings(Scenario scenario) {
    return HeartbeatParams.read(scenario.params(), scenario.nodes()).warnings();
  }
}
