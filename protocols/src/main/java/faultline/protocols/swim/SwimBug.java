package faultline.protocols.swim;

import java.util.Locale;

/**
 * Classic SWIM mistakes that a scenario can plant (the bug zoo), to show that the checks catch
 * them. Each swaps one strategy of the configuration for a wrong one; the paper's rules stay free
 * of bug flags. Never on by default.
 */
public enum SwimBug {
  /** An alive at the same incarnation clears a suspicion: {@code swim.precedence} catches it. */
  ALIVE_OVERRIDES_EQUAL_SUSPECT {
    @Override
    SwimConfig.Builder plant(SwimConfig.Builder builder) {
      return builder.rules(BuggyMergeRules.ALIVE_OVERRIDES_EQUAL_SUSPECT);
    }
  },
  /** A stale alive resurrects a faulty member: {@code swim.no-resurrection} catches it. */
  RESURRECT_AT_SAME_INCARNATION {
    @Override
    SwimConfig.Builder plant(SwimConfig.Builder builder) {
      return builder.rules(BuggyMergeRules.RESURRECT_AT_SAME_INCARNATION);
    }
  },
  /** Suspecters raise the suspect's incarnation: {@code swim.incarnation-origin} catches it. */
  SUSPECT_RAISES_INCARNATION {
    @Override
    SwimConfig.Builder plant(SwimConfig.Builder builder) {
      return builder.rules(BuggyMergeRules.SUSPECT_RAISES_INCARNATION);
    }
  },
  /**
   * A suspected member never refutes, so a live one paused or cut off for a moment is declared
   * faulty for good: {@code membership.accuracy} counts the false positives.
   */
  NEVER_REFUTE {
    @Override
    SwimConfig.Builder plant(SwimConfig.Builder builder) {
      return builder.rules(BuggyMergeRules.NEVER_REFUTE);
    }
  },
  /**
   * The incarnation is kept only in memory, so a restarted member starts again from 0, below what
   * the others hold: {@code swim.incarnation-monotonic} catches it.
   */
  FORGET_INCARNATION_ON_RESTART {
    @Override
    SwimConfig.Builder plant(SwimConfig.Builder builder) {
      return builder.incarnations(IncarnationMemory.VOLATILE);
    }
  },
  /**
   * Only the member that made an update spreads it; receivers do not pass it on, so a verdict
   * reaches only the few members its author pings: {@code membership.completeness} catches it.
   */
  GOSSIP_ONLY_OWN_NEWS {
    @Override
    SwimConfig.Builder plant(SwimConfig.Builder builder) {
      return builder.regossip(Regossip.ORIGIN_ONLY);
    }
  };

  /** True for the bugs that replace the merge rules (at most one of them can be planted). */
  public boolean replacesMergeRules() {
    return this != FORGET_INCARNATION_ON_RESTART && this != GOSSIP_ONLY_OWN_NEWS;
  }

  /** The builder with this mistake planted. */
  abstract SwimConfig.Builder plant(SwimConfig.Builder builder);

  /** The name scenario files use, such as {@code never_refute}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code config} with {@code bugs} planted. */
  public static SwimConfig plant(SwimConfig config, Iterable<SwimBug> bugs) {
    SwimConfig.Builder builder = config.toBuilder();
    for (SwimBug bug : bugs) {
      builder = bug.plant(builder);
    }
    return builder.build();
  }
}
