package faultline.visualizer.view;

import faultline.visualizer.paint.TimelinePainter;
import faultline.visualizer.trace.Timeline;
import faultline.visualizer.trace.TraceFixtures;
import faultline.visualizer.trace.TraceReader;
import faultline.visualizer.viewmodel.TimelineViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import org.junit.jupiter.api.Test;

/**
 * Measures opening and panning a large trace; not part of the build (run it by name): {@code ./mvnw
 * -pl visualizer -am test -Dtest=ScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfaultline.scaleEvents=1000000}. Frame time is painting a 1400x800 canvas plus rendering it (a
 * snapshot forces the software rasterizer), at three zoom levels, over 60 pan steps each.
 */
class ScaleBenchmark {
  @Test
  void openAndPan() throws Exception {
    int events = Integer.getInteger("faultline.scaleEvents", 1_000_000);
    System.out.println(
        "SCALE "
            + Runtime.version()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores, max heap "
            + (Runtime.getRuntime().maxMemory() >> 20)
            + " MB");
    Path trace = Files.createTempFile("faultline-scale", ".jsonl");
    TraceFixtures.writeSynthetic(trace, events, 5);
    long started = System.nanoTime();
    Timeline run = TraceReader.readFile(trace);
    long openMillis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(
        Locale.ROOT,
        "SCALE open %,d events (%,d MB file): %d ms, heap used %d MB%n",
        run.eventCount(),
        Files.size(trace) >> 20,
        openMillis,
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    Files.delete(trace);
    TimelineViewModel model = new TimelineViewModel();
    model.show(run);
    try {
      Platform.startup(() -> {});
    } catch (IllegalStateException alreadyRunning) {
      // Reuse it.
    }
    CompletableFuture<Long> empty = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          Canvas canvas = new Canvas(1400, 800);
          long[] snapshots = new long[30];
          for (int i = 0; i < snapshots.length; i++) {
            canvas.getGraphicsContext2D().clearRect(0, 0, 1400, 800);
            long began = System.nanoTime();
            canvas.snapshot(new SnapshotParameters(), null);
            snapshots[i] = System.nanoTime() - began;
          }
          Arrays.sort(snapshots);
          empty.complete(snapshots[snapshots.length / 2]);
        });
    System.out.printf(
        Locale.ROOT,
        "SCALE snapshot of an empty 1400x800 canvas: median %.1f ms%n",
        empty.get() / 1e6);
    long[] widthsNanos = {run.endNanos(), run.endNanos() / 100, 100_000};
    for (long widthNanos : widthsNanos) {
      CompletableFuture<long[]> times = new CompletableFuture<>();
      Platform.runLater(() -> times.complete(pan(model, run, widthNanos)));
      long[] both = times.get();
      long[] frameNanos = Arrays.copyOf(both, both.length / 2);
      long[] paintNanos = Arrays.copyOfRange(both, both.length / 2, both.length);
      Arrays.sort(frameNanos);
      Arrays.sort(paintNanos);
      System.out.printf(
          Locale.ROOT,
          "SCALE   painters only (canvas calls): median %.1f ms, p95 %.1f ms%n",
          paintNanos[paintNanos.length / 2] / 1e6,
          paintNanos[paintNanos.length * 95 / 100] / 1e6);
      System.out.printf(
          Locale.ROOT,
          "SCALE pan window %s: frame median %.1f ms, p95 %.1f ms, max %.1f ms%n",
          faultline.visualizer.paint.Durations.format(widthNanos),
          frameNanos[frameNanos.length / 2] / 1e6,
          frameNanos[frameNanos.length * 95 / 100] / 1e6,
          frameNanos[frameNanos.length - 1] / 1e6);
    }
  }

  private static long[] pan(TimelineViewModel model, Timeline run, long widthNanos) {
    Canvas canvas = new Canvas(1400, 800);
    TimelinePainter painter = new TimelinePainter();
    long start = run.endNanos() / 3;
    long[] frames = new long[120];
    for (int i = -10; i < 60; i++) { // The first ten frames warm up the JIT and are not kept.
      long from = start + i * (widthNanos / 40);
      model.setWindow(from, from + widthNanos);
      long began = System.nanoTime();
      canvas.getGraphicsContext2D().clearRect(0, 0, 1400, 800);
      painter.paint(new CanvasSurface(canvas.getGraphicsContext2D()), model.frame(1400, 800));
      long painted = System.nanoTime() - began;
      canvas.snapshot(new SnapshotParameters(), null);
      if (i >= 0) {
        frames[60 + i] = painted;
        frames[i] = System.nanoTime() - began;
      }
    }
    return frames;
  }
}
