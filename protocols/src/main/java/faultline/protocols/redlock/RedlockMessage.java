package faultline.protocols.redlock;

import faultline.engine.node.Message;

/** The Redis commands Redlock uses, and their replies. */
public sealed interface RedlockMessage extends Message {
  /** {@code SET key value NX PX ttl}: set only if absent, expiring after {@code ttlNanos}. */
  record SetIfAbsent(String key, String value, long ttlNanos, long attempt)
      implements RedlockMessage {}

  /** The reply: {@code ok} when the key was set. */
  record SetReply(String key, String value, boolean ok, long attempt) implements RedlockMessage {}

  /**
   * Compare-and-delete, the Lua script of the Redlock page: delete {@code key} only if it still
   * holds {@code value}, so a client never removes a lock another client has taken since.
   */
  record DeleteIfValue(String key, String value) implements RedlockMessage {}
}
