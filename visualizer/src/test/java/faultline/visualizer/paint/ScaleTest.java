package faultline.visualizer.paint;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.visualizer.trace.Timeline;
import faultline.visualizer.trace.TraceFixtures;
import faultline.visualizer.trace.TraceReader;
import faultline.visualizer.viewmodel.TimelineViewModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drawing cost is bounded by the window, not the run: a 100,000-event trace fitted to the
 * window turns into density columns (a few thousand calls), and zoomed in it draws only the arrows
 * that are on screen. The timings for 10^6 events are in ScaleBenchmark and the README.
 */
class ScaleTest {
  @Test
  void drawsOnlyWhatIsVisibleAndAggregatesTheRest(@TempDir Path directory) throws Exception {
    Path trace = directory.resolve("big.jsonl");
    TraceFixtures.writeSynthetic(trace, 100_000, 5);
    Timeline run = TraceReader.readFile(trace);
    assertThat(run.eventCount()).isGreaterThan(99_990);
    TimelineViewModel model = new TimelineViewModel();
    model.show(run);

    CountingSurface whole = new CountingSurface();
    new TimelinePainter().paint(whole, model.frame(1400, 800));
    assertThat(whole.arrows()).as("no single arrows at full zoom").isZero();
    assertThat(whole.calls()).isLessThan(20_000);

    model.setWindow(run.endNanos() / 2, run.endNanos() / 2 + 50_000);
    CountingSurface zoomed = new CountingSurface();
    new TimelinePainter().paint(zoomed, model.frame(1400, 800));
    assertThat(zoomed.arrows()).isBetween(20L, 40L);
    assertThat(zoomed.calls()).isLessThan(2_000);
  }
}
