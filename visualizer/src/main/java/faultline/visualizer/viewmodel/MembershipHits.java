package faultline.visualizer.viewmodel;

import faultline.visualizer.paint.Durations;
import faultline.visualizer.paint.MembershipFrame;
import faultline.visualizer.paint.RowLayout;
import faultline.visualizer.trace.MemberState;
import faultline.visualizer.trace.MemberViews;
import faultline.visualizer.trace.Membership.Counts;
import faultline.visualizer.trace.Membership.Segment;
import faultline.visualizer.trace.Message;
import java.util.List;
import java.util.Locale;

/** What lies under the pointer in the membership view, and the words for its tooltip. */
final class MembershipHits {
  private MembershipHits() {}

  /**
   * The stretch under the pointer when one member's views are shown (in a grouped row, the worst).
   */
  static Segment segmentAt(MembershipFrame frame, double x, double y) {
    int row = frame.layout().rowAt(y);
    if (!frame.aboutOneMember() || row < 0 || x < frame.viewport().gutterPx()) {
      return null;
    }
    long t = frame.viewport().nanosAt(x);
    long slack = Math.round(frame.viewport().nanosPerPx() * 2);
    Segment found = null;
    RowLayout layout = frame.layout();
    for (int o : layout.members(row)) {
      for (Segment s : frame.segments().get(o)) {
        if (s.startNanos() - slack <= t && t < s.endNanos() + slack && worse(s, found)) {
          found = s;
        }
      }
    }
    return found;
  }

  private static boolean worse(Segment candidate, Segment found) {
    return found == null || candidate.state().ordinal() > found.state().ordinal();
  }

  static String describe(MembershipFrame frame, double x, double y) {
    MemberViews views = frame.views();
    int row = frame.layout().rowAt(y);
    if (views == null || row < 0 || x < frame.viewport().gutterPx()) {
      return null;
    }
    long t = frame.viewport().nanosAt(x);
    if (frame.aboutOneMember()) {
      Segment s = segmentAt(frame, x, y);
      return s == null ? null : describe(frame, s);
    }
    return describeCounts(frame, row, t);
  }

  private static String describe(MembershipFrame frame, Segment s) {
    List<String> names = frame.views().names();
    StringBuilder text = new StringBuilder();
    text.append(names.get(s.observer()))
        .append(" holds ")
        .append(names.get(s.member()))
        .append(' ')
        .append(s.state().label())
        .append(" at incarnation ")
        .append(s.incarnation())
        .append('\n')
        .append("from ")
        .append(Durations.format(s.startNanos()))
        .append(" to ")
        .append(Durations.format(s.endNanos()))
        .append(" (")
        .append(Durations.format(s.endNanos() - s.startNanos()))
        .append(')');
    if (s.source() >= 0) {
      text.append("\nverdict or announcement of ").append(names.get(s.source()));
    }
    if (s.via() >= 0) {
      Message message = frame.timeline().messages().get(s.via());
      text.append("\nlearned from ")
          .append(names.get(message.from()))
          .append(" in its ")
          .append(message.type());
    } else if (s.event() < 0) {
      text.append("\nassumed from the start (the detector announces no starting list)");
    } else if (s.source() == s.observer()) {
      text.append("\nits own finding (timer or probe)");
    }
    if (s.falsePositive()) {
      text.append("\nFALSE POSITIVE: ").append(names.get(s.member())).append(" was up");
      String cause = frame.views().falsePositiveCause(s.member(), s.incarnation());
      if (cause != null) {
        text.append(" (the accuracy check's cause: ").append(cause).append(')');
      }
    }
    if (s.event() >= 0) {
      text.append("\nseq ").append(s.event() + 1).append(" (click to select)");
    }
    return text.toString();
  }

  private static String describeCounts(MembershipFrame frame, int row, long t) {
    RowLayout layout = frame.layout();
    int[] total = new int[MemberState.values().length];
    int falsePositives = 0;
    for (int m : layout.members(row)) {
      Counts counts = frame.counts()[m];
      int step = counts.stepAt(t);
      if (step < 0) {
        continue;
      }
      for (int s = 1; s < total.length; s++) {
        total[s] += counts.counts()[step][s];
      }
      if (counts.subjectUp()[step]) {
        falsePositives += counts.counts()[step][MemberState.FAULTY.ordinal()];
      }
    }
    List<String> names = frame.views().names();
    String who = layout.label(row, names);
    return String.format(
        Locale.ROOT,
        "%s at %s, held by the members as:\n  alive %d · suspect %d · faulty %d · left %d%s%s",
        who,
        Durations.format(t),
        total[MemberState.ALIVE.ordinal()],
        total[MemberState.SUSPECT.ordinal()],
        total[MemberState.FAULTY.ordinal()],
        total[MemberState.LEFT.ordinal()],
        falsePositives > 0
            ? "\n  " + falsePositives + " of the faulty verdicts are false positives"
            : "",
        layout.members(row).length == 1 ? "\nclick to see each member's view of it" : "");
  }
}
