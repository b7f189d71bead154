package faultline.visualizer.viewmodel;

import faultline.visualizer.paint.Frame;
import faultline.visualizer.trace.Causality;
import faultline.visualizer.trace.Timeline;
import java.util.BitSet;

/**
 * What the user has picked in the run on show: the selected event with what happened before it and
 * what it could have influenced (the causal rings), and the events a search matches. Part of {@link
 * TimelineViewModel}, whose selection, inspection text and status line it sets.
 */
final class Selection {
  private final TimelineViewModel model;
  private Causality causality;
  private BitSet before = new BitSet();
  private BitSet after = new BitSet();
  private BitSet matches;

  Selection(TimelineViewModel model) {
    this.model = model;
  }

  /** Starts over on a newly shown run: nothing selected, nothing searched. */
  void show(Timeline run) {
    causality = new Causality(run);
    before = new BitSet();
    after = new BitSet();
    matches = null;
  }

  /** Selects an event: inspection text and the causal highlights follow. */
  void select(int event) {
    Timeline run = model.timeline().get();
    if (run == null || event < 0 || event >= run.eventCount()) {
      model.selected().set(-1);
      before = new BitSet();
      after = new BitSet();
    } else {
      model.selected().set(event);
      before = causality.happenedBefore(event);
      after = causality.couldInfluence(event);
    }
    if (run != null) {
      model.inspection().set(Inspector.describe(run, model.selected().get(), before, after));
    }
    model.changed();
  }

  /** Selects what is under the pointer: the nearest event mark, or the nearest message arrow. */
  int selectAt(double x, double y, double widthPx, double heightPx) {
    if (model.timeline().get() == null) {
      return -1;
    }
    Frame frame = model.frame(widthPx, heightPx);
    int hit = HitTest.find(frame, x, y);
    select(hit);
    return hit;
  }

  /** Finds events whose record contains the text (or matches it as a regular expression). */
  int search(String query) {
    Timeline run = model.timeline().get();
    if (run == null || query == null || query.isBlank()) {
      matches = null;
      model.changed();
      return 0;
    }
    BitSet found = EventIndex.matching(run, query);
    matches = found;
    model.status().set(found.cardinality() + " events match \"" + query + "\"");
    int next = found.nextSetBit(model.cursor().get() + 1);
    if (next < 0) {
      next = found.nextSetBit(0);
    }
    if (next >= 0) {
      model.moveCursorTo(next);
      select(next);
    }
    model.changed();
    return found.cardinality();
  }

  BitSet happenedBefore() {
    return before;
  }

  BitSet couldInfluence() {
    return after;
  }

  /** The events the last search matched, or null when there is no search. */
  BitSet matches() {
    return matches;
  }
}
