package faultline.protocols.truetime;

import faultline.engine.node.NodeId;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;

/**
 * The TrueTime commit protocol's settings.
 *
 * @param servers the servers that commit transactions (Spanner's coordinator leaders)
 * @param clients the clients, each running one transaction after another
 * @param epsilonNanos the uncertainty ε of every server's TT.now(); 7 ms is the figure Spanner's
 *     paper gives for its worst case (§5.3)
 * @param commitWait whether a server waits out the uncertainty before a commit is visible
 * @param thinkNanos how long a client waits after a commit before it starts its next transaction
 * @param attemptTimeoutNanos how long a client waits for a commit before it gives up on it
 * @param bugs the planted mistakes
 */
public record TrueTimeConfig(
    List<NodeId> servers,
    List<NodeId> clients,
    long epsilonNanos,
    boolean commitWait,
    long thinkNanos,
    long attemptTimeoutNanos,
    Collection<TrueTimeBug> bugs) {
  public TrueTimeConfig {
    servers = List.copyOf(servers);
    clients = List.copyOf(clients);
    EnumSet<TrueTimeBug> planted = EnumSet.noneOf(TrueTimeBug.class);
    planted.addAll(bugs);
    bugs = Collections.unmodifiableSet(planted);
  }

  public TimestampRule timestamps() {
    return bugs.contains(TrueTimeBug.TIMESTAMP_FROM_EARLIEST)
        ? TimestampRule.EARLIEST
        : TimestampRule.LATEST;
  }

  public WaitRule waits() {
    if (!commitWait) {
      return WaitRule.NONE;
    }
    return bugs.contains(TrueTimeBug.WAIT_ON_LOCAL_CLOCK)
        ? WaitRule.LOCAL_CLOCK
        : WaitRule.TRUETIME_AFTER;
  }
}
