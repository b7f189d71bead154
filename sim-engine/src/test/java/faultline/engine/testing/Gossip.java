package faultline.engine.testing;

import faultline.engine.node.Message;
import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deliberately random-looking protocol for determinism tests: each node bumps its own counter on
 * a jittered timer, gossips its whole map to a random peer, merges what it hears by maximum, and
 * persists its own counter (synced every other time) so that restarts depend on the disk too.
 */
public final class Gossip implements Node<Gossip.Digest, Gossip.GossipTimer> {
  /** A node's view of every counter. */
  public record Digest(Map<String, Long> counters) implements Message {
    public Digest {
      counters = new TreeMap<>(counters); // Sorted, so its trace payload is sorted too.
    }
  }

  /** When to gossip next, and a second timer that is often re-armed or cancelled. */
  public enum GossipTimer implements TimerTag {
    GOSSIP_DUE,
    NUDGE_DUE
  }

  private final TreeMap<String, Long> counters = new TreeMap<>();

  @Override
  public void onStart(NodeContext<Digest, GossipTimer> context) {
    long restored = context.storage().get("own", Long.class).orElse(0L);
    counters.put(context.self().name(), restored);
    context.recordState(Map.of("restored", restored));
    armGossip(context);
  }

  @Override
  public void onMessage(NodeContext<Digest, GossipTimer> context, NodeId from, Digest digest) {
    digest.counters().forEach((name, value) -> counters.merge(name, value, Math::max));
    if (context.random().nextInt(4) == 0) {
      context.setTimer(GossipTimer.NUDGE_DUE, context.random().nextLongBetween(1, 3_000_000));
    } else if (context.random().nextInt(3) == 0) {
      context.cancelTimer(GossipTimer.NUDGE_DUE);
    }
  }

  @Override
  public void onTimer(NodeContext<Digest, GossipTimer> context, GossipTimer timer) {
    switch (timer) {
      case GOSSIP_DUE -> gossip(context);
      case NUDGE_DUE -> context.note("nudged at mono " + context.monotonicNanos());
    }
  }

  private void gossip(NodeContext<Digest, GossipTimer> context) {
    long own = counters.merge(context.self().name(), 1L, Long::sum);
    context.storage().put("own", own);
    if (own % 2 == 0) {
      context.storage().sync();
    }
    List<NodeId> peers = context.peers();
    NodeId peer = peers.get(context.random().nextInt(peers.size()));
    context.send(peer, new Digest(counters));
    context.count("gossip.sent", 1);
    armGossip(context);
  }

  private void armGossip(NodeContext<Digest, GossipTimer> context) {
    context.setTimer(
        GossipTimer.GOSSIP_DUE, context.random().nextLongBetween(2_000_000, 9_000_000));
  }
}
