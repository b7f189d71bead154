package faultline.engine;

import faultline.engine.check.Eventually;
import faultline.engine.check.EventuallyResult;
import faultline.engine.check.Sometimes;
import faultline.engine.check.SometimesResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The run's sometimes and eventually properties. Sometimes properties not yet reached sit in the
 * front of an array and are asked after every event; one that is reached is swapped out of it, so
 * the cost per event falls to nothing once all are reached, and nothing is allocated per event.
 * Eventually properties are judged once, at {@link #eventuallyDueNanos} (the end of the run when it
 * is {@link Long#MAX_VALUE}).
 */
final class PropertyTracker {
  private final Sometimes[] sometimes;
  private final long[] reachedSeq;
  private final long[] reachedNanos;
  private final int[] pending; // Indices into sometimes, unreached ones in [0, pendingCount).
  private int pendingCount;
  private final List<Eventually> eventually;
  private final long eventuallyDueNanos;
  private List<EventuallyResult> verdicts;

  PropertyTracker(List<Sometimes> sometimes, List<Eventually> eventually, long dueNanos) {
    this.sometimes = sometimes.toArray(Sometimes[]::new);
    this.reachedSeq = new long[this.sometimes.length];
    this.reachedNanos = new long[this.sometimes.length];
    this.pending = new int[this.sometimes.length];
    for (int i = 0; i < pending.length; i++) {
      pending[i] = i;
      reachedSeq[i] = -1;
      reachedNanos[i] = -1;
    }
    this.pendingCount = pending.length;
    this.eventually = List.copyOf(eventually);
    this.eventuallyDueNanos = dueNanos;
  }

  /** True while some sometimes property is still unreached: only then is it worth a check. */
  boolean watching() {
    return pendingCount > 0;
  }

  /**
   * True when the event due at {@code nextNanos} would come after the judging moment of the
   * eventually properties, which have not been judged yet.
   */
  boolean eventuallyDueBefore(long nextNanos) {
    return verdicts == null && nextNanos > eventuallyDueNanos;
  }

  long eventuallyDueNanos() {
    return eventuallyDueNanos;
  }

  /** Asks every unreached sometimes property about the state after the event {@code seq}. */
  void afterEvent(InvariantView view, long nowNanos, long seq) {
    int i = 0;
    while (i < pendingCount) {
      int property = pending[i];
      view.checking(sometimes[property]);
      if (sometimes[property].reached(view)) {
        reachedSeq[property] = seq;
        reachedNanos[property] = nowNanos;
        pending[i] = pending[--pendingCount];
      } else {
        i++;
      }
    }
  }

  /**
   * The moment to judge the eventually properties at, at the end of a run that stopped for {@code
   * reason} at {@code nowNanos}; empty when they were judged already, or when the run stopped
   * before it came to their moment (a violation or a limit stopped it, or it ended before the quiet
   * window after the faults was over), which is recorded as not judged, with why. A run that ran
   * out of events is judged however early it stopped: nothing can change any more, so its state is
   * the state at their moment.
   */
  OptionalLong momentAtEnd(RunOutcome.StopReason reason, long nowNanos, long timeLimitNanos) {
    if (judged()) {
      return OptionalLong.empty();
    }
    long due = eventuallyDueNanos;
    boolean quiescent = reason == RunOutcome.StopReason.QUIESCENT;
    if (reason == RunOutcome.StopReason.VIOLATION) {
      notJudged("the run stopped at the first violation");
    } else if (reason != RunOutcome.StopReason.TIME_LIMIT && !quiescent) {
      notJudged("the run stopped early: " + reason.explanation());
    } else if (due != Long.MAX_VALUE && due > nowNanos && (!quiescent || due > timeLimitNanos)) {
      notJudged(
          String.format(
              Locale.ROOT,
              "the run ended at %.3f s, before the faults had been over for the quiet window"
                  + " (at %.3f s)",
              nowNanos / 1e9,
              due / 1e9));
    } else {
      return OptionalLong.of(due == Long.MAX_VALUE ? nowNanos : due);
    }
    return OptionalLong.empty();
  }

  /** Judges every eventually property now, at {@code nowNanos}, after the event {@code seq}. */
  void judge(InvariantView view, long nowNanos, long seq) {
    List<EventuallyResult> results = new ArrayList<>(eventually.size());
    for (Eventually property : eventually) {
      view.checking(property);
      Optional<String> unmet = property.judge(view);
      results.add(
          new EventuallyResult(
              property.name(),
              property.description(),
              unmet.isPresent() ? EventuallyResult.Status.FAILED : EventuallyResult.Status.HELD,
              seq,
              nowNanos,
              unmet.orElse("")));
    }
    verdicts = List.copyOf(results);
  }

  /** Records every eventually property as not judged, for {@code reason}. */
  void notJudged(String reason) {
    List<EventuallyResult> results = new ArrayList<>(eventually.size());
    for (Eventually property : eventually) {
      results.add(
          new EventuallyResult(
              property.name(),
              property.description(),
              EventuallyResult.Status.NOT_JUDGED,
              -1,
              -1,
              reason));
    }
    verdicts = List.copyOf(results);
  }

  boolean judged() {
    return verdicts != null;
  }

  List<EventuallyResult> eventuallyResults() {
    return verdicts == null ? List.of() : verdicts;
  }

  /** Every sometimes property in declaration order, reached or not. */
  List<SometimesResult> sometimesResults() {
    List<SometimesResult> results = new ArrayList<>(sometimes.length);
    for (int i = 0; i < sometimes.length; i++) {
      results.add(
          reachedSeq[i] < 0
              ? SometimesResult.notReached(sometimes[i])
              : new SometimesResult(
                  sometimes[i].name(),
                  sometimes[i].description(),
                  true,
                  reachedSeq[i],
                  reachedNanos[i]));
    }
    return List.copyOf(results);
  }
}
