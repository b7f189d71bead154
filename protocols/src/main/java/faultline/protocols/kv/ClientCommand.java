package faultline.protocols.kv;

/**
 * A client's command as a replicated log carries it: the operation and the session (client process)
 * and request number that let the state machine apply a retried command at most once (Raft §8; the
 * client id and request id of Paxos Made Moderately Complex).
 */
public record ClientCommand(int process, long sequence, KvOperation operation) {
  /** The command a request asks for. */
  public static ClientCommand of(KvMessage.ClientRequest request) {
    return new ClientCommand(request.process(), request.sequence(), request.operation());
  }

  /** Whether {@code request} asks for this very command (same process and request number). */
  public boolean answers(KvMessage.ClientRequest request) {
    return request.process() == process && request.sequence() == sequence;
  }

  /**
   * {@code p3#7 put x "a"}: the process, the request number and the operation, as {@link
   * KvOperation#describe} spells it. One concatenation per case rather than the operation's string
   * inside this one: every server records it for every entry it applies.
   */
  public String describe() {
    String f = operation.f();
    String key = operation.key();
    String value = operation.value();
    return switch (f) {
      case "get" -> "p" + process + "#" + sequence + " get " + key;
      case "cas" ->
          "p"
              + process
              + "#"
              + sequence
              + " cas "
              + key
              + " \""
              + operation.expected()
              + "\"->\""
              + value
              + "\"";
      default -> "p" + process + "#" + sequence + " " + f + " " + key + " \"" + value + "\"";
    };
  }
}
