package faultline.scenarios.bind;

import static faultline.engine.time.Nanos.MILLI;

import faultline.engine.node.NodeId;
import faultline.protocols.raft.RaftConfig;
import faultline.scenarios.parse.ParamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Says when two servers may time out together again and again: Raft breaks split votes only by the
 * randomness of the election timeouts (§5.2). Servers whose ranges overlap and are both narrower
 * than {@link #LEAST_SPREAD_NANOS} time out at nearly the same moment, each votes for itself, and
 * the next round starts just as close; the Raft paper (§9.3, Figure 16) measured elections of over
 * ten seconds with no randomness and found that a few milliseconds already help. Legal, since a
 * scenario may want to show exactly that, but unwise. A range that does not start before the run
 * ends never fires and is left out (scripts give servers that should never stand such a range).
 */
final class SplitVoteWarning {
  static final long LEAST_SPREAD_NANOS = 5 * MILLI;

  private SplitVoteWarning() {}

  static Optional<String> check(
      ParamReader params,
      List<NodeId> servers,
      RaftConfig.TimeoutRange defaults,
      Map<NodeId, RaftConfig.TimeoutRange> overrides,
      long runDurationNanos) {
    List<NodeId> narrow = new ArrayList<>();
    for (NodeId server : servers) {
      RaftConfig.TimeoutRange range = overrides.getOrDefault(server, defaults);
      if (range.maxNanos() - range.minNanos() < LEAST_SPREAD_NANOS
          && range.minNanos() < runDurationNanos) {
        for (NodeId other : narrow) {
          RaftConfig.TimeoutRange otherRange = overrides.getOrDefault(other, defaults);
          if (range.minNanos() <= otherRange.maxNanos()
              && otherRange.minNanos() <= range.maxNanos()) {
            return Optional.of(warning(params, other, server, overrides));
          }
        }
        narrow.add(server);
      }
    }
    return Optional.empty();
  }

  private static String warning(
      ParamReader params,
      NodeId first,
      NodeId second,
      Map<NodeId, RaftConfig.TimeoutRange> ranges) {
    boolean defaults = !ranges.containsKey(first) && !ranges.containsKey(second);
    return params
        .error(
            defaults ? "electionTimeoutMax" : "electionTimeouts",
            first
                + " and "
                + second
                + " draw their election timeouts from overlapping ranges narrower than "
                + LEAST_SPREAD_NANOS / MILLI
                + " ms: timing out together, they can split the vote again and again (§5.2,"
                + " §9.3)")
        .getMessage();
  }
}
