package faultline.protocols.register;

import faultline.engine.node.DurableStorage;
import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.clocks.CausalOrder;
import faultline.protocols.clocks.ClockStamps;
import faultline.protocols.clocks.ClockedNode;
import faultline.protocols.clocks.HybridTimestamp;
import faultline.protocols.clocks.LamportClock;
import faultline.protocols.clocks.StampedEvent;
import faultline.protocols.clocks.VectorClock;
import faultline.protocols.register.RegisterMessage.Replicate;
import faultline.protocols.register.RegisterTimer.RandomWriteDue;
import faultline.protocols.register.RegisterTimer.ScriptedWriteDue;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A replica of a last-writer-wins register whose writes carry a Lamport clock (Lamport 1978, rules
 * IR1 and IR2), a vector clock (Fidge 1988, Mattern 1989) and a hybrid logical clock (Kulkarni et
 * al. 2014, Figure 5). A write is applied locally, then broadcast; each replica keeps the winner
 * under the configured {@link Timestamping}. Vector clocks tell concurrent writes from causally
 * ordered ones, so the replica can count, for every rule at once, how often the rule let a write
 * win over a write that causally followed it (a lost update).
 *
 * <p>Every write and every receipt is one event that ticks all three clocks. The clocks and the
 * register are durable, so a restarted replica resumes where it stopped. Upholds the invariants in
 * {@link faultline.protocols.clocks.ClockInvariants} and {@link RegisterInvariants}.
 */
public final class RegisterNode implements Node<RegisterMessage, RegisterTimer>, ClockedNode {
  private static final String CLOCKS_KEY = "clocks";
  private static final String SHADOWS_KEY = "register";

  private final RegisterConfig config;

  // Durable state.
  private DurableState durable;

  // Volatile state, for invariants: the last stamped event and the last decision.
  private StampedEvent lastStamped;
  private CausalLastWriterWins.Decision<Write> lastDecision;

  public RegisterNode(RegisterConfig config) {
    this.config = config;
  }

  /** Everything a replica keeps on disk: its clocks, write count and one register per rule. */
  record DurableState(
      LamportClock lamport,
      VectorClock vector,
      HybridTimestamp hlc,
      long writesIssued,
      long eventsStamped,
      Map<Timestamping, Write> registers) {
    DurableState {
      EnumMap<Timestamping, Write> copy = new EnumMap<>(Timestamping.class);
      copy.putAll(registers);
      registers = Collections.unmodifiableMap(copy);
    }
  }

  @Override
  public void onStart(NodeContext<RegisterMessage, RegisterTimer> context) {
    durable =
        context
            .storage()
            .get(CLOCKS_KEY, DurableState.class)
            .orElseGet(
                () ->
                    new DurableState(
                        LamportClock.zero(),
                        VectorClock.empty(),
                        HybridTimestamp.beforeAnyReading(),
                        0,
                        0,
                        new EnumMap<>(Timestamping.class)));
    armScriptedWrites(context);
    armRandomWrite(context);
  }

  @Override
  public void onMessage(
      NodeContext<RegisterMessage, RegisterTimer> context, NodeId from, RegisterMessage message) {
    switch (message) {
      case Replicate replicate -> onReplicate(context, replicate.write());
    }
  }

  @Override
  public void onTimer(NodeContext<RegisterMessage, RegisterTimer> context, RegisterTimer timer) {
    switch (timer) {
      case ScriptedWriteDue due -> write(context, config.writes().get(due.index()).value());
      case RandomWriteDue due -> {
        write(context, context.self() + "-" + (durable.writesIssued() + 1));
        armRandomWrite(context);
      }
    }
  }

  private void armScriptedWrites(NodeContext<RegisterMessage, RegisterTimer> context) {
    long nowNanos = context.monotonicNanos();
    List<RegisterConfig.ScriptedWrite> writes = config.writes();
    for (int i = 0; i < writes.size(); i++) {
      RegisterConfig.ScriptedWrite write = writes.get(i);
      // After a restart, writes whose time has passed are gone with the crash.
      if (write.node().equals(context.self()) && write.atNanos() >= nowNanos) {
        context.setTimer(new ScriptedWriteDue(i), write.atNanos() - nowNanos);
      }
    }
  }

  private void armRandomWrite(NodeContext<RegisterMessage, RegisterTimer> context) {
    RegisterConfig.RandomWrites random = config.randomWrites();
    if (random == null) {
      return;
    }
    long delayNanos =
        context.random().nextLongBetween(random.intervalMinNanos(), random.intervalMaxNanos());
    if (context.monotonicNanos() + delayNanos <= random.untilNanos()) {
      context.setTimer(new RandomWriteDue(), delayNanos);
    }
  }

