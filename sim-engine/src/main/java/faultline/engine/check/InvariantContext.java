package faultline.engine.check;

import faultline.engine.net.DropReason;
import faultline.engine.node.Message;
import faultline.engine.node.NodeId;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/** What an invariant may observe of the run, and how it reports a violation. */
public interface InvariantContext {
  long nowNanos();

  /** The node step that was just taken, or empty when the last event was a fault. */
  Optional<Step> lastStep();

  /**
   * The number of the event just taken, counting from 1, the same for every invariant shown it:
   * what a value worked out once per event and shared between invariants is keyed by (the engine's
   * {@link Step} object is the same for every step, so it cannot tell events apart). 0 for a
   * context that does not number its events (a test's fake): such a value is then worked out anew
   * at every call.
   */
  default long eventNumber() {
    return 0;
  }

  /**
   * The messages the last step sent, in the order its handler sent them; empty when the last event
   * was a fault. They left after the handler returned, so a node's storage as seen now (see {@link
   * #syncedStorage}) is what it was when they left: "persisted before replying" is checked here.
   * The list is read-only and valid until the next event (the engine reuses it); copy what must be
   * kept. The engine makes a {@link Sent} per message for it, so a check that runs after every step
   * reads the sends by index instead ({@link #lastStepSentCount}).
   */
  default List<Sent> lastStepSent() {
    return List.of();
  }

  /**
   * How many messages the last step sent: with {@link #lastStepSentTo} and {@link
   * #lastStepSentMessage}, {@link #lastStepSent} read by index. The engine makes a {@link Sent}
   * only for a check that asks for the list, so a check that reads every step's sends this way
   * makes nothing per message.
   */
  default int lastStepSentCount() {
    return lastStepSent().size();
  }

  /** Where the last step's message number {@code index} (from 0, in the order sent) went. */
  default NodeId lastStepSentTo(int index) {
    return lastStepSent().get(index).to();
  }

  /** The last step's message number {@code index} (from 0, in the order sent). */
  default Message lastStepSentMessage(int index) {
    return lastStepSent().get(index).message();
  }

  /**
   * What a crash that loses unsynced writes would leave on {@code id}'s disk now: its synced
   * storage, sorted by key, read-only and live (it changes as the run goes on; copy what must be
   * kept). The values are those the node stored, frozen as {@code DurableStorage.put} describes.
   */
  default SortedMap<String, Object> syncedStorage(NodeId id) {
    return Collections.emptySortedMap();
  }

  /** Every node, sorted by id. */
  List<NodeId> nodes();

  /** The live node object, when it is up and of {@code type}; empty when crashed. */
  <N> Optional<N> node(NodeId id, Class<N> type);

  boolean isUp(NodeId id);

  /** True while {@code id} is in a stop-the-world pause (it is up, but handles nothing). */
  default boolean isPaused(NodeId id) {
    return false;
  }

  /**
   * When {@code id} was last paused, in true time: now while it is paused, otherwise when its last
   * pause ended (a crash ends a pause), or {@link Long#MIN_VALUE} if it never was. With {@link
   * #lastDropNanos}, what a checker needs to explain a wrong belief, such as a live member declared
   * dead.
   */
  default long lastPausedNanos(NodeId id) {
    return Long.MIN_VALUE;
  }

  /**
   * The last true time a message from or to {@code id} was dropped for {@code reason}, or {@link
   * Long#MIN_VALUE} if none ever was.
   */
  default long lastDropNanos(NodeId id, DropReason reason) {
    return Long.MIN_VALUE;
  }

  /**
   * Writes an observation as a {@code note} trace event at {@code node}: something the checker saw
   * that is not a violation (a false suspicion and its cause). Never changes the run's course.
   */
  default void note(NodeId node, String text) {}

  long wallClockNanos(NodeId id);

  long monotonicNanos(NodeId id);

  /**
   * A lower bound on how many steps of {@code node} every step from now on will have heard of (its
   * ground-truth vector entry for {@code node}): no node knows of fewer now, and no message in
   * flight carries fewer. An invariant that keeps a record per step of a node may forget records
   * older than this bound's, once it has kept the latest of those: no future step can ask about
   * them. The bound only grows, and may lag behind the truth (it is refreshed now and then); 0 is
   * always correct.
   *
   * @throws IllegalStateException in a run that does not track the causal history, because every
   *     check of it declared it does not read it ({@link Invariant#readsCausalHistory()})
   */
  default long causalFloor(NodeId node) {
    return 0;
  }

  /** Records a violation of this invariant at {@code node} (may be null for a global property). */
  void fail(NodeId node, String message);

  /**
   * Records that this invariant could not be decided (a search ran out of its fixed budget): the
   * run is then inconclusive rather than passed. The budget must not depend on the machine (count
   * states, not bytes or seconds), so that the same run gets the same answer everywhere.
   */
  void undecided(String message);

  /**
   * Adds {@code delta} to the run metric {@code name}, like {@code NodeContext.count}: for measures
   * that only a global view of the run can take, in true time (time without a leader, commit
   * latency, a write accepted after its lease expired; nodes never see true time). Metrics never
   * change the run.
   */
  void count(String name, long delta);

  /** Raises the run metric {@code name} to {@code value} if it is larger. */
  void recordMax(String name, long value);
}
