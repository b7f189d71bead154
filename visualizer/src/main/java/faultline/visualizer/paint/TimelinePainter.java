package faultline.visualizer.paint;

/**
 * Paints a {@link Frame} back to front: background and axis, partition bands, lane segments,
 * outages, clocks, arrows, event marks, client operations, violations, then the overlay and the
 * pinned labels. The window and the exporters call the same painter.
 */
public final class TimelinePainter {
  private final BackgroundPainter background = new BackgroundPainter();
  private final StretchPainter stretches = new StretchPainter();
  private final ClockPainter clocks = new ClockPainter();
  private final ArrowPainter arrows = new ArrowPainter();
  private final EventPainter events = new EventPainter();
  private final OverlayPainter overlay = new OverlayPainter();
  private final HighlightPainter highlights = new HighlightPainter();

  public void paint(Surface surface, Frame frame) {
    background.paint(surface, frame);
    stretches.paintBands(surface, frame);
    stretches.paintSegments(surface, frame);
    stretches.paintOutages(surface, frame);
    clocks.paint(surface, frame);
    arrows.paint(surface, frame);
    events.paintMarks(surface, frame);
    events.paintClientOperations(surface, frame);
    events.paintViolations(surface, frame);
    overlay.paint(surface, frame);
    highlights.paint(surface, frame);
  }

  /**
   * The whole picture for export: the frame, a title line, the caption (the title's further lines,
   * in larger type) and the legend under them.
   */
  public void paintWithLegend(Surface surface, Frame frame, String title) {
    paint(surface, frame);
    double fontSize = frame.viewport().fontSize();
    double width = frame.viewport().widthPx();
    int clientRows = frame.timeline().clientProcesses().size();
    double y =
        frame.viewport().laneTop(frame.rows())
            + (clientRows > 0 ? fontSize + clientRows * frame.viewport().clientRowPx() : 0);
    surface.text(
        fontSize * 0.4,
        y + fontSize * 1.2,
        CaptionLines.firstLine(title),
        fontSize * 0.85,
        Palette.BLACK,
        true,
        Surface.Anchor.START);
    double captionSize = fontSize * CaptionLines.SCALE;
    double line = y + fontSize * 1.2;
    for (String text : CaptionLines.of(title, width, fontSize)) {
      line += captionSize * 1.3;
      surface.text(
          fontSize * 0.4, line, text, captionSize, Palette.BLACK, true, Surface.Anchor.START);
    }
    new LegendPainter()
        .paint(
            surface,
            fontSize * 0.4,
            y + fontSize * 1.6 + CaptionLines.heightPx(title, width, fontSize),
            width - fontSize,
            fontSize);
  }
}
