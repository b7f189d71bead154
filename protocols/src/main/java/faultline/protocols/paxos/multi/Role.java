package faultline.protocols.paxos.multi;

import faultline.engine.node.NodeId;
import faultline.protocols.kv.KvMessage.ClientRequest;
import faultline.protocols.paxos.Ballot;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Accepted;
import faultline.protocols.paxos.multi.MultiPaxosMessage.HeartbeatReply;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Promise;

/**
 * The proposer side of a server, one role at a time (etcd's per-role {@code step}): a {@link
 * Follower} waits for a leader and redirects clients, a {@link Candidate} runs phase 1, a {@link
 * Leader} runs phase 2 slot by slot. Each handler returns the role the server is in afterwards, so
 * every transition is visible where it happens; a role never writes the server's own state. The
 * ballot rule (a higher ballot deposes a candidate or leader) is applied by the server before any
 * of these is called, and nowhere else.
 */
sealed interface Role permits Follower, Candidate, Leader {
  /** {@code FOLLOWER}, {@code CANDIDATE} or {@code LEADER}, as traces show it. */
  String name();

  /** The ballot this role runs (a candidate's or leader's own); null for a follower. */
  Ballot ballot();

  default Role onPromise(MultiPaxosServer server, NodeId from, Promise promise) {
    return this; // Only a candidate counts promises; a late one changes nothing.
  }

  default Role onAccepted(MultiPaxosServer server, NodeId from, Accepted accepted) {
    return this; // Only a leader counts acceptances.
  }

  default Role onHeartbeatReply(MultiPaxosServer server, NodeId from, HeartbeatReply reply) {
    return this; // Only a leader sends heartbeats.
  }

  /** A client's request: a leader places it in a slot; the others redirect the client. */
  Role onClientRequest(MultiPaxosServer server, NodeId client, ClientRequest request);

  Role onTimer(MultiPaxosServer server, MultiPaxosTimer timer);

  /** A higher ballot deposed this role: it owes its clients nothing and stops its timers. */
  default void stepDown(MultiPaxosServer server) {}
}
