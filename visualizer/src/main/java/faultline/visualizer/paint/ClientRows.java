package faultline.visualizer.paint;

import faultline.visualizer.trace.Timeline;
import java.util.List;

/** One row per client process under the lanes, in name order. */
public final class ClientRows {
  private ClientRows() {}

  public static List<String> of(Timeline timeline) {
    return timeline.clientProcesses();
  }
}
