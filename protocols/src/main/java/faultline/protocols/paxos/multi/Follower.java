package faultline.protocols.paxos.multi;

import faultline.engine.node.NodeId;
import faultline.protocols.kv.KvMessage.ClientRequest;
import faultline.protocols.kv.KvReplica;
import faultline.protocols.paxos.Ballot;

/**
 * A server that follows the leader of the highest ballot it knows, and redirects clients there. Its
 * failure detector (Paxos Made Moderately Complex §3's pings; Paxos Made Live's master leases) is a
 * randomized timeout that every message from that leader re-arms; when it expires, a proposer
 * stands as a candidate.
 */
record Follower() implements Role {
  static final Follower INSTANCE = new Follower();

  @Override
  public String name() {
    return "FOLLOWER";
  }

  @Override
  public Ballot ballot() {
    return null;
  }

  @Override
  public Role onClientRequest(MultiPaxosServer server, NodeId client, ClientRequest request) {
    KvReplica.redirect(server.context(), client, request, server.leaderHint());
    return this;
  }

  @Override
  public Role onTimer(MultiPaxosServer server, MultiPaxosTimer timer) {
    if (timer == MultiPaxosTimer.LEADER_TIMEOUT && server.config().isProposer(server.self())) {
      return Candidate.stand(server);
    }
    return this;
  }
}
