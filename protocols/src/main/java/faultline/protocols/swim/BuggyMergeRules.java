package faultline.protocols.swim;

import faultline.protocols.membership.MemberStatus;

/**
 * The bug zoo's merge rules: each is the paper's except for one classic mistake, so that a test can
 * show which check catches it. Never used unless a scenario plants it.
 */
enum BuggyMergeRules implements MergeRules {
  /** An alive at the same incarnation clears a suspicion (§4.2 needs a higher one). */
  ALIVE_OVERRIDES_EQUAL_SUSPECT {
    @Override
    public Entry merge(Entry local, Update update) {
      if (local != null
          && local.status() == MemberStatus.SUSPECT
          && update.kind() == Update.Kind.ALIVE
          && update.incarnation() == local.incarnation()) {
        return Entry.of(update);
      }
      return PAPER.merge(local, update);
    }
  },
  /** A stale alive brings a faulty member back at the incarnation it was declared at. */
  RESURRECT_AT_SAME_INCARNATION {
    @Override
    public Entry merge(Entry local, Update update) {
      if (local != null
          && local.status().isGone()
          && update.kind() == Update.Kind.ALIVE
          && update.incarnation() >= local.incarnation()) {
        return Entry.of(update);
      }
      return PAPER.merge(local, update);
    }
  },
  /**
   * A suspicion is recorded one incarnation above the suspect message's, "so that it overrides the
   * alive": a member's incarnation raised by someone else, which its refutation then cannot beat.
   */
  SUSPECT_RAISES_INCARNATION {
    @Override
    public Entry merge(Entry local, Update update) {
      Entry merged = PAPER.merge(local, update);
      if (update.kind() == Update.Kind.SUSPECT
          && merged != local
          && merged.status() == MemberStatus.SUSPECT) {
        return new Entry(MemberStatus.SUSPECT, merged.incarnation() + 1);
      }
      return merged;
    }
  },
  /** A member never refutes a suspicion about itself. */
  NEVER_REFUTE {
    @Override
    public long ownIncarnation(long own, Update aboutSelf) {
      return own;
    }
  };

  @Override
  public Entry merge(Entry local, Update update) {
    return PAPER.merge(local, update);
  }

  @Override
  public long ownIncarnation(long own, Update aboutSelf) {
    return PAPER.ownIncarnation(own, aboutSelf);
  }
}
