package faultline.protocols.swim;

import faultline.engine.node.NodeId;
import faultline.protocols.swim.SwimMessage.Ack;
import faultline.protocols.swim.SwimMessage.Nack;
import faultline.protocols.swim.SwimMessage.Ping;
import faultline.protocols.swim.SwimMessage.PingReq;
import faultline.protocols.swim.SwimTimer.RelayTimeout;
import java.util.TreeMap;

/**
 * A member's side of other members' indirect probes (SWIM §3.1): on a ping-req, ping the target
 * under a sequence number of its own and relay the target's ack to the requester under the
 * requester's. A relay lives for one ping timeout, after which it is forgotten (with a nack to the
 * requester when it asked for one, Lifeguard §IV-A). At most {@code maxPendingRelays} run at once;
 * more are refused and counted.
 */
final class Relays {
  private record Relay(NodeId requester, long requesterSeq, boolean wantsNack) {}

  private final SwimNode node;
  private final TreeMap<Long, Relay> pending = new TreeMap<>();

  Relays(SwimNode node) {
    this.node = node;
  }

  void onPingReq(NodeId requester, PingReq request) {
    if (pending.size() >= node.config().maxPendingRelays()) {
      node.boundHit("swim.relaysRefused", "maxPendingRelays", node.config().maxPendingRelays());
      return;
    }
    long relaySeq = node.nextSeq();
    pending.put(relaySeq, new Relay(requester, request.seq(), request.wantsNack()));
    node.send(request.target(), null, gossip -> new Ping(relaySeq, gossip));
    node.context().setTimer(new RelayTimeout(relaySeq), node.config().probeTimeoutNanos());
  }

  /** An ack for one of this member's relays; returns false when it is none of them. */
  boolean onAck(long seq) {
    Relay relay = pending.remove(seq);
    if (relay == null) {
      return false;
    }
    node.context().cancelTimer(new RelayTimeout(seq));
    node.send(relay.requester(), null, gossip -> new Ack(relay.requesterSeq(), gossip));
    return true;
  }

  void onTimeout(long seq) {
    Relay relay = pending.remove(seq);
    if (relay != null && relay.wantsNack()) {
      node.send(relay.requester(), null, gossip -> new Nack(relay.requesterSeq(), gossip));
      node.context().count("swim.nacksSent", 1);
    }
  }

  int size() {
    return pending.size();
  }
}
