package faultline.exercises.e10_swim;

import faultline.protocols.membership.MemberStatus;
import faultline.protocols.swim.Entry;
import faultline.protocols.swim.MergeRules;
import faultline.protocols.swim.Update;

/**
 * Exercise 10: how a SWIM member merges an update it hears with what it holds, and how it refutes a
 * suspicion about itself (Das, Gupta and Motivala, "SWIM", DSN 2002, §4.2).
 *
 * <p>The SWIM node of {@code protocols} does everything else: it probes, suspects a member whose
 * probe fails, confirms it when the suspicion times out, piggybacks updates on its messages, and
 * calls these two methods for every update it hears. It keeps the entry you return, starts or stops
 * the suspicion timer when the status changes, passes a changed entry on in its gossip, and
 * announces itself alive when you raise its own incarnation. An {@link Entry} is a status ({@code
 * ALIVE}, {@code SUSPECT}, {@code FAULTY} or {@code LEFT}) at an incarnation; an {@link Update} is
 * a {@code kind()} ({@code ALIVE}, {@code SUSPECT}, {@code CONFIRM} or {@code LEAVE}) about a
 * {@code member()} at an {@code incarnation()}, and {@link Entry#of} is the entry an accepted
 * update leaves.
 */
public final class SuspicionRules implements MergeRules {
  /**
   * The entry to hold for another member after hearing {@code update} about it, with {@code local}
   * the entry held now: return {@code Entry.of(update)} to accept the update, or {@code local} to
   * ignore it. With {@code i} the update's incarnation and {@code j} the entry's (§4.2):
   *
   * <ul>
   *   <li>an alive overrides a suspect or an alive only when {@code i > j}, and brings a faulty or
   *       departed member back only when {@code i > j} (a refutation, or a rejoin);
   *   <li>a suspect overrides an alive when {@code i >= j}, and a suspect only when {@code i > j};
   *       it never touches a faulty or departed member;
   *   <li>a confirm overrides an alive or a suspect at {@code i >= j}; an older one is about a life
   *       the member has refuted since, and is ignored.
   * </ul>
   *
   * A member new to the list, and leaves, are handled for you.
   */
  @Override
  public Entry merge(Entry local, Update update) {
    if (local == null) {
      return Entry.of(update); // Not in the list yet: take it as the update says.
    }
    if (update.kind() == Update.Kind.LEAVE) {
      // A leave is the member's own word: it overrides everything at its incarnation or above.
      boolean departs =
          local.status() != MemberStatus.LEFT && update.incarnation() >= local.incarnation();
      return departs ? Entry.of(update) : local;
    }
    // BEGIN SOLUTION
    long i = update.incarnation();
    long j = local.incarnation();
    boolean overrides =
        switch (update.kind()) {
          case ALIVE -> i > j;
          case SUSPECT ->
              local.status() == MemberStatus.ALIVE
                  ? i >= j
                  : local.status() == MemberStatus.SUSPECT && i > j;
          case CONFIRM -> local.status().isMember() && i >= j;
          case LEAVE -> false;
        };
    return overrides ? Entry.of(update) : local;
    // END SOLUTION
    // STUB: // Your code here: SWIM §4.2, when Alive, Suspect and Confirm override an entry.
    // STUB: return local;
  }

  /**
   * This member's own incarnation after it hears {@code aboutSelf}, an update someone sent about
   * it, with {@code own} its incarnation now. Return {@code own} to leave it, or a higher number to
   * refute: the node then announces "alive" at that incarnation. Only the member itself ever raises
   * its incarnation (§4.2). A suspect or a confirm about this member at {@code own} or above must
   * be refuted with an incarnation above the accusation's; an older accusation is already
   * overridden by this member's own alive, and an alive about itself changes nothing.
   */
  @Override
  public long ownIncarnation(long own, Update aboutSelf) {
    // BEGIN SOLUTION
    boolean accusation =
        aboutSelf.kind() == Update.Kind.SUSPECT || aboutSelf.kind() == Update.Kind.CONFIRM;
    if (accusation && aboutSelf.incarnation() >= own) {
      return aboutSelf.incarnation() + 1;
    }
    return own;
    // END SOLUTION
    // STUB: // Your code here: SWIM §4.2, how a member refutes a suspicion about itself.
    // STUB: return own;
  }
}
