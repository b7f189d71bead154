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

  /** {@code p3#7 put x "a"}: the process, the request number and the operation. */
  public String describe() {
    return "p" + process + "#" + sequence + " " + operation.describe();
  }
}
