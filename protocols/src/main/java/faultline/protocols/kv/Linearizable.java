package faultline.protocols.kv;

import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.protocols.history.CheckResult;
import faultline.protocols.history.HistoryChecker;
import faultline.protocols.history.HistoryEvent;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.history.Model;
import faultline.protocols.history.Operation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@value #NAME}: the history of the run's {@link ClientNode}s is linearizable (Herlihy and Wing
 * 1990), whatever protocol the servers run: every operation appears to take effect at one instant
 * between its invocation and its completion. The history is gathered as the run goes and judged
 * once, at the end, by the {@link HistoryChecker} given. Also reports the clients' throughput
 * ({@code kv.okOperations}, {@code kv.okPerSecond} of true time) and the history's size.
 */
public final class Linearizable implements Invariant {
  /** The invariant's name, as scenario files and reports spell it. */
  public static final String NAME = "kv.linearizable";

  private static final int OPERATIONS_SHOWN = 5;

  private final HistoryChecker checker;
  private final HistoryCollector collector = new HistoryCollector();
  private long okOperations;

  public Linearizable(HistoryChecker checker) {
    this.checker = checker;
  }

  /** Judged against the {@code kv} model ({@link KvOperation}) within the default search budget. */
  public static Linearizable ofKvModel() {
    return new Linearizable(
        LinearizabilityChecker.of(Model.kv(), LinearizabilityChecker.DEFAULT_STATES_MAX));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean readsCausalHistory() {
    return false;
  }

  @Override
  public String description() {
    return "The clients' history of gets, puts, appends and compare-and-sets is linearizable"
        + " (checked at the end of the run).";
  }

  @Override
  public void afterEvent(InvariantContext context) {
    int fresh = collector.collect(context);
    if (fresh == 0) {
      return; // Most events.
    }
    List<HistoryEvent> history = collector.history();
    for (int i = history.size() - fresh; i < history.size(); i++) { // Indexed: no iterator.
      if (history.get(i).type() == HistoryEvent.Type.OK) {
        okOperations++;
      }
    }
  }

  @Override
  public void atEnd(InvariantContext context) {
    context.count("kv.okOperations", okOperations);
    if (context.nowNanos() > 0) {
      context.recordMax("kv.okPerSecond", okOperations * 1_000_000_000L / context.nowNanos());
    }
    List<HistoryEvent> history = collector.history();
    if (history.isEmpty()) {
      return;
    }
    CheckResult result = checker.check(history);
    context.count("kv.historyEvents", history.size());
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
