package faultline.protocols.swim;

import faultline.engine.check.Eventually;
import faultline.engine.check.Sometimes;
import java.util.List;

/**
 * SWIM's sometimes property (a suspected member refuted the suspicion) and eventually property (the
 * live members' views agree once the faults stop). Fresh instances per run.
 */
public final class SwimProperties {
  /** A suspected member raised its incarnation to refute (DSN 2002, §4.2). */
  public static final String SUSPICION_REFUTED = "swim.suspicion-refuted";

  /** The live members agree on the membership. */
  public static final String MEMBERS_AGREE = "swim.members-agree";

  private SwimProperties() {}

  public static List<Sometimes> sometimes() {
    return List.of(new SuspicionRefuted());
  }

  public static List<Eventually> eventually() {
    return List.of(new MembersAgree());
  }
}
