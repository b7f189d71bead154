package faultline.protocols.raft;

import faultline.engine.node.Message;
import faultline.engine.node.NodeId;
import faultline.protocols.testing.HandDrivenContext;
import java.util.List;

/** A {@link HandDrivenContext} for one Raft server or client. */
public final class FakeContext extends HandDrivenContext<Message, RaftTimer> {
  public FakeContext(String self, List<NodeId> nodes) {
    super(self, nodes);
  }
}
