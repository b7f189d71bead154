package faultline.protocols.paxos.multi.check;

import faultline.engine.check.Eventually;
import faultline.protocols.paxos.multi.MultiPaxosConfig;
import java.util.List;

/** Multi-Paxos's eventually property: a leader exists once the faults are over. */
public final class MultiPaxosProperties {
  /** A leader exists once the faults are over. */
  public static final String LEADER_EXISTS = "multipaxos.leader-exists";

  private MultiPaxosProperties() {}

  /** Fresh instances for one run of {@code config}. */
  public static List<Eventually> eventually(MultiPaxosConfig config) {
    return List.of(new LeaderExists(config.quorums().phase2()));
  }
}
