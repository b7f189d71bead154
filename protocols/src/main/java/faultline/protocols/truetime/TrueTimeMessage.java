package faultline.protocols.truetime;

import faultline.engine.node.Message;

/** The messages of the TrueTime commit protocol, between clients and servers. */
public sealed interface TrueTimeMessage extends Message {
  /** A client asks a server to commit its transaction number {@code tx}. */
  record Commit(long tx) implements TrueTimeMessage {}

  /** The transaction committed at {@code timestampNanos}, and is visible from now on. */
  record Committed(long tx, long timestampNanos) implements TrueTimeMessage {}
}
