package faultline.protocols.paxos.multi;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Classic Multi-Paxos mistakes that a scenario can plant on purpose (the bug zoo), to show that the
 * invariants catch them. Each bug replaces one strategy of the configuration; the protocol's rules
 * never test a flag.
 */
public enum MultiPaxosBug {
  /** The leader announces a value chosen once its own acceptor accepted it, without a quorum. */
  LEADER_COUNTS_OWN_ACCEPT,
  /** A new leader proposes new commands without recovering what earlier leaders got accepted. */
  NEW_LEADER_SKIPS_RECOVERY,
  /** Quorum sizes with Q1 + Q2 <= N are allowed, so a phase-1 quorum can miss a chosen value. */
  NON_INTERSECTING_QUORUMS;

  /** The name scenario files use: the constant in lower case. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(MultiPaxosBug::label).toList();
  }

  public static MultiPaxosBug ofLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }

  /** Replaces the strategy this bug lives in. */
  void plant(MultiPaxosConfig.Builder builder) {
    switch (this) {
      case LEADER_COUNTS_OWN_ACCEPT -> builder.chosenRule(ChosenRule.OWN_ACCEPT);
      case NEW_LEADER_SKIPS_RECOVERY -> builder.recovery(Recovery.SKIPS_GAP_RECOVERY);
      case NON_INTERSECTING_QUORUMS -> builder.allowNonIntersectingQuorums();
    }
  }
}
