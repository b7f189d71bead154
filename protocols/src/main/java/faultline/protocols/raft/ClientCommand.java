package faultline.protocols.raft;

/**
 * A client's command as the log carries it: the operation and the session (client process) and
 * request number that let the state machine apply a retried command at most once (§8).
 */
public record ClientCommand(int process, long sequence, KvOperation operation) {
  String describe() {
    return "p" + process + "#" + sequence + " " + operation.describe();
  }
}
