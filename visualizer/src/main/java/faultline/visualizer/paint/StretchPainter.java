package faultline.visualizer.paint;

import faultline.visualizer.trace.Spans.BlockBand;
import faultline.visualizer.trace.Spans.Outage;
import faultline.visualizer.trace.Spans.PartitionBand;
import faultline.visualizer.trace.Spans.StateSegment;
import faultline.visualizer.trace.Timeline;
import faultline.visualizer.viewmodel.Viewport;
import java.util.stream.Collectors;

/**
 * Stretches of time: lane segments by role or state, crashed and paused stretches, partitions as
 * bands across every lane (labelled with their groups) and one-way blocks as bands on the sending
 * lane (labelled with the cut link).
 */
final class StretchPainter {

  void paintSegments(Surface surface, Frame frame) {
    Viewport viewport = frame.viewport();
    Timeline timeline = frame.timeline();
    int lanes = timeline.nodes().size();
    // Consecutive segments with the same label look the same: draw each run once, so that a
    // million state records cost as much as the role changes among them.
    StateSegment[] runStart = new StateSegment[lanes];
    long[] runEnd = new long[lanes];
    surface.begin("segments", null);
    for (StateSegment segment : timeline.segments()) {
      if (!frame.laneVisible(segment.lane())
          || !overlaps(viewport, segment.startNanos(), segment.endNanos())) {
        continue;
      }
      int lane = segment.lane();
      StateSegment open = runStart[lane];
      if (open != null
          && open.label().equals(segment.label())
          && frame.faded(open.eventIndex()) == frame.faded(segment.eventIndex())) {
        runEnd[lane] = segment.endNanos();
        continue;
      }
      if (open != null) {
        paintSegment(surface, frame, open, runEnd[lane]);
      }
      runStart[lane] = segment;
      runEnd[lane] = segment.endNanos();
    }
    for (int lane = 0; lane < lanes; lane++) {
      if (runStart[lane] != null) {
        paintSegment(surface, frame, runStart[lane], runEnd[lane]);
      }
    }
    surface.end();
  }

  private static void paintSegment(Surface surface, Frame frame, StateSegment segment, long end) {
    Viewport viewport = frame.viewport();
    double band = viewport.laneHeightPx() * 0.42;
    double size = viewport.fontSize() * 0.8;
    double left = Math.max(viewport.gutterPx(), viewport.x(segment.startNanos()));
    double right = Math.min(viewport.widthPx(), viewport.x(end));
    double top = frame.laneCentre(segment.lane()) - band;
    Rgb fill =
        segment.role() != null
            ? Palette.role(segment.role()).withAlpha(0.45)
            : Palette.GREY.withAlpha((segment.eventIndex() % 2 == 0) ? 0.10 : 0.20);
    double alpha = frame.faded(segment.eventIndex()) ? 0.35 : 1.0;
    surface.fillRect(left, top, Math.max(1, right - left), band * 1.3, fill.fade(alpha));
    surface.line(left, top, left, top + band * 1.3, Palette.GREY.fade(alpha), 1, false);
    String label = fit(segment.label(), right - left - 4, size);
    if (!label.isEmpty()) {
      surface.text(
          left + 3,
          top + size,
          label,
          size,
          Palette.BLACK.fade(alpha),
          false,
          Surface.Anchor.START);
    }
  }

  void paintOutages(Surface surface, Frame frame) {
    Viewport viewport = frame.viewport();
    double half = viewport.laneHeightPx() * 0.48;
    double size = viewport.fontSize() * 0.8;
    surface.begin("outages", null);
    for (Outage outage : frame.timeline().outages()) {
      if (!frame.laneVisible(outage.lane())
          || !overlaps(viewport, outage.startNanos(), outage.endNanos())) {
        continue;
      }
      double left = Math.max(viewport.gutterPx(), viewport.x(outage.startNanos()));
      double right = Math.min(viewport.widthPx(), viewport.x(outage.endNanos()));
      double centre = frame.laneCentre(outage.lane());
      Rgb fill = outage.crash() ? Palette.BLACK.withAlpha(0.28) : Palette.GREY.withAlpha(0.18);
      surface.begin(outage.crash() ? "crashed" : "paused", null);
      surface.fillRect(left, centre - half, Math.max(1, right - left), half * 2, fill);
      surface.line(left, centre, right, centre, Palette.WHITE, 2, true);
      String label = fit(outage.crash() ? "crashed" : "paused", right - left - 4, size);
      if (!label.isEmpty()) {
        surface.text(
            left + 3, centre + half - 3, label, size, Palette.BLACK, true, Surface.Anchor.START);
      }
      surface.end();
    }
    surface.end();
  }

  void paintBands(Surface surface, Frame frame) {
    Viewport viewport = frame.viewport();
    Timeline timeline = frame.timeline();
    double size = viewport.fontSize() * 0.8;
    double top = viewport.axisPx();
    double bottom = viewport.laneTop(frame.rows());
    surface.begin("partitions", null);
    for (PartitionBand band : timeline.partitions()) {
      if (!overlaps(viewport, band.startNanos(), band.endNanos())) {
        continue;
      }
      double left = Math.max(viewport.gutterPx(), viewport.x(band.startNanos()));
      double right = Math.min(viewport.widthPx(), viewport.x(band.endNanos()));
      String groups =
          band.groups().stream()
              .map(group -> "{" + String.join(",", group) + "}")
              .collect(Collectors.joining(" | "));
      surface.begin("partition", "partition " + groups);
      surface.fillRect(
          left, top, Math.max(1, right - left), bottom - top, Palette.PARTITION.withAlpha(0.18));
      surface.line(left, top, left, bottom, Palette.PARTITION, 2, false);
      String label = fit("partition " + groups, right - left - 4, size);
      surface.text(left + 3, bottom - 3, label, size, Palette.BLUE, true, Surface.Anchor.START);
      surface.end();
    }
    surface.end();
    surface.begin("blocks", null);
    for (BlockBand block : timeline.blocks()) {
      if (!frame.laneVisible(block.from())
          || !overlaps(viewport, block.startNanos(), block.endNanos())) {
        continue;
      }
      double left = Math.max(viewport.gutterPx(), viewport.x(block.startNanos()));
      double right = Math.min(viewport.widthPx(), viewport.x(block.endNanos()));
      double laneTop = viewport.laneTop(frame.rowOfLane()[block.from()]);
      String text = "blocked → " + name(timeline, block.to());
      surface.begin("block", text);
      surface.fillRect(
          left,
          laneTop + 1,
          Math.max(1, right - left),
          size * 1.3,
          Palette.PARTITION.withAlpha(0.35));
      surface.text(
          left + 3,
          laneTop + size * 1.05,
          fit(text, right - left - 4, size),
          size,
          Palette.BLUE,
          false,
          Surface.Anchor.START);
      surface.end();
    }
    surface.end();
  }

  private static String name(Timeline timeline, int lane) {
    return lane < 0 ? "?" : timeline.nodes().get(lane);
  }

  static boolean overlaps(Viewport viewport, long start, long end) {
    return end >= viewport.startNanos() && start <= viewport.endNanos();
  }

  /** The label cut to fit {@code widthPx}, or empty when not even a few letters fit. */
  static String fit(String label, double widthPx, double size) {
    int letters = (int) (widthPx / (size * 0.58));
    if (letters >= label.length()) {
      return label;
    }
    return letters < 4 ? "" : label.substring(0, letters - 1) + "…";
  }
}
