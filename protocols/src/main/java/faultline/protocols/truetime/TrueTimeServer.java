package faultline.protocols.truetime;

import faultline.engine.lookup.LookupMap;
import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.truetime.TrueTimeMessage.Commit;
import faultline.protocols.truetime.TrueTimeMessage.Committed;
import faultline.protocols.truetime.TrueTimeTimer.WaitOver;

/**
 * A server that commits transactions at TrueTime timestamps (Spanner, Corbett et al., OSDI 2012,
 * §4.1.2): a commit request gets the timestamp {@code s = TT.now().latest} (raised above the last
 * one this server gave), and, with commit wait, the commit becomes visible, here by the answer to
 * the client, only once {@code TT.after(s)} is true. Together the two rules make the timestamps
 * follow real time: a transaction that starts after another's commit is visible gets a larger
 * timestamp (external consistency, §4.1.2, proved there in two lines).
 *
 * <p>Everything is volatile. After a restart the last timestamp is forgotten; commit wait alone
 * keeps the order, since a new timestamp is at least the true time of its request.
 */
public final class TrueTimeServer implements Node<TrueTimeMessage, TrueTimeTimer> {
  private final TrueTimeConfig config;
  private final LookupMap<NodeId, Long> lastTxOf = new LookupMap<>(); // Drops duplicates.
  private final LookupMap<WaitOver, Long> waiting = new LookupMap<>(); // Its timestamp.
  private long lastTimestampNanos = Long.MIN_VALUE;

  public TrueTimeServer(TrueTimeConfig config) {
    this.config = config;
  }

  @Override
  public void onStart(NodeContext<TrueTimeMessage, TrueTimeTimer> context) {}

  @Override
  public void onMessage(
      NodeContext<TrueTimeMessage, TrueTimeTimer> context, NodeId from, TrueTimeMessage message) {
    if (!(message instanceof Commit commit)) {
      return;
    }
    Long last = lastTxOf.get(from);
    if (last != null && commit.tx() <= last) {
      return; // A duplicate, or a request overtaken by the client's next one.
    }
    lastTxOf.put(from, commit.tx());
    TtInterval now = TtInterval.now(context.wallClockNanos(), config.epsilonNanos());
    long timestamp = Math.max(config.timestamps().pick(now), lastTimestampNanos + 1);
    lastTimestampNanos = timestamp;
    WaitOver wait = new WaitOver(from, commit.tx());
    waiting.put(wait, timestamp);
    waitOrAnswer(context, wait, timestamp);
  }

  @Override
  public void onTimer(NodeContext<TrueTimeMessage, TrueTimeTimer> context, TrueTimeTimer timer) {
    if (timer instanceof WaitOver wait) {
      Long timestamp = waiting.get(wait);
      if (timestamp != null) {
        waitOrAnswer(context, wait, timestamp);
      }
    }
  }

  /** Answers if the commit wait is over, or waits as long as the server's clock says is left. */
  private void waitOrAnswer(
      NodeContext<TrueTimeMessage, TrueTimeTimer> context, WaitOver wait, long timestamp) {
    long wall = context.wallClockNanos();
    WaitRule rule = config.waits();
    if (!rule.over(timestamp, wall, config.epsilonNanos())) {
      // The timer runs on the monotonic clock, which may drift from the wall clock: on firing,
      // the wait is checked again rather than assumed over.
      context.setTimer(wait, rule.remainingNanos(timestamp, wall, config.epsilonNanos()));
      return;
    }
    waiting.remove(wait);
    context.send(wait.client(), new Committed(wait.tx(), timestamp));
    context.count("truetime.commits", 1);
  }
}
