package faultline.protocols.paxos.multi;

import faultline.engine.node.DurableStorage;
import faultline.protocols.paxos.Ballot;
import faultline.protocols.paxos.multi.MultiPaxosMessage.SlotProposal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What a Multi-Paxos acceptor must remember across failures (Paxos Made Simple §3): one promise,
 * which covers every slot, and the proposal it accepted last in each slot. Each slot has its own
 * key on disk, so an accept writes one key. The caller syncs before it answers.
 */
final class AcceptorLog {
  static final String PROMISED_KEY = "multipaxos.promised";
  private static final String SLOT_PREFIX = "multipaxos.accepted/";

  private final DurableStorage storage;
  private final TreeMap<Long, SlotProposal> accepted = new TreeMap<>();
  private Ballot promised = Ballot.NONE;

  private AcceptorLog(DurableStorage storage) {
    this.storage = storage;
  }

  /** Reads the promise and every accepted proposal back after a boot or a restart. */
  static AcceptorLog load(DurableStorage storage) {
    AcceptorLog log = new AcceptorLog(storage);
    log.promised = storage.get(PROMISED_KEY, Ballot.class).orElse(Ballot.NONE);
    for (Map.Entry<String, Object> entry : storage.snapshot().entrySet()) {
      if (entry.getKey().startsWith(SLOT_PREFIX)) {
        SlotProposal proposal = (SlotProposal) entry.getValue();
        log.accepted.put(proposal.slot(), proposal);
      }
    }
    return log;
  }

  Ballot promised() {
    return promised;
  }

  void promise(Ballot ballot) {
    promised = ballot;
    storage.put(PROMISED_KEY, ballot);
  }

  /** Accepts {@code proposal}, which implies promising its ballot. */
  void accept(SlotProposal proposal) {
    if (proposal.ballot().isAbove(promised)) {
      promise(proposal.ballot());
    }
    accepted.put(proposal.slot(), proposal);
    storage.put(key(proposal.slot()), proposal);
  }

  void sync() {
    storage.sync();
  }

  /** The proposal accepted last in {@code slot}, or null. */
  SlotProposal accepted(long slot) {
    return accepted.get(slot);
  }

  /** Every proposal accepted in a slot at or above {@code fromSlot}, in slot order. */
  List<SlotProposal> acceptedFrom(long fromSlot) {
    return new ArrayList<>(accepted.tailMap(fromSlot, true).values());
  }

  /** Every slot's accepted proposal, for the checkers. */
  NavigableMap<Long, SlotProposal> all() {
    return Collections.unmodifiableNavigableMap(accepted);
  }

  /** {@code multipaxos.accepted/} and the slot zero-padded to 12 digits, so keys sort by slot. */
  static String key(long slot) {
    String digits = Long.toString(slot);
    return SLOT_PREFIX + "0".repeat(Math.max(0, 12 - digits.length())) + digits;
  }
}
