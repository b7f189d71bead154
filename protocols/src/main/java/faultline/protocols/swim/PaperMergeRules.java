package faultline.protocols.swim;

import faultline.protocols.membership.MemberStatus;

/**
 * The precedence rules of SWIM §4.2 (Das, Gupta and Motivala, DSN 2002), for an update about a
 * member {@code M} at incarnation {@code i} against an entry at incarnation {@code j}:
 *
 * <ul>
 *   <li>{@code Alive(M, i)} overrides {@code Suspect(M, j)} and {@code Alive(M, j)} when {@code i >
 *       j};
 *   <li>{@code Suspect(M, i)} overrides {@code Suspect(M, j)} when {@code i > j}, and {@code
 *       Alive(M, j)} when {@code i >= j};
 *   <li>{@code Confirm(M, i)} overrides {@code Alive} and {@code Suspect} at any incarnation.
 * </ul>
 *
 * <p>Two refinements come from hashicorp/memberlist ({@code deadNode}, {@code aliveNode}). First, a
 * confirm about an incarnation older than the one held is stale and ignored: the member has refuted
 * since, and the verdict is about a life it has left behind. Taken literally, "at any incarnation"
 * lets a stale confirm kill a member that has just refuted, its refutation then raise the verdict
 * to the new incarnation as it is passed on, and so on for ever: on seed 1 of {@code
 * swim/random-faults} one member was at incarnation 22 and still being declared faulty when the run
 * ended. Second, where the paper deletes a confirmed member from the list, the entry stays as a
 * tombstone: a faulty (or departed) member comes back only by announcing itself alive at a higher
 * incarnation than the tombstone's (a refutation after a false positive, or a rejoin). A leave is
 * the member's own word and overrides everything at its incarnation or above. An update about a
 * member not yet in the list adds it as the update says.
 *
 * <p>About itself (§4.2): a member that hears it is suspected or confirmed at its current
 * incarnation or above refutes, with an incarnation one above the accusation's (memberlist's {@code
 * refute}); an older accusation is already overridden by the member's own alive, and anything else
 * (an alive about itself) changes nothing.
 */
final class PaperMergeRules implements MergeRules {
  @Override
  public Entry merge(Entry local, Update update) {
    if (local == null) {
      return Entry.of(update);
    }
    long i = update.incarnation();
    long j = local.incarnation();
    return switch (update.kind()) {
      case ALIVE -> i > j ? Entry.of(update) : local;
      case SUSPECT -> {
        boolean overrides =
            local.status() == MemberStatus.ALIVE
                ? i >= j
                : local.status() == MemberStatus.SUSPECT && i > j;
        yield overrides ? Entry.of(update) : local;
      }
      case CONFIRM -> local.status().isMember() && i >= j ? Entry.of(update) : local;
      case LEAVE ->
          local.status() != MemberStatus.LEFT && i >= j ? new Entry(MemberStatus.LEFT, i) : local;
    };
  }

  @Override
  public long ownIncarnation(long own, Update aboutSelf) {
    boolean accusation =
        aboutSelf.kind() == Update.Kind.SUSPECT || aboutSelf.kind() == Update.Kind.CONFIRM;
    if (accusation && aboutSelf.incarnation() >= own) {
      return aboutSelf.incarnation() + 1;
    }
    return own;
  }
}
