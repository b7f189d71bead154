package faultline.protocols.locks;

import faultline.engine.node.Message;

/** Writes to the storage resource that the lock protects, and its answers. */
public sealed interface ResourceMessage extends Message {
  /** A write under fencing token {@code token} ({@link #NO_TOKEN} when the lock gives none). */
  record Write(String value, long token, long writeId) implements ResourceMessage {}

  record WriteAccepted(long writeId, long token) implements ResourceMessage {}

  /** Refused: a write with {@code highestToken} was already accepted. */
  record WriteRejected(long writeId, long token, long highestToken) implements ResourceMessage {}

  /** The token of a write made under a lock that issues no fencing tokens (Redlock). */
  long NO_TOKEN = 0;
}
