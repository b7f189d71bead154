package faultline.protocols.swim;

import faultline.protocols.membership.MemberStatus;

/**
 * A member's entry in another member's list: what is believed ({@code status}) and at which
 * incarnation. Entries are values, so merge rules can be pure functions of two of them.
 */
public record Entry(MemberStatus status, long incarnation) {
  public Entry {
    if (status == null || status == MemberStatus.UNKNOWN || incarnation < 0) {
      throw new IllegalArgumentException(
          "an entry is alive, suspect, faulty or left, at an incarnation >= 0; got "
              + status
              + " at "
              + incarnation);
    }
  }

  /** The entry an accepted update leaves. */
  public static Entry of(Update update) {
    return new Entry(update.kind().status(), update.incarnation());
  }

  @Override
  public String toString() {
    return status.label() + "@" + incarnation;
  }
}
