package faultline.scenarios.export;

import faultline.scenarios.export.ChromeTraceWriter.Args;
import java.io.IOException;

/**
 * The two Perfetto tracks of one node and the slices still open on them: on the node's own track,
 * the handler step now running (a delivery, a timer, a start), which the node's messages leave from
 * and arrive in; on its state track, the protocol state (a Raft role) or the down period of a
 * crash, with a pause nested inside.
 *
 * <p>A handler takes no virtual time, but a flow arrow needs a slice to bind to, so a step's slice
 * lasts {@link #STEP_NANOS}, or up to the node's next event if that comes sooner.
 */
final class NodeTrack {
  static final long STEP_NANOS = 1_000;

  final String node;
  final int stepsTid;
  final int stateTid;
  private Open step;
  private Open state;
  private Open pause;
  private Open down;
  private long slices;

  private record Open(long startNanos, String name, String category, Args args) {}

  NodeTrack(String node, int index) {
    this.node = node;
    this.stepsTid = 10 + 2 * index;
    this.stateTid = 11 + 2 * index;
  }

  /** Something happened on the node at {@code atNanos}: a step still open before it ends. */
  void advance(ChromeTraceWriter out, long atNanos) throws IOException {
    if (step != null && atNanos > step.startNanos) {
      closeStep(out, atNanos);
    }
  }

  void beginStep(ChromeTraceWriter out, long atNanos, String name, Args args) throws IOException {
    if (step != null) {
      closeStep(out, atNanos);
    }
    step = new Open(atNanos, name, "step", args);
  }

  void changeState(ChromeTraceWriter out, long atNanos, String name, Args args) throws IOException {
    state = close(out, stateTid, state, atNanos);
    state = new Open(atNanos, name, "state", args);
  }

  void pause(long atNanos, long durationNanos) {
    pause = new Open(atNanos, "paused", "fault", Args.of("durationNanos", durationNanos));
  }

  void resume(ChromeTraceWriter out, long atNanos) throws IOException {
    pause = close(out, stateTid, pause, atNanos);
  }

  void crash(ChromeTraceWriter out, long atNanos, Args args) throws IOException {
    if (step != null) {
      closeStep(out, atNanos);
    }
    pause = close(out, stateTid, pause, atNanos);
    state = close(out, stateTid, state, atNanos);
    down = new Open(atNanos, "crashed", "fault", args);
  }

  void restart(ChromeTraceWriter out, long atNanos) throws IOException {
    down = close(out, stateTid, down, atNanos);
  }

  /** Closes whatever is still open when the run ends at {@code endNanos}. */
  void finish(ChromeTraceWriter out, long endNanos) throws IOException {
    if (step != null) {
      closeStep(out, Math.max(endNanos, step.startNanos));
    }
    pause = close(out, stateTid, pause, endNanos);
    state = close(out, stateTid, state, endNanos);
    down = close(out, stateTid, down, endNanos);
  }

  /** Slices written so far. */
  long slices() {
    return slices;
  }

  private void closeStep(ChromeTraceWriter out, long nextNanos) throws IOException {
    long durationNanos = Math.min(STEP_NANOS, nextNanos - step.startNanos);
    out.slice(stepsTid, step.category, step.name, step.startNanos, durationNanos, step.args);
    slices++;
    step = null;
  }

  private Open close(ChromeTraceWriter out, int tid, Open open, long endNanos) throws IOException {
    if (open != null) {
      long durationNanos = Math.max(0, endNanos - open.startNanos);
      out.slice(tid, open.category, open.name, open.startNanos, durationNanos, open.args);
      slices++;
    }
    return null;
  }
}
