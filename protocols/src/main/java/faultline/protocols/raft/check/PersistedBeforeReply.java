package faultline.protocols.raft.check;

import faultline.engine.check.InvariantContext;
import faultline.engine.node.Message;
import faultline.engine.node.NodeId;
import faultline.protocols.raft.LogEntry;
import faultline.protocols.raft.RaftDisk;
import faultline.protocols.raft.RaftMessage.AppendEntries;
import faultline.protocols.raft.RaftMessage.AppendEntriesReply;
import faultline.protocols.raft.RaftMessage.RequestVote;
import faultline.protocols.raft.RaftMessage.RequestVoteReply;
import faultline.protocols.raft.RaftNode;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Figure 2, "Persistent state on all servers (updated on stable storage before responding to
 * RPCs)", checked directly: whatever a server's message claims, the server's disk already holds, as
 * a crash that loses unsynced writes would leave it. A message's term is synced; a granted vote, or
 * a candidate's request for votes, has its vote synced; an AppendEntries success has the entry at
 * its match index synced. PreVote messages change no state and claim none.
 *
 * <p>Without this check a missing sync shows only when a crash with lost writes strikes between the
 * reply and the next sync, and then as a double vote or a lost commit many steps later.
 */
final class PersistedBeforeReply extends ServerStepInvariant {
  private static final long TERM_NOT_READ = -1;

  private final RaftDisk.LogKeys logKeys;
  private long syncedTerm; // The stepped server's, for the step being checked; see termNotSynced.

  /** Reads disks through {@code logKeys}, which the run's servers may share. */
  PersistedBeforeReply(RaftDisk.LogKeys logKeys) {
    this.logKeys = logKeys;
  }

  @Override
  public String name() {
    return RaftInvariants.PERSISTED_BEFORE_REPLY;
  }

  @Override
  public String description() {
    return "A server's currentTerm, vote and log entries are on its disk before a message that"
        + " relies on them leaves it.";
  }

  @Override
  void afterServerStep(InvariantContext context, NodeId id, RaftNode node) {
    // The step's sends read by index: the engine then makes no Sent per message, and a Raft
    // server sends on most steps (a Sent each was 5% of the workload's allocation).
    int sends = context.lastStepSentCount();
    if (sends == 0) {
      return;
    }
    SortedMap<String, Object> disk = context.syncedStorage(id);
    syncedTerm = TERM_NOT_READ;
    for (int i = 0; i < sends; i++) {
      Message message = context.lastStepSentMessage(i);
      String unsynced = unsyncedClaim(context, i, id, node, message, disk);
      if (unsynced != null) {
        context.fail(
            id, id + " sent " + message + " to " + context.lastStepSentTo(i) + ", but " + unsynced);
        return;
      }
    }
  }

  /**
   * What {@code message}, the step's send number {@code send}, relies on that {@code disk} does not
   * hold, or null. Nulls rather than optionals, and words only for a failure: this runs for every
   * message a Raft server sends.
   */
  private String unsyncedClaim(
      InvariantContext context,
      int send,
      NodeId id,
      RaftNode node,
      Message message,
      SortedMap<String, Object> disk) {
    return switch (message) {
      case RequestVoteReply reply when !reply.preVote() -> {
        String term = termNotSynced(reply.term(), disk);
        yield term != null || !reply.granted()
            ? term
            : voteNotSynced(context.lastStepSentTo(send), disk);
      }
      case RequestVote request when !request.preVote() -> {
        String term = termNotSynced(request.term(), disk);
        yield term != null ? term : voteNotSynced(id, disk);
      }
      case AppendEntriesReply reply -> {
        String term = termNotSynced(reply.term(), disk);
        yield term != null || !reply.success()
            ? term
            : entryNotSynced(node, reply.matchIndex(), disk);
      }
      case AppendEntries append -> termNotSynced(append.term(), disk);
      default -> null;
    };
  }

  /**
   * The disk's currentTerm is read once per step, when the first message asks: the disk cannot
   * change while the messages of one step are checked, and a leader's round sends one to every
   * follower.
   */
  private String termNotSynced(long term, SortedMap<String, Object> disk) {
    if (syncedTerm == TERM_NOT_READ) {
      syncedTerm = RaftDisk.term(disk);
    }
    return term > syncedTerm ? "its disk holds currentTerm " + syncedTerm + ", not " + term : null;
  }

  private static String voteNotSynced(NodeId candidate, SortedMap<String, Object> disk) {
    Optional<NodeId> synced = RaftDisk.votedFor(disk);
    return synced.equals(Optional.of(candidate))
        ? null
        : "its disk holds votedFor "
            + synced.map(NodeId::toString).orElse("none")
            + ", not "
            + candidate;
  }

  private String entryNotSynced(RaftNode node, long index, SortedMap<String, Object> disk) {
    if (index == 0 || index > node.log().lastIndex()) {
      return null;
    }
    long heldTerm = node.log().entry(index).term();
    LogEntry synced = RaftDisk.entryOrNull(disk, logKeys.of(index));
    if (synced != null && synced.term() == heldTerm) {
      return null;
    }
    return "its disk holds "
        + (synced == null ? "no entry" : "an entry of term " + synced.term())
        + " at index "
        + index
        + ", not the one of term "
        + heldTerm;
  }
}
