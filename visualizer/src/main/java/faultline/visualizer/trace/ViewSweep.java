package faultline.visualizer.trace;

import faultline.visualizer.trace.Membership.Counts;
import faultline.visualizer.trace.Membership.Segment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Replays, in event order, everything that sets what members hold about one member: the lists they
 * start with, their crashes (which wipe the view), the changes the protocol recorded, and the
 * member's own crashes and restarts (the truth that makes a verdict a false positive).
 */
final class ViewSweep {
  private static final int NONE = Integer.MAX_VALUE;
  private static final MemberState[] STATES = MemberState.values();

  /** Receives the replay. */
  interface Collector {
    void change(
        long t,
        int observer,
        MemberState to,
        long incarnation,
        int source,
        int event,
        int via,
        boolean subjectUp);

    void truth(long t, boolean subjectUp);

    void end(long endNanos);
  }

  private final MemberViews views;
  private final int subject;

  ViewSweep(MemberViews views, int subject) {
    this.views = views;
    this.subject = subject;
  }

  void run(Collector collector) {
    int[] changes = views.changesAbout(subject);
    List<long[]> down = views.downByLane.get(subject);
    int b = 0;
    int r = 0;
    int k = 0;
    int d = 0;
    boolean up = true;
    while (true) {
      int eb = b < views.baselines.size() ? views.baselines.get(b).event() : NONE;
      int er = r < views.resets.size() ? (int) views.resets.get(r)[0] : NONE;
      int ek = k < changes.length ? views.event[changes[k]] : NONE;
      int next = Math.min(eb, Math.min(er, ek));
      long t =
          next == NONE
              ? Long.MAX_VALUE
              : next == eb
                  ? views.baselines.get(b).timeNanos()
                  : next == er ? views.resets.get(r)[1] : views.timeNanos[changes[k]];
      // An outage still open at the end of the run ends there: that is no restart.
      for (;
          d < down.size() * 2 && truthNanos(down, d) <= t && truthNanos(down, d) < views.endNanos;
          d++) {
        up = d % 2 == 1;
        collector.truth(truthNanos(down, d), up);
      }
      if (next == NONE) {
        break;
      }
      if (next == eb) {
        MemberViews.Baseline base = views.baselines.get(b++);
        boolean listed = base.members().get(subject);
        collector.change(
            t,
            base.observer(),
            listed ? MemberState.ALIVE : MemberState.UNKNOWN,
            base.incarnation(),
            -1,
            views.assumedBaselines ? -1 : base.event(),
            -1,
            up);
      } else if (next == er) {
        long[] reset = views.resets.get(r++);
        collector.change(t, (int) reset[2], MemberState.UNKNOWN, 0, -1, (int) reset[0], -1, up);
      } else {
        int i = changes[k++];
        collector.change(
            t,
            views.observer[i],
            STATES[views.state[i]],
            views.incarnation[i],
            views.source[i],
            views.event[i],
            views.via[i],
            up);
      }
    }
    collector.end(views.endNanos);
  }

  private static long truthNanos(List<long[]> down, int d) {
    return down.get(d / 2)[d % 2];
  }

  /** Every view at {@code nanos}, replaying every member's records up to it. */
  static byte[] matrixAt(MemberViews views, long nanos) {
    int n = views.size();
    byte[] matrix = new byte[n * n];
    int b = 0;
    int r = 0;
    int k = 0;
    while (true) {
      int eb = b < views.baselines.size() ? views.baselines.get(b).event() : NONE;
      int er = r < views.resets.size() ? (int) views.resets.get(r)[0] : NONE;
      int ek = k < views.count ? views.event[k] : NONE;
      int next = Math.min(eb, Math.min(er, ek));
      if (next == NONE) {
        return matrix;
      }
      if (next == eb) {
        MemberViews.Baseline base = views.baselines.get(b++);
        if (base.timeNanos() > nanos) {
          return matrix;
        }
        int row = base.observer() * n;
        for (int m = 0; m < n; m++) {
          matrix[row + m] =
              (byte) (base.members().get(m) ? MemberState.ALIVE : MemberState.UNKNOWN).ordinal();
        }
      } else if (next == er) {
        long[] reset = views.resets.get(r++);
        if (reset[1] > nanos) {
          return matrix;
        }
        Arrays.fill(matrix, (int) reset[2] * n, (int) reset[2] * n + n, (byte) 0);
      } else {
        if (views.timeNanos[k] > nanos) {
          return matrix;
        }
        matrix[views.observer[k] * n + views.member[k]] = views.state[k];
        k++;
      }
    }
  }

