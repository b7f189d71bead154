package faultline.visualizer.viewmodel;

import faultline.visualizer.paint.Durations;
import faultline.visualizer.trace.EventKind;
import faultline.visualizer.trace.Timeline;
import java.util.BitSet;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * The cursor's moves through the run on show: stepping event by event past hidden ones, jumping to
 * the next violation, fault or role change (wrapping around, as search does), scrubbing to a time,
 * and playback at the chosen speed. Part of {@link TimelineViewModel}, whose cursor, window and
 * status line it moves.
 */
final class CursorMoves {
  private final TimelineViewModel model;
  private BitSet roleChanges = new BitSet();
  private double playNanos;

  CursorMoves(TimelineViewModel model) {
    this.model = model;
  }

  /** Indexes a newly shown run. */
  void show(Timeline run) {
    roleChanges = EventIndex.roleChanges(run);
  }

  void stepNext() {
    Timeline run = model.timeline().get();
    boolean atEnd = run != null && model.cursor().get() >= run.eventCount() - 1;
    moveTo(next(atEnd ? -1 : model.cursor().get(), +1, model::visible));
  }

  void stepPrevious() {
    moveTo(next(model.cursor().get(), -1, model::visible));
  }

  boolean jumpToNextViolation() {
    return jump(event -> kindOf(event) == EventKind.VIOLATION);
  }

  boolean jumpToNextFault() {
    return jump(event -> kindOf(event).isFault());
  }

  /** The next recorded state whose role (or whole state, without roles) differs from before. */
  boolean jumpToNextRoleChange() {
    return jump(roleChanges::get);
  }

  private boolean jump(IntPredicate wanted) {
    IntPredicate shown = event -> model.visible(event) && wanted.test(event);
    int found = next(model.cursor().get(), +1, shown);
    boolean wrapped = false;
    if (found < 0) {
      found = next(-1, +1, shown); // Wrap around, as search does: the cursor starts at the end.
      wrapped = true;
    }
    if (found < 0) {
      model.status().set("None in this run.");
      return false;
    }
    moveTo(found);
    model.select(found);
    if (wrapped) {
      model.status().set(model.status().get() + "  (from the start)");
    }
    return true;
  }

  private int next(int from, int direction, IntPredicate wanted) {
    Timeline run = model.timeline().get();
    if (run == null) {
      return -1;
    }
    for (int event = from + direction; event >= 0 && event < run.eventCount(); event += direction) {
      if (wanted.test(event)) {
        return event;
      }
    }
    return -1;
  }

  /** Puts the cursor on {@code event} and scrolls so that it is on screen. */
  void moveTo(int event) {
    Timeline run = model.timeline().get();
    if (run == null || event < 0 || event >= run.eventCount()) {
      return;
    }
    model.cursor().set(event);
    playNanos = run.timeNanos(event);
    long t = run.timeNanos(event);
    long start = model.startNanos().get();
    long end = model.endNanos().get();
    long width = end - start;
    if (t < start || t > end) {
      model.setWindow(t - width / 2, t + width / 2);
    }
    model
        .status()
        .set(
            String.format(
                Locale.ROOT,
                "seq %d of %d at t=%s",
                event + 1,
                run.eventCount(),
                Durations.format(t)));
    model.changed();
  }

  /** Scrubs to a time: the cursor goes to the last event at or before it. */
  void scrubTo(long nanos) {
    Timeline run = model.timeline().get();
    if (run != null) {
      moveTo(Math.max(0, run.firstEventAtOrAfter(nanos + 1) - 1));
    }
  }

  /** Advances playback by {@code realNanos} of wall time at the chosen speed; false at the end. */
  boolean advance(long realNanos) {
    Timeline run = model.timeline().get();
    if (run == null || !model.playing().get()) {
      return false;
    }
    int cursor = model.cursor().get();
    if (cursor >= run.eventCount() - 1) {
      model.playing().set(false);
      return false;
    }
    playNanos = Math.max(playNanos, run.timeNanos(Math.max(0, cursor)));
    playNanos += model.speed().get() * realNanos / 1e9;
    int target = Math.max(cursor + 1, run.firstEventAtOrAfter((long) playNanos + 1) - 1);
    moveTo(Math.min(target, run.eventCount() - 1));
    return true;
  }

  /** Starts or stops playback; starting at the end starts from the beginning. */
  void togglePlaying() {
    Timeline run = model.timeline().get();
    if (run == null) {
      return;
    }
    if (!model.playing().get() && model.cursor().get() >= run.eventCount() - 1) {
      model.cursor().set(0);
      playNanos = 0;
    }
    model.playing().set(!model.playing().get());
  }

  private EventKind kindOf(int event) {
    return model.timeline().get().kind(event);
  }
}
