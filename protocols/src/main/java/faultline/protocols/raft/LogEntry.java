package faultline.protocols.raft;

import faultline.protocols.kv.ClientCommand;

/**
 * One log entry: the term in which a leader created it, and a client command, or null for the no-op
 * a leader appends when it takes office (§8).
 */
public record LogEntry(long term, ClientCommand command) {
  static LogEntry noOp(long term) {
    return new LogEntry(term, null);
  }

  public String describe() {
    return command == null ? "no-op" : command.describe();
  }
}
