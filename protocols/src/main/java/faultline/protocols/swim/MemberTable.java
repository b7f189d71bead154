package faultline.protocols.swim;

import faultline.engine.node.NodeId;
import faultline.protocols.membership.MemberIndex;
import faultline.protocols.membership.MemberStatus;
import faultline.protocols.membership.ViewChange;
import java.util.ArrayList;
import java.util.List;

/**
 * One member's membership list (SWIM §3: "each member maintains a list of the other members"): a
 * status and an incarnation per member of the run, in arrays indexed by the run's {@link
 * MemberIndex}. Every change is logged for the handler that made it, so checkers and the trace see
 * exactly what changed and nothing has to be compared wholesale.
 */
final class MemberTable {
  private static final MemberStatus[] STATUSES = MemberStatus.values();

  private final MemberIndex index;
  private final byte[] status;
  private final long[] incarnation;
  private final List<ViewChange> changes = new ArrayList<>();
  private int known;

  MemberTable(MemberIndex index) {
    this.index = index;
    this.status = new byte[index.size()];
    this.incarnation = new long[index.size()];
  }

  MemberIndex index() {
    return index;
  }

  MemberStatus status(int member) {
    return STATUSES[status[member]];
  }

  long incarnation(int member) {
    return incarnation[member];
  }

  /** The entry held for {@code member}, or null when it is unknown. */
  Entry entry(int member) {
    MemberStatus held = status(member);
    return held == MemberStatus.UNKNOWN ? null : new Entry(held, incarnation[member]);
  }

  /** How many members this one knows of, itself included: SWIM's n in its formulas. */
  int knownCount() {
    return known;
  }

  /** Sets the entry without logging a change: the list a member starts with. */
  void initialize(int member, Entry entry) {
    if (status[member] == 0) {
      known++;
    }
    status[member] = (byte) entry.status().ordinal();
    incarnation[member] = entry.incarnation();
  }

  /** Sets the entry and logs the change, caused by {@code source}. */
  void set(int member, Entry entry, NodeId source) {
    MemberStatus before = status(member);
    long incarnationBefore = incarnation[member];
    initialize(member, entry);
    changes.add(
        new ViewChange(
            index.id(member),
            before,
            incarnationBefore,
            entry.status(),
            entry.incarnation(),
            source));
  }

  /** Forgets the changes logged so far (at the start of each handler). */
  void clearChanges() {
    changes.clear();
  }

  List<ViewChange> changes() {
    return changes;
  }

  /** True for a member worth probing: alive or suspect, and not {@code self}. */
  boolean isProbeable(int member, int self) {
    return member != self && status(member).isMember();
  }
}
