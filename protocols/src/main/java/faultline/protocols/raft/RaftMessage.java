package faultline.protocols.raft;

import faultline.engine.node.Message;
import faultline.engine.node.NodeId;
import java.util.List;

/**
 * The RPCs of Figure 2 as messages. Servers also take the clients' requests of §8, which are the
 * shared {@link faultline.protocols.kv.KvMessage}s.
 */
public sealed interface RaftMessage extends Message {
  /** The sender's current term (for a pre-vote request, the term it would stand in). */
  long term();

  /**
   * RequestVote; with {@code preVote}, a PreVote probe for term {@code term} that changes no
   * receiver's term or vote.
   */
  record RequestVote(
      long term, NodeId candidate, long lastLogIndex, long lastLogTerm, boolean preVote)
      implements RaftMessage {}

  record RequestVoteReply(long term, boolean granted, boolean preVote) implements RaftMessage {}

  /**
   * AppendEntries; {@code round} numbers the leader's heartbeat rounds, so that an acknowledgement
   * can confirm a ReadIndex or renew a lease.
   */
  record AppendEntries(
      long term,
      NodeId leader,
      long prevLogIndex,
      long prevLogTerm,
      List<LogEntry> entries,
      long leaderCommit,
      long round)
      implements RaftMessage {
    public AppendEntries {
      entries = List.copyOf(entries);
    }
  }

  /**
   * The answer to AppendEntries. On success {@code matchIndex} is the last index known to match the
   * leader. On failure {@code rejectedPrevIndex} names the probe that failed, and {@code
   * conflictTerm} / {@code conflictIndex} let the leader skip a whole term at once (the fast backup
   * of §5.3); {@code conflictTerm} is 0 when the follower's log is too short.
   */
  record AppendEntriesReply(
      long term,
      boolean success,
      long matchIndex,
      long rejectedPrevIndex,
      long conflictIndex,
      long conflictTerm,
      long round)
      implements RaftMessage {}
}
