package faultline.protocols.raft;

import faultline.engine.node.DurableStorage;
import faultline.engine.node.NodeId;
import java.util.Map;
import java.util.Optional;

/**
 * Figure 2's persistent state, currentTerm, votedFor and the log, kept in the node's durable
 * storage. Each log entry has its own key, so an append writes one key rather than the whole log.
 * The caller {@link #sync() syncs} before it answers any RPC, as the paper requires.
 */
final class PersistentState {
  private static final String TERM = "raft.currentTerm";
  private static final String VOTED_FOR = "raft.votedFor";
  private static final String LOG_PREFIX = "raft.log/";

  private final DurableStorage storage;
  private final RaftLog log = new RaftLog();
  private long currentTerm;
  private NodeId votedFor;

  private PersistentState(DurableStorage storage) {
    this.storage = storage;
  }

  /** Reads the state back after a boot or restart, the vote as {@code votes} recovers it. */
  static PersistentState load(DurableStorage storage, ServerRules.VoteRecovery votes) {
    PersistentState state = new PersistentState(storage);
    state.currentTerm = storage.get(TERM, Long.class).orElse(0L);
    Optional<String> vote = storage.get(VOTED_FOR, String.class);
    state.votedFor = votes.recovered(vote.map(NodeId::of).orElse(null));
    for (Map.Entry<String, Object> entry : storage.snapshot().entrySet()) {
      if (entry.getKey().startsWith(LOG_PREFIX)) {
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
    storage.put(TERM, term);
    storage.remove(VOTED_FOR);
  }

  void voteFor(NodeId candidate) {
    votedFor = candidate;
    storage.put(VOTED_FOR, candidate.name());
  }

  void append(LogEntry entry) {
    log.append(entry);
    storage.put(key(log.lastIndex()), entry);
  }

  void truncateFrom(long index) {
    for (long i = log.lastIndex(); i >= index; i--) {
      storage.remove(key(i));
    }
    log.truncateFrom(index);
  }

  void sync() {
    storage.sync();
  }

  /** {@code raft.log/} and the index zero-padded to 12 digits, so that keys sort by index. */
  static String key(long index) {
    // By hand rather than String.format, which parsed its pattern on every append.
    String digits = Long.toString(index);
    return LOG_PREFIX + "0".repeat(Math.max(0, 12 - digits.length())) + digits;
  }
}
