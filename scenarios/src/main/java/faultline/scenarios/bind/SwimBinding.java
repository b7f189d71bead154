package faultline.scenarios.bind;

import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.protocols.swim.SwimConfig;
import faultline.protocols.swim.SwimInvariants;
import faultline.protocols.swim.SwimNode;
import faultline.protocols.swim.SwimProperties;
import faultline.scenarios.model.Scenario;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code "protocol": "swim"}: SWIM membership and failure detection (Das, Gupta and Motivala, DSN
 * 2002), every node a member. Its parameters are the table {@link SwimParams#PARAMETERS} ({@code
 * ./faultline protocols swim} prints it).
 */
public final class SwimBinding implements ProtocolBinding {
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
  public Parameters parameters() {
    return SwimParams.PARAMETERS;
  }

  @Override
  public SortedMap<String, String> invariants() {
    SwimConfig example = SwimConfig.defaults(List.of(NodeId.of("a")));
    return ProtocolBinding.describe(
        SwimInvariants.all(example, SwimInvariants.defaultBounds(example)));
  }

  @Override
  public SortedMap<String, String> sometimes() {
    return ProtocolBinding.describeSometimes(SwimProperties.sometimes());
  }

  @Override
  public SortedMap<String, String> eventually() {
    return ProtocolBinding.describeEventually(SwimProperties.eventually());
  }

  @Override
  public Setup bind(Scenario scenario) {
    SwimParams.Read read = read(scenario);
    SwimConfig config = read.config();
    TreeMap<NodeId, NodeFactory> factories = new TreeMap<>();
    for (NodeId node : scenario.nodes()) {
      factories.put(node, id -> new SwimNode(config));
    }
    return new Setup(
        factories,
        SwimInvariants.all(config, read.bounds()),
        SwimProperties.sometimes(),
        SwimProperties.eventually());
  }

  @Override
  public List<String> warnings(Scenario scenario) {
    return read(scenario).warnings();
  }

  private static SwimParams.Read read(Scenario scenario) {
    return SwimParams.read(scenario.params(), scenario.nodes(), scenario.run().durationNanos());
  }
}
