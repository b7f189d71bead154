package faultline.protocols.raft;

import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.protocols.history.CheckResult;
import faultline.protocols.history.HistoryChecker;
import faultline.protocols.history.Operation;
import java.util.stream.Collectors;

/**
 * The clients' history is linearizable (Herlihy and Wing 1990): every operation appears to take
 * effect at one instant between its invocation and its completion. The history is gathered as the
 * run goes and judged once, at the end, by the {@link HistoryChecker} given.
 */
final class Linearizable implements Invariant {
  private static final int OPERATIONS_SHOWN = 5;

  private final HistoryChecker checker;
  private final HistoryCollector collector = new HistoryCollector();

  Linearizable(HistoryChecker checker) {
    this.checker = checker;
  }

  @Override
  public String name() {
    return RaftInvariants.LINEARIZABLE;
  }

  @Override
  public String description() {
    return "The clients' history of gets, puts, appends and compare-and-sets is linearizable"
        + " (checked at the end of the run).";
  }

  @Override
  public void afterEvent(InvariantContext context) {
    collector.collect(context);
  }

  @Override
  public void atEnd(InvariantContext context) {
    if (collector.history().isEmpty()) {
      return;
    }
    CheckResult result = checker.check(collector.history());
    context.count("kv.historyEvents", collector.history().size());
    context.count("kv.linearizabilityStates", result.statesExplored());
    switch (result.verdict()) {
      case LINEARIZABLE -> {}
      case UNKNOWN -> context.undecided(result.explanation());
      case NOT_LINEARIZABLE -> context.fail(null, describe(result));
    }
  }

  private static String describe(CheckResult result) {
    if (result.explanation() != null && !result.explanation().isBlank()) {
      return result.explanation();
    }
    String operations =
        result.unplaceable().stream()
            .limit(OPERATIONS_SHOWN)
            .map(Operation::describe)
            .collect(Collectors.joining("; "));
    return "not linearizable"
        + (result.key() == null ? "" : " on key " + result.key())
        + ": cannot"
        + " place "
        + operations
        + " after the longest linearizable prefix of "
        + result.longestPrefix().size()
        + " operations";
  }
}
