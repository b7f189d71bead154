package faultline.protocols.truetime;

import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;

/** The timers of the TrueTime commit protocol. */
public sealed interface TrueTimeTimer extends TimerTag {
  /** A client's: time to start its next transaction. */
  record NextTransaction() implements TrueTimeTimer {}

  /** A client's: its server did not answer in time; it starts a new transaction elsewhere. */
  record GiveUp() implements TrueTimeTimer {}

  /** A server's: the commit wait of {@code client}'s transaction {@code tx} may be over. */
  record WaitOver(NodeId client, long tx) implements TrueTimeTimer {}
}