  /** Builds each observer's stretches, split where the member's truth changes. */
  static final class SegmentCollector implements Collector {
    private final List<List<Segment>> rows;
    private final int subject;
    private final Segment[] open;

    SegmentCollector(List<List<Segment>> rows, int subject) {
      this.rows = rows;
      this.subject = subject;
      this.open = new Segment[rows.size()];
    }

    @Override
    public void change(
        long t,
        int observer,
        MemberState to,
        long incarnation,
        int source,
        int event,
        int via,
        boolean subjectUp) {
      close(observer, t);
      open[observer] =
          new Segment(
              observer,
              subject,
              t,
              Long.MAX_VALUE,
              to,
              incarnation,
              source,
              event,
              via,
              falsePositive(observer, to, subjectUp));
    }

    private boolean falsePositive(int observer, MemberState state, boolean subjectUp) {
      return state == MemberState.FAULTY && subjectUp && observer != subject;
    }

    @Override
    public void truth(long t, boolean subjectUp) {
      for (int o = 0; o < open.length; o++) {
        Segment s = open[o];
        if (s != null && s.state() == MemberState.FAULTY) {
          close(o, t);
          open[o] =
              new Segment(
                  o,
                  subject,
                  t,
                  Long.MAX_VALUE,
                  s.state(),
                  s.incarnation(),
                  s.source(),
                  s.event(),
                  s.via(),
                  falsePositive(o, s.state(), subjectUp));
        }
      }
    }

    private void close(int observer, long t) {
      Segment s = open[observer];
      open[observer] = null;
      if (s != null && s.state() != MemberState.UNKNOWN && t > s.startNanos()) {
        rows.get(observer)
            .add(
                new Segment(
                    s.observer(),
                    s.member(),
                    s.startNanos(),
                    t,
                    s.state(),
                    s.incarnation(),
                    s.source(),
                    s.event(),
                    s.via(),
                    s.falsePositive()));
      }
    }

    @Override
    public void end(long endNanos) {
      for (int o = 0; o < open.length; o++) {
        close(o, endNanos);
      }
    }
  }

  /** Counts the members holding the subject in each state, step by step. */
  static final class CountCollector implements Collector {
    private final List<Long> times = new ArrayList<>();
    private final List<int[]> counts = new ArrayList<>();
    private final List<Boolean> up = new ArrayList<>();
    private final int[] current = new int[STATES.length];
    private MemberState[] held = new MemberState[0];
    private boolean subjectUp = true;

    @Override
    public void change(
        long t,
        int observer,
        MemberState to,
        long incarnation,
        int source,
        int event,
        int via,
        boolean subjectUp) {
      if (observer >= held.length) {
        int old = held.length;
        held = Arrays.copyOf(held, Math.max(observer + 1, old * 2));
        Arrays.fill(held, old, held.length, MemberState.UNKNOWN);
      }
      current[held[observer].ordinal()]--;
      current[to.ordinal()]++;
      held[observer] = to;
      this.subjectUp = subjectUp;
      step(t);
    }

    @Override
    public void truth(long t, boolean subjectUp) {
      this.subjectUp = subjectUp;
      step(t);
    }

    private void step(long t) {
      int last = times.size() - 1;
      if (last >= 0 && times.get(last) == t) {
        counts.set(last, current.clone());
        up.set(last, subjectUp);
      } else {
        times.add(t);
        counts.add(current.clone());
        up.add(subjectUp);
      }
    }

    @Override
    public void end(long endNanos) {}

    Counts finish() {
      long[] t = new long[times.size()];
      boolean[] u = new boolean[up.size()];
      for (int i = 0; i < t.length; i++) {
        t[i] = times.get(i);
        u[i] = up.get(i);
      }
      return new Counts(t, counts.toArray(new int[0][]), u);
    }
  }
}
