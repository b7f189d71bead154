package faultline.scenarios.bind;

import faultline.engine.check.Invariant;
import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.history.Model;
import faultline.protocols.kv.ClientNode;
import faultline.protocols.raft.EntryStrings;
import faultline.protocols.raft.RaftConfig;
import faultline.protocols.raft.RaftDisk;
import faultline.protocols.raft.RaftNode;
import faultline.protocols.raft.check.RaftInvariants;
import faultline.protocols.raft.check.RaftProperties;
import faultline.scenarios.model.Scenario;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code "protocol": "raft"}: Raft servers and a replicated key-value store, driven by client
 * nodes. Its parameters are the table {@link RaftParams#PARAMETERS} ({@code ./faultline protocols
 * raft} prints it), whose servers and clients block are the ones every key-value protocol shares
 * ({@link KvClientParams}).
 */
public final class RaftBinding implements ProtocolBinding {
  @Override
  public String name() {
    return "raft";
  }

  @Override
  public String summary() {
    return "Raft consensus (Figure 2, PreVote, CheckQuorum, ReadIndex and lease reads) with a"
        + " replicated key-value store and its clients";
  }

  @Override
  public Parameters parameters() {
    return RaftParams.PARAMETERS;
  }

  @Override
  public SortedMap<String, String> invariants() {
    return ProtocolBinding.describe(freshInvariants(LinearizabilityChecker.DEFAULT_STATES_MAX));
  }

  @Override
  public SortedMap<String, String> sometimes() {
    return ProtocolBinding.describeSometimes(RaftProperties.sometimes());
  }

  @Override
  public SortedMap<String, String> eventually() {
    return ProtocolBinding.describeEventually(RaftProperties.eventually());
  }

  /**
   * Figure 3's invariants, and linearizability of the clients' history against the store, decided
   * within {@code checkStatesMax} search states.
   */
  private static List<Invariant> freshInvariants(long checkStatesMax) {
    return freshInvariants(checkStatesMax, new RaftDisk.LogKeys());
  }

  /** The same, reading the servers' disks by the keys of {@code diskKeys}. */
  private static List<Invariant> freshInvariants(long checkStatesMax, RaftDisk.LogKeys diskKeys) {
    return RaftInvariants.all(LinearizabilityChecker.of(Model.kv(), checkStatesMax), diskKeys);
  }

  @Override
  public Setup bind(Scenario scenario) {
    RaftParams.Read read = read(scenario);
    RaftConfig config = read.config();
    TreeMap<NodeId, NodeFactory> factories = new TreeMap<>();
    // One per run: the run's servers share their strings, and the invariants the disk keys.
    RaftDisk.LogKeys diskKeys = new RaftDisk.LogKeys();
    EntryStrings strings = new EntryStrings(diskKeys);
    for (NodeId node : scenario.nodes()) {
      if (config.servers().contains(node)) {
        factories.put(node, id -> new RaftNode(config, strings));
      } else {
        factories.put(node, id -> new ClientNode(config.servers(), config.workload()));
      }
    }
    return new Setup(
        factories,
        freshInvariants(read.checkStatesMax(), diskKeys),
        RaftProperties.sometimes(),
        RaftProperties.eventually());
  }

  @Override
  public List<String> warnings(Scenario scenario) {
    return read(scenario).warnings();
  }

  private static RaftParams.Read read(Scenario scenario) {
    return RaftParams.read(scenario.params(), scenario.nodes(), scenario.run().durationNanos());
  }
}
