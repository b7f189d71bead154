package faultline.visualizer.viewmodel;

import faultline.scenarios.narration.ResolvedStep;
import faultline.visualizer.paint.Frame;
import faultline.visualizer.trace.Timeline;
import java.util.ArrayList;
import java.util.List;

/**
 * The pictures of a narration for slides: one frame per step, exactly as the window shows it when
 * stepping from the start (the same window moves, cursor, selection and marked lanes), at a fixed
 * width and font size.
 */
public final class StepFrames {
  private StepFrames() {}

  public static List<Frame> of(
      Timeline run, List<ResolvedStep> steps, double widthPx, double fontSize) {
    TimelineViewModel model = new TimelineViewModel();
    model.fontSize().set(fontSize);
    model.show(run);
    model.narrator().load(steps);
    double heightPx = Frame.whole(run, widthPx, fontSize).viewport().heightPx();
    List<Frame> frames = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      model.narrator().show(i);
      frames.add(model.frame(widthPx, heightPx));
    }
    return frames;
  }
}
