package faultline.protocols.raft;

import faultline.engine.node.DurableStorage;
import faultline.engine.node.NodeId;
import java.util.Map;
import java.util.Optional;

/**
 * Figure 2's persistent state, currentTerm, votedFor and the log, kept in the node's durable
 * storage as {@link RaftDisk} lays it out. Each log entry has its own key, so an append writes one
 * key rather than the whole log. The caller {@link #sync() syncs} before it answers any RPC, as the
 * paper requires.
 */
final class PersistentState {
  private final DurableStorage storage;
  private final EntryStrings strings;
  private final RaftLog log = new RaftLog();
  private long currentTerm;
  private NodeId votedFor;

  private PersistentState(DurableStorage storage, EntryStrings strings) {
    this.storage = storage;
    this.strings = strings;
  }

  /** Reads the state back after a boot or restart, the vote as {@code votes} recovers it. */
  static PersistentState load(
      DurableStorage storage, ServerRules.VoteRecovery votes, EntryStrings strings) {
    PersistentState state = new PersistentState(storage, strings);
    state.currentTerm = storage.get(RaftDisk.TERM, Long.class).orElse(0L);
    Optional<String> vote = storage.get(RaftDisk.VOTED_FOR, String.class);
    state.votedFor = votes.recovered(vote.map(NodeId::of).orElse(null));
    for (Map.Entry<String, Object> entry : storage.snapshot().entrySet()) {
      if (entry.getKey().startsWith(RaftDisk.LOG_PREFIX)) {
        state.log.append((LogEntry) entry.getValue()); // Keys sort by zero-padded index.
      }
    }
    return state;
  }

  long currentTerm() {
    return currentTerm;
  }

  NodeId votedFor() {
    return votedFor;
  }

  RaftLog log() {
    return log;
  }

  /** A new term, with no vote cast in it yet. */
  void enterTerm(long term) {
    currentTerm = term;
    votedFor = null;
    storage.put(RaftDisk.TERM, term);
    storage.remove(RaftDisk.VOTED_FOR);
  }

  void voteFor(NodeId candidate) {
    votedFor = candidate;
    storage.put(RaftDisk.VOTED_FOR, candidate.name());
  }

  void append(LogEntry entry) {
    log.append(entry);
    storage.put(strings.diskKey(log.lastIndex()), entry);
  }

  void truncateFrom(long index) {
    for (long i = log.lastIndex(); i >= index; i--) {
      storage.remove(strings.diskKey(i));
    }
    log.truncateFrom(index);
  }

  void sync() {
    storage.sync();
  }
}
