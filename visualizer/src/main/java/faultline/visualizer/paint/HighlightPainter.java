package faultline.visualizer.paint;

import faultline.visualizer.viewmodel.Viewport;

/**
 * Marks the lanes a narration step names: a thick black frame around each lane and a bar in the
 * gutter beside its label. Black and a shape, not a hue, so the mark reads in any palette and for
 * any colour vision.
 */
final class HighlightPainter {

  void paint(Surface surface, Frame frame) {
    if (frame.highlighted() == null || frame.highlighted().isEmpty()) {
      return;
    }
    Viewport viewport = frame.viewport();
    double lineWidth = Math.max(2.5, viewport.fontSize() * 0.2);
    surface.begin("highlight", null);
    for (int lane = frame.highlighted().nextSetBit(0);
        lane >= 0;
        lane = frame.highlighted().nextSetBit(lane + 1)) {
      if (!frame.laneVisible(lane)) {
        continue;
      }
      double top = viewport.laneTop(frame.rowOfLane()[lane]);
      double height = viewport.laneHeightPx();
      surface.begin("highlighted-lane", frame.timeline().nodes().get(lane));
      surface.strokeRect(
          lineWidth,
          top + lineWidth / 2,
          viewport.widthPx() - lineWidth * 2,
          height - lineWidth,
          Palette.BLACK,
          lineWidth);
      surface.fillRect(0, top, viewport.fontSize() * 0.4, height, Palette.BLACK);
      surface.end();
    }
    surface.end();
  }
}
