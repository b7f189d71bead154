package faultline.protocols.kv;

import faultline.engine.node.Message;
import faultline.engine.node.NodeId;

/**
 * What a key-value client and a server say to each other, whatever protocol the servers run. A
 * protocol's server accepts these alongside its own messages (it is a {@code Node<Message, T>} and
 * dispatches on both families), and answers through {@link KvReplica}.
 */
public sealed interface KvMessage extends Message {
  /** Process {@code process} asks for its request number {@code sequence}: {@code operation}. */
  record ClientRequest(int process, long sequence, KvOperation operation) implements KvMessage {}

  /**
   * The answer to a {@link ClientRequest}, naming it by process and request number; {@code
   * leaderHint} (maybe null) names the leader this server knows of, which a redirected client tries
   * next.
   */
  record ClientReply(
      int process, long sequence, ReplyStatus status, String value, NodeId leaderHint)
      implements KvMessage {}
}
