package faultline.protocols.swim;

/**
 * The Lifeguard extensions (Dadgar, Phillips and Currey, "Lifeguard: Local Health Awareness for
 * More Accurate Failure Detection", 2017), as hashicorp/memberlist implements them; each is off
 * unless a scenario turns it on.
 *
 * @param localHealth Local Health Awareness (§IV-A): a score in [0, {@code awarenessMax}) that
 *     rises when this member's own probes fail without the nacks that healthy helpers send, or when
 *     it must refute a suspicion, and falls with each successful probe; the protocol period (and so
 *     the time an ack may take) is scaled by score + 1. Helpers send nacks only when this is on.
 * @param awarenessMax the score's bound (memberlist's {@code AwarenessMaxMultiplier}, 8)
 * @param dynamicSuspicion Local Health Aware Suspicion (§IV-B): a suspicion starts at the longest
 *     timeout and shrinks towards the shortest as independent suspecters confirm it (memberlist's
 *     {@code remainingSuspicionTime})
 * @param buddySystem Buddy System (§IV-C): a ping to a member held suspect carries the suspicion,
 *     so that the member can refute at once
 */
public record Lifeguard(
    boolean localHealth, int awarenessMax, boolean dynamicSuspicion, boolean buddySystem) {
  public static final Lifeguard OFF = new Lifeguard(false, 8, false, false);

  public Lifeguard {
    if (awarenessMax < 1) {
      throw new IllegalArgumentException("awarenessMax must be at least 1");
    }
  }

  public static Lifeguard all() {
    return new Lifeguard(true, 8, true, true);
  }
}