  /** A local write (IR1: tick before the event), applied here, then sent to every replica. */
  private void write(NodeContext<RegisterMessage, RegisterTimer> context, String value) {
    ClockStamps stamps =
        new ClockStamps(
            context.wallClockNanos(),
            durable.lamport().tick(),
            durable.hlc().sendOrLocal(physicalClock(context)),
            durable.vector().tick(context.self().name()));
    Write write = new Write(context.self(), durable.writesIssued() + 1, value, stamps);
    context.count("register.writes", 1);
    apply(context, write, stamps, durable.writesIssued() + 1, true);
    for (NodeId peer : context.peers()) {
      context.send(peer, new Replicate(write));
    }
  }

  /** Receipt of a write (IR2: merge, then tick), applied by last-writer-wins. */
  private void onReplicate(NodeContext<RegisterMessage, RegisterTimer> context, Write write) {
    ClockStamps remote = write.stamps();
    ClockStamps stamps =
        new ClockStamps(
            context.wallClockNanos(),
            config.has(RegisterBug.LAMPORT_RECEIVE_WITHOUT_MAX)
                ? durable.lamport().tick()
                : durable.lamport().receive(remote.lamport()),
            receiveHlc(remote.hlc(), physicalClock(context)),
            config.has(RegisterBug.VECTOR_RECEIVE_WITHOUT_MERGE)
                ? durable.vector().tick(context.self().name())
                : durable.vector().receive(context.self().name(), remote.vector()));
    apply(context, write, stamps, durable.writesIssued(), false);
  }

  private HybridTimestamp receiveHlc(HybridTimestamp remote, long physicalNanos) {
    if (config.has(RegisterBug.HLC_RECEIVE_IGNORES_REMOTE)) {
      return durable.hlc().sendOrLocal(physicalNanos);
    }
    if (config.has(RegisterBug.HLC_ADDS_DELAY_ESTIMATE)) {
      physicalNanos += 10_000_000; // "The message surely took 10 ms": a guess, not a reading.
    }
    return durable.hlc().receive(remote, physicalNanos);
  }

  /** The physical clock the HLC reads: the wall clock, unless a planted bug hides it. */
  private long physicalClock(NodeContext<RegisterMessage, RegisterTimer> context) {
    return config.has(RegisterBug.HLC_IGNORES_PHYSICAL_CLOCK) ? 0 : context.wallClockNanos();
  }

  private void apply(
      NodeContext<RegisterMessage, RegisterTimer> context,
      Write incoming,
      ClockStamps eventStamps,
      long writesIssued,
      boolean isWrite) {
    EnumMap<Timestamping, Write> registers = new EnumMap<>(Timestamping.class);
    registers.putAll(durable.registers());
    for (Timestamping rule : Timestamping.values()) {
      Write current = registers.get(rule);
      Write winner = LastWriterWins.winner(rule, current, incoming);
      Write loser = winner == incoming ? current : incoming;
      if (loser != null && winner.stamps().vector().happenedBefore(loser.stamps().vector())) {
        // The rule kept a write that causally precedes the one it dropped: a lost update.
        context.count("register.lostUpdates." + rule.name().toLowerCase(Locale.ROOT), 1);
      }
      registers.put(rule, winner);
    }
    Write current = durable.registers().get(config.resolveBy());
    Write kept = registers.get(config.resolveBy());
    countOrdering(context, current, incoming, kept);

    long ordinal = durable.eventsStamped() + 1;
    durable =
        new DurableState(
            eventStamps.lamport(),
            eventStamps.vector(),
            eventStamps.hlc(),
            writesIssued,
            ordinal,
            registers);
    context.storage().put(CLOCKS_KEY, durable);
    context.storage().sync(); // Persist before the write leaves this node.
    lastStamped = new StampedEvent(ordinal, eventStamps);
    lastDecision =
        new CausalLastWriterWins.Decision<>(
            ordinal, isWrite, incoming, kept, kept == incoming ? current : incoming);
    context.recordMax(
        "hlc.maxAheadOfPhysicalNanos", eventStamps.hlc().wallNanos() - eventStamps.physicalNanos());
    context.recordState(RegisterView.of(kept, eventStamps));
  }

  private static void countOrdering(
      NodeContext<RegisterMessage, RegisterTimer> context,
      Write current,
      Write incoming,
      Write kept) {
    if (current == null) {
      return;
    }
    CausalOrder order = current.stamps().vector().compare(incoming.stamps().vector());
    if (order == CausalOrder.CONCURRENT) {
      context.count("register.concurrentWrites", 1);
      context.note(
          "concurrent writes "
              + current.describe()
              + " and "
              + incoming.describe()
              + "; kept "
              + kept.describe());
    } else if (order == CausalOrder.BEFORE) {
      context.count("register.causalOverwrites", 1);
    }
  }

  @Override
  public StampedEvent lastStampedEvent() {
    return lastStamped;
  }

  /** The last decision (null before the first write arrived). */
  public CausalLastWriterWins.Decision<Write> lastDecision() {
    return lastDecision;
  }

  /** The value this replica holds under the configured rule, or null. */
  public String value() {
    Write write = durable == null ? null : durable.registers().get(config.resolveBy());
    return write == null ? null : write.value();
  }

  /** For tests: the durable state as {@link DurableStorage} holds it. */
  DurableState durableState() {
    return durable;
  }
}
