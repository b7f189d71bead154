package faultline.protocols.swim;

/**
 * How a member merges an update it hears with what it holds: the precedence rules among alive,
 * suspect and confirm messages (Das, Gupta and Motivala, DSN 2002, §4.2), and refutation of a
 * suspicion about oneself by raising one's own incarnation, which only the member itself may do.
 * Both are pure functions, so a student's version (exercise 10) plugs into the real {@link
 * SwimNode} and the bug zoo's wrong versions are objects, not flags tested inside the paper's
 * rules.
 */
public interface MergeRules {
  /** The paper's rules, with memberlist's treatment of leaves and stale updates: the default. */
  MergeRules PAPER = new PaperMergeRules();

  /**
   * The entry a member should hold for another member after hearing {@code update} about it.
   *
   * @param local the entry held now, or {@code null} when the member is not in the list yet
   * @param update an update about that member, from someone else's message
   * @return the new entry, or {@code local} itself to ignore the update (never {@code null} when
   *     {@code local} is not)
   */
  Entry merge(Entry local, Update update);

  /**
   * A member's own incarnation after it hears {@code aboutSelf}, an update someone sent about it.
   * Returning a higher number refutes: the member then announces itself alive at that incarnation.
   *
   * @param own the member's incarnation now
   * @param aboutSelf an update whose member is this member
   * @return the incarnation to hold from now on: {@code own} to leave it, or higher
   */
  long ownIncarnation(long own, Update aboutSelf);
}
