package faultline.engine;

import faultline.engine.net.DropReason;
import faultline.engine.node.Message;
import faultline.engine.node.Node;
import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;
import faultline.engine.random.SimRandom;
import faultline.engine.time.NodeClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the engine keeps for one node: the live instance (null while crashed), and what
 * outlives it: clocks, disk, random stream, and timer generations.
 */
final class NodeSlot {
  final NodeId id;
  final int index;
  final NodeFactory factory;
  final NodeClock clock;
  final MemoryStorage storage = new MemoryStorage();
  final SimRandom random;

  Node<Message, TimerTag> node;
  // The node as invariants ask for it, made once per life rather than once per question.
  private Optional<Node<Message, TimerTag>> live = Optional.empty();
  private boolean crashed;
  private long pauseId; // Non-zero while paused: the id of the pause that will end it.
  private long pausesStarted;
  // Ground truth for checkers that explain what they see (a false suspicion: was it a pause?).
  private long lastPauseEndNanos = Long.MIN_VALUE;
  private final long[] lastDropNanos = initialDrops();
  final List<EngineEvent> deferredWhilePaused = new ArrayList<>();

  // Armed timers by tag. Only looked up, never iterated, so hash order is harmless. Re-arming an
  // armed tag updates its entry in place (see ArmedTimer), and so does re-arming the last tag fired
  // (see fire).
  private final TimerTable armedTimers = new TimerTable();
  private long timerGenerationNext = 1;
  private TimerTag lastTag; // See entry(): the last tag looked up and its entry (null: none).
  private ArmedTimer lastTimer;
  private TimerTag firedTag; // See fire(): the last tag fired, whose entry may still be disarmed.
  private ArmedTimer firedTimer;

  NodeSlot(NodeId id, int index, NodeFactory factory, NodeClock clock, SimRandom random) {
    this.id = id;
    this.index = index;
    this.factory = factory;
    this.clock = clock;
    this.random = random;
  }

  @SuppressWarnings("unchecked")
  void boot() {
    node = (Node<Message, TimerTag>) factory.create(id);
    Check.state(node != null, "the factory of %s returned null", id);
    live = Optional.of(node);
    crashed = false;
  }

  private static long[] initialDrops() {
    long[] drops = new long[DropReason.values().length];
    java.util.Arrays.fill(drops, Long.MIN_VALUE);
    return drops;
  }

  /** Loses volatile state and timers; returns how many unsynced writes were lost. */
  int crash(boolean loseUnsyncedWrites, long nowNanos) {
    if (isPaused()) {
      lastPauseEndNanos = nowNanos; // The crash ends the pause.
    }
    node = null;
    live = Optional.empty();
    crashed = true;
    pauseId = 0;
    armedTimers.clear();
    remember(null, null);
    firedTag = null;
    firedTimer = null;
    return storage.crash(loseUnsyncedWrites);
  }

  /** The live node when it is a {@code type}; empty while crashed. */
  @SuppressWarnings("unchecked") // live holds the node, which is a type.
  <N> Optional<N> node(Class<N> type) {
    return type.isInstance(node) ? (Optional<N>) live : Optional.empty();
  }

  boolean isCrashed() {
    return crashed;
  }

  boolean isPaused() {
    return pauseId != 0;
  }

  long startPause() {
    pauseId = ++pausesStarted;
    return pauseId;
  }

  boolean endPause(long id, long nowNanos) {
    if (pauseId != id) {
      return false; // A crash ended this pause already.
    }
    pauseId = 0;
    lastPauseEndNanos = nowNanos;
    return true;
  }

  /** Now while paused; otherwise when the last pause ended, or Long.MIN_VALUE if never. */
  long lastPausedNanos(long nowNanos) {
    return isPaused() ? nowNanos : lastPauseEndNanos;
  }

  void dropped(DropReason reason, long nowNanos) {
    lastDropNanos[reason.ordinal()] = nowNanos;
  }

  long lastDropNanos(DropReason reason) {
    return lastDropNanos[reason.ordinal()];
  }

  /** Arms {@code tag} with a new generation, due at {@code dueNanos}; returns its entry. */
  ArmedTimer arm(TimerTag tag, long dueNanos) {
    ArmedTimer timer = entry(tag);
    if (timer == null) {
      timer = new ArmedTimer();
      armedTimers.put(tag, timer);
      remember(tag, timer);
    }
    timer.arm(timerGenerationNext++, dueNanos);
    return timer;
  }

  void disarm(TimerTag tag) {
    ArmedTimer removed = armedTimers.remove(tag);
    remember(null, null);
    if (removed != null && removed == firedTimer) {
      firedTag = null; // Gone already: fire() must not remove a later entry of the same tag.
      firedTimer = null;
    }
  }

  /** The armed timer of {@code tag}, or null when it is not armed (never, or cancelled). */
  ArmedTimer armed(TimerTag tag) {
    ArmedTimer timer = crashed ? null : entry(tag);
    return timer != null && timer.isArmed() ? timer : null;
  }

  /** True when this firing is the tag's current arming. */
  boolean isArmed(TimerTag tag, long generation) {
    ArmedTimer timer = entry(tag);
    return timer != null && timer.generation() == generation; // A disarmed one's matches none.
  }

  /**
   * True when this firing is the tag's current arming; consumes it. The entry stays in the table,
   * disarmed, until the next firing of another tag: a handler usually re-arms the timer that fired
   * it, which then reuses the entry (a new entry and a table insertion per firing were 6% of a Raft
   * run's allocation), while a tag that is never armed again leaves at most one such entry behind.
   */
  boolean fire(TimerTag tag, long generation) {
    ArmedTimer timer = entry(tag);
    if (timer == null || timer.generation() != generation) {
      return false;
    }
    if (firedTag != null && firedTimer != timer && !firedTimer.isArmed()) {
      armedTimers.remove(firedTag); // The last one fired was not armed again.
      remember(null, null);
    }
    timer.disarm();
    firedTag = tag;
    firedTimer = timer;
    return true;
  }

  /**
   * The table's entry for {@code tag}, armed or not: the last one looked up is remembered by
   * identity, since a firing's check, its consumption and the handler's re-arm ask for the same tag
   * object in a row.
   */
  private ArmedTimer entry(TimerTag tag) {
    if (tag == lastTag) {
      return lastTimer;
    }
    ArmedTimer timer = armedTimers.get(tag);
    remember(tag, timer);
    return timer;
  }

  /** What {@link #entry} remembers; whatever changes the table forgets or replaces it. */
  private void remember(TimerTag tag, ArmedTimer timer) {
    lastTag = tag;
    lastTimer = timer;
  }

  long wallNanos(long trueNanos) {
    return clock.wallNanos(trueNanos);
  }

  long monotonicNanos(long trueNanos) {
    return clock.monotonicNanos(trueNanos);
  }
}
