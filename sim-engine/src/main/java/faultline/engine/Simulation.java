package faultline.engine;

import faultline.engine.causal.CausalTracker;
import faultline.engine.causal.VectorStamp;
import faultline.engine.check.Invariant;
import faultline.engine.check.Step;
import faultline.engine.check.Undecided;
import faultline.engine.check.Violation;
import faultline.engine.net.DropReason;
import faultline.engine.net.Network;
import faultline.engine.node.Message;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;
import faultline.engine.trace.TraceWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One deterministic run. Single-threaded: events leave the queue in {@code (time, sequence)} order,
 * each node handler runs atomically, its effects apply in issue order, and invariants are checked
 * after every event. The same scenario and seed always give the same fingerprint and byte-identical
 * traces.
 *
 * <p>Build one with {@link #builder()}; run it with {@link #run()}, or drive it piecewise with
 * {@link #runUntil(long)} and {@link #finish()} (the visualizer does).
 */
public final class Simulation {
  private static final long CAUSAL_FLOOR_REFRESH_EVENTS = 4096;

  private final List<NodeId> nodeIds;
  private final List<NodeSlot> slots;
  private final NodeIndex nodeIndex; // Positions in nodeIds and slots, by id.
  private final Outbox[] outboxes; // By node index: a node's context, opened for each step.
  private final Network network;
  private final List<Invariant> invariants;
  private final Limits limits;
  private final boolean stopOnViolation;
  private final TraceWriter writer;
  private final EngineTrace trace;
  private final FaultApplier faults;
  private final CausalTracker causality;
  // False when no check of the run reads the causal history (Invariant.readsCausalHistory): then
  // no step makes a stamp, no message carries one, and a delivery merges no vector, which were
  // 13% of a Raft run's allocation and some 4% of its CPU time; the tracker counts steps only.
  private final boolean causalHistoryTracked;
  private final LiveStep liveStep; // The step just taken, filled anew for every step.
  private final Metrics metrics = new Metrics();
  private final Metrics.Counter sent = metrics.counter("net.sent");
  private final Metrics.Counter delivered = metrics.counter("net.delivered");
  private final Metrics.Counter timersFired = metrics.counter("timers.fired");
  private final EventQueue<EngineEvent> queue = new EventQueue<>(1024);
  private final long[] arrivalsNanos = new long[Network.COPIES_MAX]; // Of the message being sent.
  // Every step's effects go here: handlers never overlap, and a closed outbox refuses new effects
  // before it touches them.
  private final Effects effects = new Effects();
  private final List<Violation> violations = new ArrayList<>();
  private final List<Undecided> undecided = new ArrayList<>();
  private final InvariantView invariantView;
  private final PropertyTracker properties;
  private final long seed;
  private final RunMonitor monitor;
  private long monitorDueAt = RunMonitor.EVENTS_BETWEEN_CALLS;

  private long nowNanos;
  private long eventsProcessed;
  private long messageIdNext = 1;
  private long[] causalFloors; // See causalFloor(); null until an invariant asks.
  private long causalFloorsAt;
  private RunOutcome.StopReason stopReason;
  private RunOutcome outcome;

  Simulation(SimulationBuilder builder) {
    this.nodeIds = builder.sortedNodeIds();
    this.slots = builder.slots();
    this.nodeIndex = new NodeIndex(nodeIds);
    List<List<NodeId>> peersOf = new ArrayList<>();
    for (NodeId id : nodeIds) {
      peersOf.add(nodeIds.stream().filter(other -> !other.equals(id)).toList());
    }
    this.network = builder.network();
    this.invariants = List.copyOf(builder.invariants());
    this.limits = builder.limits();
    this.stopOnViolation = builder.stopOnViolation();
    this.writer = new TraceWriter(builder.traceSink());
    this.trace = new EngineTrace(writer);
    this.causality = new CausalTracker(nodeIds);
    this.causalHistoryTracked = builder.causalHistoryRead();
    this.faults = new FaultApplier(this, network, trace, metrics);
    this.invariantView = new InvariantView(this);
    this.liveStep = new LiveStep(causality, causalHistoryTracked, invariantView);
    this.properties =
        new PropertyTracker(
            builder.sometimes(), builder.eventually(), builder.eventuallyDueNanos());
    this.seed = builder.seed();
    this.monitor = builder.monitor();
    this.outboxes = new Outbox[slots.size()];
    for (NodeSlot slot : slots) {
      outboxes[slot.index] =
          new Outbox(slot, nodeIds, peersOf.get(slot.index), nodeIndex, slots, metrics, effects);
    }

    writer.header(
        builder.traceHeader(), builder.seed(), nodeIds.stream().map(NodeId::name).toList());
    for (NodeSlot slot : slots) {
      queue.add(0, new EngineEvent.Start(slot.index));
    }
    builder.faults().forEach(f -> queue.add(f.atNanos(), new EngineEvent.InjectFault(f.fault())));
  }

  public static SimulationBuilder builder() {
    return new SimulationBuilder();
  }

  /** Runs to the time limit (or another limit, or a violation) and writes the end of the trace. */
  public RunOutcome run() {
    runUntil(limits.timeLimitNanos());
    return finish();
  }

  /**
   * Processes every event due at or before {@code deadlineNanos} (capped by the time limit), unless
   * a limit or a violation stops the run first. Returns true while the run can go on.
   */
  public boolean runUntil(long deadlineNanos) {
    long deadline = Math.min(deadlineNanos, limits.timeLimitNanos());
    while (stopReason == null) {
      if (queue.isEmpty()) {
        if (deadline >= limits.timeLimitNanos()) {
          stopReason = RunOutcome.StopReason.QUIESCENT;
        }
        return stopReason == null;
      }
      if (queue.peekTimeNanos() > deadline) {
        nowNanos = Math.max(nowNanos, deadline);
        if (deadline >= limits.timeLimitNanos()) {
          stopReason = RunOutcome.StopReason.TIME_LIMIT;
        }
        return stopReason == null;
      }
      if (writer.eventsWritten() >= limits.eventLimit()) {
        stopReason = RunOutcome.StopReason.EVENT_LIMIT;
        break;
      }
      step();
      if (queue.size() > limits.queueLimit()) {
        stopReason = RunOutcome.StopReason.QUEUE_LIMIT;
      } else if (stopReason == null && eventsProcessed >= monitorDueAt) {
        askMonitor();
      }
    }
    return false;
  }

  private void askMonitor() {
    monitorDueAt = eventsProcessed + RunMonitor.EVENTS_BETWEEN_CALLS;
    RunOutcome.StopReason stop = monitor.check(eventsProcessed, nowNanos);
    Check.state(
        stop == null
            || stop == RunOutcome.StopReason.INTERRUPTED
            || stop == RunOutcome.StopReason.WALL_CLOCK_LIMIT,
        "a monitor stops a run as interrupted or out of wall-clock time, not %s",
        stop);
    stopReason = stop;
  }

  /** Ends the run: end-of-run invariant checks, the halt event, and the trace's end line. */
  public RunOutcome finish() {
    if (outcome != null) {
      return outcome;
    }
    if (stopReason == null) {
      stopReason = RunOutcome.StopReason.TIME_LIMIT;
    }
    RunOutcome.StopReason reason = stopReason;
    trace.at(nowNanos);
    invariantView.beginCheck(null);
    for (Invariant invariant : invariants) {
      invariantView.checking(invariant);
      invariant.atEnd(invariantView);
    }
    invariantView.doneChecking();
    judgeEventuallyAtEnd(reason);
    trace.halt(reason.label());
    String fingerprint = writer.end();
    outcome =
        new RunOutcome(
            reason,
            nowNanos,
            writer.eventsWritten(),
            fingerprint,
            List.copyOf(violations),
            List.copyOf(undecided),
            metrics.snapshot(),
            properties.sometimesResults(),
            properties.eventuallyResults());
    return outcome;
  }

  /** Judges the eventually properties at the end, if {@link PropertyTracker#momentAtEnd} says. */
  private void judgeEventuallyAtEnd(RunOutcome.StopReason reason) {
    properties
        .momentAtEnd(reason, nowNanos, limits.timeLimitNanos())
        .ifPresent(this::judgeEventually);
  }

  /**
   * Judges the eventually properties on the state at {@code atNanos}, which no event has changed
   * since: the next event is later, or there is none. The properties see {@code atNanos} as now;
   * the run's own clock is left as it was.
   */
  private void judgeEventually(long atNanos) {
    long now = nowNanos;
    nowNanos = atNanos;
    invariantView.beginCheck(null);
    properties.judge(invariantView, atNanos, writer.eventsWritten());
    invariantView.doneChecking();
    nowNanos = now;
  }

  private void step() {
    long atNanos = queue.peekTimeNanos();
    EngineEvent event = queue.poll();
    if (event instanceof EngineEvent.FireTimer fire && !isCurrent(fire)) {
      // Re-armed since (carried on to the new deadline), or cancelled or from a previous life
      // (dropped lazily instead of searched for); either way without letting time pass, counting
      // an event or running the checks.
      carryForward(fire);
      return;
    }
    Check.state(atNanos >= nowNanos, "time went backwards: %s < %s", atNanos, nowNanos);
    if (properties.eventuallyDueBefore(atNanos)) {
      judgeEventually(properties.eventuallyDueNanos());
    }
    nowNanos = atNanos;
    trace.at(nowNanos);
    eventsProcessed++;
    Step taken =
        switch (event) {
          case EngineEvent.Start start -> boot(slots.get(start.node()), false);
          case EngineEvent.Deliver deliver -> deliver(deliver);
          case EngineEvent.FireTimer fire -> fireTimer(fire);
          case EngineEvent.InjectFault inject -> faults.apply(inject.fault());
          case EngineEvent.Resume resume -> {
            faults.resume(slots.get(resume.node()), resume.pauseId());
            yield null;
          }
        };
    checkInvariants(taken);
  }

  /** Boots a node at time zero or on restart; the boot is the node's first step of this life. */
  Step boot(NodeSlot slot, boolean restart) {
    if (!restart && slot.isCrashed()) {
      return null; // Crashed before it ever booted; a restart will boot it.
    }
    slot.boot();
    if (restart) {
      trace.restart(slot);
    } else {
      trace.start(slot);
    }
    causality.step(slot.index, null);
    LiveStep step = liveStep.begin(slot, Step.Kind.START, null, null, null);
    Outbox outbox = outboxFor(slot);
    try {
      slot.node.onStart(outbox);
    } catch (RuntimeException e) {
      throw failure(slot, restart ? "its restart" : "its start", e);
    }
    applyEffects(slot, outbox, step);
    return step;
  }

  private Step deliver(EngineEvent.Deliver deliver) {
    NodeSlot to = slots.get(deliver.to());
    NodeSlot from = slots.get(deliver.from());
    DropReason cut = network.cutReason(from.id, to.id);
    if (cut == null && to.isCrashed()) {
      cut = DropReason.NODE_DOWN;
    }
    if (cut != null) {
      trace.drop(to, from.id, to.id, deliver.messageId(), deliver.message(), cut);
      metrics.add("net.dropped." + cut.label(), 1);
      dropped(from, to, cut);
      return null;
    }
    if (to.isPaused()) {
      to.deferredWhilePaused.add(deliver);
      return null;
    }
    trace.deliver(to, from.id, deliver.messageId(), deliver.copy(), deliver.message());
    delivered.add(1);
    causality.step(to.index, deliver.senderStamp());
    LiveStep step = liveStep.begin(to, Step.Kind.MESSAGE, from.id, deliver.message(), null);
    Outbox outbox = outboxFor(to);
    try {
      to.node.onMessage(outbox, from.id, deliver.message());
    } catch (RuntimeException e) {
      throw failure(
          to, "a " + deliver.message().getClass().getSimpleName() + " from " + from.id, e);
    }
    applyEffects(to, outbox, step);
    return step;
  }

  private boolean isCurrent(EngineEvent.FireTimer fire) {
    NodeSlot slot = slots.get(fire.node());
    return !slot.isCrashed() && slot.isArmed(fire.tag(), fire.generation());
  }

  /**
   * A timer event that came due before its timer's current deadline: if it carries that arming (see
   * {@link ArmedTimer}), it is queued again at the deadline, in the place reserved when the timer
   * was re-armed.
   */
  private void carryForward(EngineEvent.FireTimer stale) {
    ArmedTimer timer = slots.get(stale.node()).armed(stale.tag());
    if (timer == null || !timer.isCarrier(stale.generation())) {
      return;
    }
    queue.addReserved(
        timer.dueNanos(),
        timer.sequence(),
        new EngineEvent.FireTimer(stale.node(), stale.tag(), timer.generation(), timer.dueNanos()));
    timer.queuedOwnEvent();
  }

  private Step fireTimer(EngineEvent.FireTimer fire) {
    NodeSlot slot = slots.get(fire.node());
    if (slot.isPaused()) {
      slot.deferredWhilePaused.add(fire);
      return null;
    }
    Check.state(slot.fire(fire.tag(), fire.generation()), "an armed timer fires: %s", fire);
    trace.timer(slot, fire.tag(), fire.dueNanos());
    timersFired.add(1);
    causality.step(slot.index, null);
    LiveStep step = liveStep.begin(slot, Step.Kind.TIMER, null, null, fire.tag());
    Outbox outbox = outboxFor(slot);
    try {
      slot.node.onTimer(outbox, fire.tag());
    } catch (RuntimeException e) {
      throw failure(slot, "timer " + EngineTrace.timerName(fire.tag()), e);
    }
    applyEffects(slot, outbox, step);
    return step;
  }

  /**
   * What a handler's exception becomes: a {@link NodeFailure} that says where. The description is
   * built only here, not before every handler call.
   */
  private NodeFailure failure(NodeSlot slot, String handling, RuntimeException e) {
    return e instanceof NodeFailure failure
        ? failure
        : new NodeFailure(slot.id, handling, nowNanos, seed, e);
  }

  /** The effects of the step just taken, until the next step begins. */
  Effects lastStepEffects() {
    return effects;
  }

  private Outbox outboxFor(NodeSlot slot) {
    effects.clear();
    return outboxes[slot.index].open(nowNanos);
  }

  private void applyEffects(NodeSlot source, Outbox outbox, LiveStep step) {
    Effects effects = outbox.close();
    for (int i = 0; i < effects.size(); i++) {
      switch (effects.kind(i)) {
        case SEND -> {
          send(
              source,
              slots.get(effects.target(i)),
              effects.message(i),
              causalHistoryTracked ? step.truth() : null);
        }
        case SET_TIMER -> setTimer(source, effects.tag(i), effects.delayNanos(i));
        case CANCEL_TIMER -> source.disarm(effects.tag(i));
        case RECORD_STATE -> trace.state(source, effects.subject(i));
        case RECORD -> trace.record(source, effects.recordType(i), effects.subject(i));
        case NOTE -> trace.note(source, effects.noteText(i));
      }
    }
  }

  /** Arms a timer; a re-arm that a queued event can carry queues nothing (see ArmedTimer). */
  private void setTimer(NodeSlot source, TimerTag tag, long delayNanos) {
    long dueNanos = Math.addExact(nowNanos, source.clock.trueDurationOf(delayNanos));
    ArmedTimer timer = source.arm(tag, dueNanos);
    if (timer.hasCarrier()) {
      timer.reserved(queue.reserveSequence());
    } else {
      queue.add(
          dueNanos, new EngineEvent.FireTimer(source.index, tag, timer.generation(), dueNanos));
      timer.queuedOwnEvent();
    }
  }

  /** Sends a message; {@code truth} is the sending step's stamp, null when it is not tracked. */
  private void send(NodeSlot source, NodeSlot target, Message message, VectorStamp truth) {
    NodeId to = target.id;
    long messageId = messageIdNext++;
    trace.send(source, to, messageId, message);
    sent.add(1);
    int copies = network.route(nowNanos, source.id, to, arrivalsNanos);
    if (copies == 0) {
      DropReason reason = network.lastDropReason();
      trace.drop(source, source.id, to, messageId, message, reason);
      metrics.add("net.dropped." + reason.label(), 1);
      dropped(source, target, reason);
      return;
    }
    if (copies > 1) {
      metrics.add("net.duplicated", copies - 1);
    }
    for (int copy = 0; copy < copies; copy++) {
      queue.add(
          arrivalsNanos[copy],
          EngineEvent.Deliver.of(source.index, target.index, messageId, copy + 1, message, truth));
    }
  }

  /**
   * See {@link faultline.engine.check.InvariantContext#causalFloor}. Computing it reads every
   * node's vector and every message in flight, so it is cached and recomputed at most once every
   * {@link #CAUSAL_FLOOR_REFRESH_EVENTS} events: an older value is still a lower bound, since the
   * floor only grows.
   */
  long causalFloor(NodeId node) {
    Check.state(causalHistoryTracked, "the causal history is tracked"); // InvariantView checks.
    if (causalFloors == null || eventsProcessed - causalFloorsAt >= CAUSAL_FLOOR_REFRESH_EVENTS) {
      causalFloors = computeCausalFloors();
      causalFloorsAt = eventsProcessed;
    }
    return causalFloors[slot(node).index];
  }

  private long[] computeCausalFloors() {
    long[] floors = new long[slots.size()];
    for (int i = 0; i < floors.length; i++) {
      floors[i] = causality.knownByAll(i);
    }
    Consumer<EngineEvent> lower =
        event -> {
          if (event instanceof EngineEvent.Deliver deliver) {
            for (int i = 0; i < floors.length; i++) {
              floors[i] = Math.min(floors[i], deliver.senderStamp().count(i));
            }
          }
        };
    queue.forEachPending(lower);
    for (NodeSlot slot : slots) {
      slot.deferredWhilePaused.forEach(lower);
    }
    return floors;
  }

  /** Remembers, for both ends, when a message between them was last dropped and why. */
  private void dropped(NodeSlot from, NodeSlot to, DropReason reason) {
    from.dropped(reason, nowNanos);
    to.dropped(reason, nowNanos);
  }

  private void checkInvariants(Step taken) {
    if (invariants.isEmpty() && !properties.watching()) {
      return;
    }
    invariantView.beginCheck(taken);
    for (Invariant invariant : invariants) {
      invariantView.checking(invariant);
      invariant.afterEvent(invariantView);
    }
    if (properties.watching()) {
      properties.afterEvent(invariantView, nowNanos, writer.eventsWritten());
    }
    invariantView.doneChecking();
  }

  void recordViolation(String invariant, NodeId node, String message) {
    long wall = 0;
    long mono = 0;
    if (node != null) {
      NodeSlot slot = slot(node);
      wall = slot.wallNanos(nowNanos);
      mono = slot.monotonicNanos(nowNanos);
    }
    metrics.add("violations." + invariant, 1);
    long seq = trace.violation(node, wall, mono, invariant, message);
    violations.add(new Violation(invariant, seq, nowNanos, node, message));
    if (stopOnViolation && stopReason == null) {
      stopReason = RunOutcome.StopReason.VIOLATION;
    }
  }

  /** A checker's observation, written as a note at {@code node}. */
  void noteFromCheck(NodeId node, String text) {
    trace.note(slot(node), text);
  }

  void recordUndecided(String invariant, String message) {
    metrics.add("undecided." + invariant, 1);
    undecided.add(new Undecided(invariant, nowNanos, message));
  }

  // Package-private access for the fault applier and the invariant view.

  NodeSlot slot(NodeId id) {
    int index = nodeIndex.indexOf(id);
    Check.argument(index >= 0, "no node called %s in this run", id);
    return slots.get(index);
  }

  /** False when no check of the run reads the causal history, so the engine does not track it. */
  boolean tracksCausalHistory() {
    return causalHistoryTracked;
  }

  /** How many step stamps the run has made so far (for tests: none when it does not track them). */
  long stampsMade() {
    return causality.stampsMade();
  }

  List<NodeId> nodeIds() {
    return nodeIds;
  }

  void schedule(long atNanos, EngineEvent event) {
    queue.add(atNanos, event);
  }

  /** Schedules overdue work now, ahead of everything else due now. */
  void scheduleNowAhead(EngineEvent event) {
    queue.addAhead(nowNanos, event);
  }

  void dropDeferred(NodeSlot slot) {
    for (EngineEvent event : slot.deferredWhilePaused) {
      if (event instanceof EngineEvent.Deliver deliver) {
        trace.drop(
            slot,
            nodeIds.get(deliver.from()),
            slot.id,
            deliver.messageId(),
            deliver.message(),
            DropReason.NODE_DOWN);
        metrics.add("net.dropped." + DropReason.NODE_DOWN.label(), 1);
        dropped(slots.get(deliver.from()), slot, DropReason.NODE_DOWN);
      }
    }
    slot.deferredWhilePaused.clear();
  }

  public long nowNanos() {
    return nowNanos;
  }

  /** True once the run has stopped (a limit or a violation); {@link #finish()} may follow. */
  public boolean isStopped() {
    return stopReason != null;
  }

  public List<Violation> violations() {
    return List.copyOf(violations);
  }

  public Metrics metrics() {
    return metrics;
  }

  /**
   * Queue events processed so far; cancelled and stale timer firings, dropped unseen, do not count.
   */
  public long eventsProcessed() {
    return eventsProcessed;
  }

  /** A read of a node's live object for tests and views; empty while it is crashed. */
  public <N> Optional<N> node(NodeId id, Class<N> type) {
    return slot(id).node(type);
  }
}
