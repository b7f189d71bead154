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
    Records records = new Records(views, views.changesAbout(subject));
    List<long[]> down = views.downByLane.get(subject);
    int d = 0;
    boolean up = true;
    while (true) {
      boolean more = records.advance();
      long t = more ? records.timeNanos() : Long.MAX_VALUE;
      // An outage still open at the end of the run ends there: that is no restart.
      for (; d < down.size() * 2 && truthNanos(down, d) <= t; d++) {
        if (truthNanos(down, d) >= views.endNanos) {
          break;
        }
        up = d % 2 == 1;
        collector.truth(truthNanos(down, d), up);
      }
      if (!more) {
        collector.end(views.endNanos);
        return;
      }
      records.replay(subject, up, collector);
    }
  }

  private static long truthNanos(List<long[]> down, int d) {
    return down.get(d / 2)[d % 2];
  }

  /** Every view at {@code nanos}, replaying every member's records up to it. */
  static byte[] matrixAt(MemberViews views, long nanos) {
    int n = views.size();
    byte[] matrix = new byte[n * n];
    int[] all = new int[views.count];
    java.util.Arrays.setAll(all, i -> i);
    Records records = new Records(views, all);
    MatrixCollector cells = new MatrixCollector(matrix, n);
    while (records.advance() && records.timeNanos() <= nanos) {
      int only = records.changeMember();
      for (int member = only < 0 ? 0 : only; member < (only < 0 ? n : only + 1); member++) {
        cells.member = member;
        records.replay(member, true, cells);
      }
    }
    return matrix;
  }

  /** Writes what a record sets into the matrix's column of one member. */
  private static final class MatrixCollector implements Collector {
    private final byte[] matrix;
    private final int n;
    int member;

    MatrixCollector(byte[] matrix, int n) {
      this.matrix = matrix;
      this.n = n;
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
      matrix[observer * n + member] = (byte) to.ordinal();
    }

    @Override
    public void truth(long t, boolean subjectUp) {}

    @Override
    public void end(long endNanos) {}
  }

  /**
   * The three kinds of record that set views, merged in event order: the lists members start with,
   * members' crashes, and the protocol's changes (all of them, or those about one member).
   */
  private static final class Records {
    private static final int BASELINE = 0;
    private static final int RESET = 1;
    private static final int CHANGE = 2;
    private final MemberViews views;
    private final int[] changes;
    private int baseline;
    private int reset;
    private int change;
    private int kind = -1;

    Records(MemberViews views, int[] changes) {
      this.views = views;
      this.changes = changes;
    }

    /** Moves past the current record to the next; false when there is none. */
    boolean advance() {
      switch (kind) {
        case BASELINE -> baseline++;
        case RESET -> reset++;
        case CHANGE -> change++;
        default -> {}
      }
      int eb = baseline < views.baselines.size() ? views.baselines.get(baseline).event() : NONE;
      int er = reset < views.resets.size() ? (int) views.resets.get(reset)[0] : NONE;
      int ek = change < changes.length ? views.event[changes[change]] : NONE;
      int next = Math.min(eb, Math.min(er, ek));
      kind = next == NONE ? -1 : next == eb ? BASELINE : next == er ? RESET : CHANGE;
      return next != NONE;
    }

    long timeNanos() {
      return switch (kind) {
        case BASELINE -> views.baselines.get(baseline).timeNanos();
        case RESET -> views.resets.get(reset)[1];
        default -> views.timeNanos[changes[change]];
      };
    }

    /** The member a change is about, or -1 when the record concerns every member. */
    int changeMember() {
      return kind == CHANGE ? views.member[changes[change]] : -1;
    }

    /** Tells the collector what the current record sets about {@code subject}. */
    void replay(int subject, boolean up, Collector collector) {
      long t = timeNanos();
      if (kind == BASELINE) {
        MemberViews.Baseline base = views.baselines.get(baseline);
        MemberState state = base.members().get(subject) ? MemberState.ALIVE : MemberState.UNKNOWN;
        int event = views.assumedBaselines ? -1 : base.event();
        collector.change(t, base.observer(), state, base.incarnation(), -1, event, -1, up);
      } else if (kind == RESET) {
        long[] crash = views.resets.get(reset);
        collector.change(t, (int) crash[2], MemberState.UNKNOWN, 0, -1, (int) crash[0], -1, up);
      } else {
        int i = changes[change];
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
