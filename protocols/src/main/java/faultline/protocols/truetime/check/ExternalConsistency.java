package faultline.protocols.truetime.check;

import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.lookup.LookupMap;
import faultline.protocols.locks.TimeText;
import faultline.protocols.truetime.TrueTimeConfig;

/**
 * External consistency (Spanner §4.1.2): "if the start of a transaction T2 occurs after the commit
 * of a transaction T1, then the commit timestamp of T2 is greater than the commit timestamp of T1",
 * in true time. Checked with one number: when a transaction starts, the largest timestamp of every
 * commit visible so far is its floor; its own timestamp must be above it.
 */
final class ExternalConsistency implements Invariant {
  /** The floor a transaction must beat, and the commit that set it. */
  private record Floor(long timestampNanos, Commits.Tx setBy, long startNanos) {}

  private final Commits commits;
  private final LookupMap<Commits.Tx, Floor> floors = new LookupMap<>();
  private long latestVisibleNanos = Long.MIN_VALUE;
  private Commits.Tx latestVisible;

  ExternalConsistency(TrueTimeConfig config) {
    this.commits = new Commits(config);
  }

  @Override
  public String name() {
    return TrueTimeInvariants.EXTERNAL_CONSISTENCY;
  }

  @Override
  public String description() {
    return "A transaction that starts after another's commit is visible gets a larger commit"
        + " timestamp.";
  }

  @Override
  public void afterEvent(InvariantContext context) {
    Commits.Tx started = commits.started(context);
    if (started != null && latestVisible != null) {
      floors.putIfAbsent(started, new Floor(latestVisibleNanos, latestVisible, context.nowNanos()));
    }
    commits.forEachVisible(
        context,
        visible -> {
          Floor floor = floors.remove(visible.tx());
          if (floor != null && visible.timestampNanos() <= floor.timestampNanos()) {
            context.fail(
                context.lastStep().orElseThrow().node(),
                visible.tx()
                    + " started at "
                    + TimeText.format(floor.startNanos())
                    + ", after "
                    + floor.setBy()
                    + " was visible with timestamp "
                    + TimeText.format(floor.timestampNanos())
                    + ", yet committed at timestamp "
                    + TimeText.format(visible.timestampNanos()));
          }
          if (visible.timestampNanos() > latestVisibleNanos) {
            latestVisibleNanos = visible.timestampNanos();
            latestVisible = visible.tx();
          }
        });
  }
}
