package faultline.engine;

import faultline.engine.check.Eventually;
import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.check.Sent;
import faultline.engine.check.Sometimes;
import faultline.engine.check.Step;
import faultline.engine.net.DropReason;
import faultline.engine.node.Message;
import faultline.engine.node.NodeId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/** The read-only window invariants get onto a run, reused for every check. */
final class InvariantView implements InvariantContext {
  private static final int SENDS_NOT_FOUND = -1;
  private final Simulation simulation;
  // The engine's one step object (see LiveStep), so its Optional is made once for the run.
  private Optional<Step> stepTaken = Optional.empty();
  private Optional<Step> lastStep = Optional.empty();
  private Invariant current; // The invariant being run; null between checks.
  private Sometimes sometimes; // The property being asked, if one is; null between checks.
  private Eventually eventually;
  private long checks; // The number of the event being checked: one more at every check.
  // Where the last step's sends are among its effects, found when first asked for, once per event.
  private int[] sendPositions = new int[8];
  private int sendCount = SENDS_NOT_FOUND;
  // The last step's sends as Sents, made only for a check that asks for the list, into one list
  // reused for every event: a list per step was 7% of a Raft run's garbage, and a Sent per message
  // sent 5 to 7% (the index reads, lastStepSentTo and lastStepSentMessage, make none).
  private final List<Sent> sentBuffer = new ArrayList<>();
  private final List<Sent> sentView = Collections.unmodifiableList(sentBuffer);
  private boolean sentFilled;

  InvariantView(Simulation simulation) {
    this.simulation = simulation;
  }

  void beginCheck(Step step) {
    checks++;
    if (step == null) {
      this.lastStep = Optional.empty();
    } else {
      if (stepTaken.orElse(null) != step) {
        stepTaken = Optional.of(step);
      }
      this.lastStep = stepTaken;
    }
    this.sentFilled = false;
    this.sendCount = SENDS_NOT_FOUND;
  }

  void checking(Invariant invariant) {
    this.current = invariant;
  }

  void checking(Sometimes property) {
    this.sometimes = property;
  }

  void checking(Eventually property) {
    this.eventually = property;
  }

  void doneChecking() {
    current = null;
    sometimes = null;
    eventually = null;
  }

  /** The name of the check being run (properties are asked after the invariants), or null. */
  private String checkingName() {
    if (eventually != null) {
      return eventually.name();
    }
    if (sometimes != null) {
      return sometimes.name();
    }
    return current == null ? null : current.name();
  }

  @Override
  public long causalFloor(NodeId node) {
    if (!simulation.tracksCausalHistory()) {
      throw causalHistoryUntracked("InvariantContext.causalFloor");
    }
    return simulation.causalFloor(node);
  }

  /**
   * The error for a read of the causal history in a run that does not track it: every check of the
   * run declared it does not read it, the one asking included (named, when a check is asking).
   */
  IllegalStateException causalHistoryUntracked(String read) {
    return new IllegalStateException(untrackedMessage(read));
  }

  String untrackedMessage(String read) {
    String checkingName = checkingName();
    String reader =
        checkingName == null ? "code outside the run's checks" : "the check " + checkingName;
    String declared =
        checkingName == null
            ? ""
            : ", "
                + checkingName
                + " included; if it reads it, it must not override"
                + " readsCausalHistory() to return false";
    return reader
        + " read "
        + read
        + ", but this run does not track the causal history: every invariant and property of it"
        + " declared readsCausalHistory() false"
        + declared;
  }

  @Override
  public long nowNanos() {
    return simulation.nowNanos();
  }

  @Override
  public long eventNumber() {
    return checks;
  }

  @Override
  public Optional<Step> lastStep() {
    return lastStep;
  }

  @Override
  public List<Sent> lastStepSent() {
    if (!sentFilled) {
      sentFilled = true;
      sentBuffer.clear();
      for (int i = 0; i < lastStepSentCount(); i++) {
        sentBuffer.add(new Sent(lastStepSentTo(i), lastStepSentMessage(i)));
      }
    }
    return sentView;
  }

  @Override
  public int lastStepSentCount() {
    if (sendCount == SENDS_NOT_FOUND) {
      findSends();
    }
    return sendCount;
  }

  @Override
  public NodeId lastStepSentTo(int index) {
    return simulation.nodeIds().get(simulation.lastStepEffects().target(sendPosition(index)));
  }

  @Override
  public Message lastStepSentMessage(int index) {
    return simulation.lastStepEffects().message(sendPosition(index));
  }

  private int sendPosition(int index) {
    return sendPositions[Objects.checkIndex(index, lastStepSentCount())];
  }

  private void findSends() {
    sendCount = 0;
    if (lastStep.isEmpty()) {
      return; // A fault: the effects are a step's before it.
    }
    Effects effects = simulation.lastStepEffects();
    for (int i = 0; i < effects.size(); i++) {
      if (effects.kind(i) == Effects.Kind.SEND) {
        if (sendCount == sendPositions.length) {
          sendPositions = Arrays.copyOf(sendPositions, sendCount * 2);
        }
        sendPositions[sendCount++] = i;
      }
    }
  }

  @Override
  public SortedMap<String, Object> syncedStorage(NodeId id) {
    return simulation.slot(id).storage.synced();
  }

  @Override
  public List<NodeId> nodes() {
    return simulation.nodeIds();
  }

  @Override
  public <N> Optional<N> node(NodeId id, Class<N> type) {
    return simulation.node(id, type); // Allocates nothing: see NodeSlot.node.
  }

  @Override
  public boolean isUp(NodeId id) {
    return !simulation.slot(id).isCrashed();
  }

  @Override
  public boolean isPaused(NodeId id) {
    return simulation.slot(id).isPaused();
  }

  @Override
  public long lastPausedNanos(NodeId id) {
    return simulation.slot(id).lastPausedNanos(simulation.nowNanos());
  }

  @Override
  public long lastDropNanos(NodeId id, DropReason reason) {
    return simulation.slot(id).lastDropNanos(reason);
  }

  @Override
  public void note(NodeId node, String text) {
    simulation.noteFromCheck(node, text);
  }

  @Override
  public long wallClockNanos(NodeId id) {
    return simulation.slot(id).wallNanos(simulation.nowNanos());
  }

  @Override
  public long monotonicNanos(NodeId id) {
    return simulation.slot(id).monotonicNanos(simulation.nowNanos());
  }

  @Override
  public void fail(NodeId node, String message) {
    simulation.recordViolation(current.name(), node, message);
  }

  @Override
  public void undecided(String message) {
    simulation.recordUndecided(current.name(), message);
  }

  @Override
  public void count(String name, long delta) {
    simulation.metrics().add(name, delta);
  }

  @Override
  public void recordMax(String name, long value) {
    simulation.metrics().max(name, value);
  }
}
