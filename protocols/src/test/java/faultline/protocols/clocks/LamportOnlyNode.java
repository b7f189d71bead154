package faultline.protocols.clocks;

import faultline.engine.node.Message;
import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;

/**
 * A node that keeps only a Lamport clock and gossips it to a random peer every few milliseconds;
 * with {@code forgetMax} it plants the classic mistake of ticking on receipt without taking the
 * sender's time into account.
 */
final class LamportOnlyNode
    implements Node<LamportOnlyNode.Gossip, LamportOnlyNode.Tick>, ClockedNode {
  record Gossip(LamportClock clock) implements Message {}

  enum Tick implements TimerTag {
    GOSSIP_DUE
  }

  private final boolean forgetMax;
  private LamportClock clock = LamportClock.zero();
  private StampedEvent last;
  private long stamped;

  LamportOnlyNode(boolean forgetMax) {
    this.forgetMax = forgetMax;
  }

  @Override
  public void onStart(NodeContext<Gossip, Tick> context) {
    context.setTimer(Tick.GOSSIP_DUE, 1_000_000 + context.random().nextLong(5_000_000));
  }

  @Override
  public void onMessage(NodeContext<Gossip, Tick> context, NodeId from, Gossip gossip) {
    clock = forgetMax ? clock.tick() : clock.receive(gossip.clock());
    stamp(context);
  }

  @Override
  public void onTimer(NodeContext<Gossip, Tick> context, Tick timer) {
    clock = clock.tick();
    stamp(context);
    NodeId peer = context.peers().get(context.random().nextInt(context.peers().size()));
    context.send(peer, new Gossip(clock));
    context.setTimer(Tick.GOSSIP_DUE, 1_000_000 + context.random().nextLong(5_000_000));
  }

  private void stamp(NodeContext<Gossip, Tick> context) {
    last =
        new StampedEvent(++stamped, new ClockStamps(context.wallClockNanos(), clock, null, null));
  }

  @Override
  public StampedEvent lastStampedEvent() {
    return last;
  }
}
