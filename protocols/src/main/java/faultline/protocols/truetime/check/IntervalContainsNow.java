package faultline.protocols.truetime.check;

import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.check.Step;
import faultline.engine.lookup.LookupSet;
import faultline.engine.node.NodeId;
import faultline.protocols.locks.TimeText;
import faultline.protocols.truetime.TrueTimeConfig;
import java.util.List;

/**
 * TrueTime's own guarantee (Spanner §3): TT.now() contains the true time of the call, which holds
 * only while a server's clock error is at most ε. Checked at every step of a server, once per
 * server: when it fails, external consistency has lost its footing, whatever the protocol does.
 */
final class IntervalContainsNow implements Invariant {
  private final List<NodeId> servers;
  private final long epsilonNanos;
  private final LookupSet<NodeId> reported = new LookupSet<>();

  IntervalContainsNow(TrueTimeConfig config) {
    this.servers = config.servers();
    this.epsilonNanos = config.epsilonNanos();
  }

  @Override
  public String name() {
    return TrueTimeInvariants.INTERVAL_CONTAINS_NOW;
  }

  @Override
  public String description() {
    return "Every server's clock is within epsilon of true time, so each TT.now() interval"
        + " contains the true time.";
  }

  @Override
  public void afterEvent(InvariantContext context) {
    Step step = context.lastStep().orElse(null);
    if (step == null || !servers.contains(step.node())) {
      return;
    }
    NodeId server = step.node();
    long errorNanos = context.wallClockNanos(server) - context.nowNanos();
    if (Math.abs(errorNanos) > epsilonNanos && reported.add(server)) {
      context.fail(
          server,
          server
              + "'s clock is "
              + TimeText.format(Math.abs(errorNanos))
              + (errorNanos > 0 ? " ahead of" : " behind")
              + " true time, more than epsilon ("
              + TimeText.format(epsilonNanos)
              + "): its TT.now() no longer contains now");
    }
  }
}
