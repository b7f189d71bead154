package faultline.protocols.paxos.multi;

import faultline.protocols.paxos.multi.MultiPaxosMessage.Promise;
import faultline.protocols.paxos.multi.MultiPaxosMessage.SlotProposal;
import java.util.Collection;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a new leader proposes once a phase-1 quorum has promised its ballot, before any new command
 * (Paxos Made Simple §3). {@link #PAPER} recovers every slot: in each slot from the prepare's
 * {@code fromSlot} up to the highest any promise reports, it proposes the value of the
 * highest-numbered proposal reported there (P2c, slot by slot), or a no-op where none is (a gap);
 * slots it already knows chosen need nothing. {@link #SKIPS_GAP_RECOVERY} is a bug-zoo strategy.
 */
interface Recovery {
  /** The paper's recovery. */
  Recovery PAPER = Recovery::recoverEverySlot;

  /**
   * The bug: the new leader ignores what the promises report and starts its own commands at the
   * first slot it does not know chosen, so it can overwrite a value a previous leader got chosen.
   */
  Recovery SKIPS_GAP_RECOVERY = (fromSlot, promises, known) -> new Plan(new TreeMap<>(), fromSlot);

  /** What the leader proposes first, and the first slot free for new commands. */
  record Plan(SortedMap<Long, SlotValue> proposals, long nextSlot) {}

  /** What the server knows chosen already. */
  interface Known {
    boolean isChosen(long slot);

    /** The highest slot known chosen, or -1. */
    long highestChosen();
  }

  /**
   * The plan after phase 1.
   *
   * @param fromSlot the prepare's first slot: every slot below is known chosen
   * @param promises the promises of a phase-1 quorum for the new ballot
   * @param known what this server knows chosen
   */
  Plan plan(long fromSlot, Collection<Promise> promises, Known known);

  private static Plan recoverEverySlot(long fromSlot, Collection<Promise> promises, Known known) {
    TreeMap<Long, SlotProposal> highest = new TreeMap<>();
    for (Promise promise : promises) {
      for (SlotProposal proposal : promise.accepted()) {
        SlotProposal current = highest.get(proposal.slot());
        if (current == null || proposal.ballot().isAbove(current.ballot())) {
          highest.put(proposal.slot(), proposal);
        }
      }
    }
    long top = Math.max(known.highestChosen(), highest.isEmpty() ? -1 : highest.lastKey());
    TreeMap<Long, SlotValue> proposals = new TreeMap<>();
    for (long slot = fromSlot; slot <= top; slot++) {
      if (known.isChosen(slot)) {
        continue;
      }
      SlotProposal reported = highest.get(slot);
      proposals.put(slot, reported == null ? SlotValue.NOOP : reported.value());
    }
    return new Plan(proposals, Math.max(fromSlot, top + 1));
  }
}
