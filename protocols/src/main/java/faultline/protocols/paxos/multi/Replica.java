package faultline.protocols.paxos.multi;

import faultline.engine.node.DurableStorage;
import faultline.engine.node.Message;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.kv.KvReplica;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The learner and the replicated state machine of one server (Paxos Made Simple §3; the replica of
 * Paxos Made Moderately Complex): the values it knows chosen, slot by slot, applied to the
 * key-value store strictly in slot order, so that every replica runs the same commands in the same
 * order. A chosen value is a fact, so it is written to disk (unsynced: losing it costs only a
 * catch-up), and a restarted server applies what it knows again from slot 0.
 */
final class Replica {
  private static final String CHOSEN_PREFIX = "multipaxos.chosen/";

  private final DurableStorage storage;
  private final KvReplica kv = new KvReplica();
  private final TreeMap<Long, SlotValue> chosen = new TreeMap<>();
  private final List<Decision> learnedInStep = new ArrayList<>();
  private long appliedBelow; // Every slot below is applied; equals the chosen prefix's end.

  /** The trace record of an applied slot. */
  public record Applied(long slot, String command) {}

  Replica(NodeContext<Message, MultiPaxosTimer> context) {
    this.storage = context.storage();
    for (Map.Entry<String, Object> entry : storage.snapshot().entrySet()) {
      if (entry.getKey().startsWith(CHOSEN_PREFIX)) {
        Decision decision = (Decision) entry.getValue();
        chosen.put(decision.slot(), decision.value());
      }
    }
  }

  KvReplica kv() {
    return kv;
  }

  /** The first slot not known chosen: every slot below is chosen and applied. */
  long chosenBelow() {
    return appliedBelow;
  }

  /** The highest slot known chosen, or -1. */
  long highestChosen() {
    return chosen.isEmpty() ? -1 : chosen.lastKey();
  }

  /** The value known chosen in {@code slot}, or null. */
  SlotValue chosen(long slot) {
    return chosen.get(slot);
  }

  /** Every value known chosen, by slot. */
  NavigableMap<Long, SlotValue> allChosen() {
    return java.util.Collections.unmodifiableNavigableMap(chosen);
  }

  /** The decisions learned in the last step (for the checkers), until the next one begins. */
  List<Decision> learnedInLastStep() {
    return learnedInStep;
  }

  void beginStep() {
    learnedInStep.clear();
  }

  /** After a boot: applies again everything this server knew chosen before it went down. */
  void replay(NodeContext<Message, MultiPaxosTimer> context, NodeId leaderHint) {
    applyReady(context, leaderHint);
  }

  /**
   * Learns that {@code value} is chosen in {@code slot} and applies every slot that is now ready. A
   * slot already known keeps its first value: two different values would be a safety violation,
   * which the checkers report from the acceptors' own state.
   */
  void learn(
      NodeContext<Message, MultiPaxosTimer> context,
      long slot,
      SlotValue value,
      NodeId leaderHint) {
    if (slot < appliedBelow || chosen.containsKey(slot)) {
      return;
    }
    chosen.put(slot, value);
    Decision decision = new Decision(slot, value);
    storage.put(key(slot), decision);
    learnedInStep.add(decision);
    applyReady(context, leaderHint);
  }

  private void applyReady(NodeContext<Message, MultiPaxosTimer> context, NodeId leaderHint) {
    SlotValue next;
    while ((next = chosen.get(appliedBelow)) != null) {
      context.record("apply", new Applied(appliedBelow, next.describe()));
      if (next instanceof SlotValue.Command command) {
        kv.apply(context, appliedBelow, command.command(), leaderHint);
      }
      appliedBelow++;
    }
  }

  /** Values known chosen from {@code fromSlot} on, at most {@code max} of them, in slot order. */
  List<Decision> decisionsFrom(long fromSlot, int max) {
    List<Decision> decisions = new ArrayList<>();
    for (Map.Entry<Long, SlotValue> entry : chosen.tailMap(fromSlot, true).entrySet()) {
      if (decisions.size() == max) {
        break;
      }
      decisions.add(new Decision(entry.getKey(), entry.getValue()));
    }
    return decisions;
  }

  static String key(long slot) {
    String digits = Long.toString(slot);
    return CHOSEN_PREFIX + "0".repeat(Math.max(0, 12 - digits.length())) + digits;
  }
}
