package faultline.protocols.truetime.check;

import faultline.engine.check.InvariantContext;
import faultline.engine.check.Observer;
import faultline.engine.check.Percentiles;
import faultline.engine.lookup.LookupMap;
import faultline.protocols.truetime.TrueTimeConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures, in true time, how long each commit took from its request's arrival to its visibility:
 * with commit wait about 2ε, the price of external consistency. Reports {@code
 * truetime.commitWait{P50,P99,Max}Nanos}.
 */
final class CommitMetrics implements Observer {
  private final Commits commits;
  private final LookupMap<Commits.Tx, Long> startedAt = new LookupMap<>();
  private final List<Long> waits = new ArrayList<>();

  CommitMetrics(TrueTimeConfig config) {
    this.commits = new Commits(config);
  }

  @Override
  public String name() {
    return TrueTimeInvariants.METRICS;
  }

  @Override
  public String description() {
    return "Never fails: measures how long each commit took to become visible.";
  }

  @Override
  public void afterEvent(InvariantContext context) {
    Commits.Tx started = commits.started(context);
    if (started != null) {
      startedAt.putIfAbsent(started, context.nowNanos());
    }
    commits.forEachVisible(
        context,
        visible -> {
          Long start = startedAt.remove(visible.tx());
          if (start != null) {
            waits.add(context.nowNanos() - start);
          }
        });
  }

  @Override
  public void atEnd(InvariantContext context) {
    Percentiles.record(context, "truetime.commitWait", waits);
  }
}
