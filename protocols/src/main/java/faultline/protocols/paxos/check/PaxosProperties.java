package faultline.protocols.paxos.check;

import faultline.engine.check.Sometimes;
import faultline.protocols.paxos.PaxosConfig;
import java.util.List;

/** Single-decree Paxos's sometimes property: a proposer adopted an earlier ballot's value. */
public final class PaxosProperties {
  /** A proposer adopted a value accepted in an earlier ballot (P2c). */
  public static final String ADOPTED_EARLIER_VALUE = "paxos.adopted-earlier-value";

  private PaxosProperties() {}

  /** Fresh instances for one run of {@code config}. */
  public static List<Sometimes> sometimes(PaxosConfig config) {
    return List.of(new AdoptedEarlierValue(config));
  }
}
