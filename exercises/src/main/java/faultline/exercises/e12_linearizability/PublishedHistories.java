package faultline.exercises.e12_linearizability;

import faultline.protocols.history.HistoryEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Small published histories with published verdicts: the register examples of MIT 6.824's 2017
 * second quiz (section VII), as Porcupine's test suite checks them ({@code TestRegisterModel}: the
 * first linearizable, the second not) together with its variants where reads take no time ({@code
 * TestZeroDuration}). Each operation is (process, write or read, value, call time, return time); a
 * read of 0 is a read of the empty register. Events are ordered by time, calls before returns at
 * equal times, as Porcupine orders them.
 */
final class PublishedHistories {
  /** An operation as the quiz draws it: a write of {@code value}, or a read that returned it. */
  private record Timed(int process, boolean write, long value, int call, int ret) {}

  private PublishedHistories() {}

  static List<RegisterCase> all() {
    return List.of(
        published(
            "6.824 2017 quiz 2, VII: write 100 over [0, 100]; reads of 100 over [25, 75] and of"
                + " the empty register over [30, 60] (published: linearizable)",
            List.of(
                new Timed(0, true, 100, 0, 100),
                new Timed(1, false, 100, 25, 75),
                new Timed(2, false, 0, 30, 60))),
        published(
            "6.824 2017 quiz 2, VII: write 200 over [0, 100]; a read of 200 over [10, 30], then"
                + " of the empty register over [40, 90] (published: not linearizable)",
            List.of(
                new Timed(0, true, 200, 0, 100),
                new Timed(1, false, 200, 10, 30),
                new Timed(2, false, 0, 40, 90))),
        published(
            "Porcupine's zero-duration reads: write 100 over [0, 100]; reads of 100 over [25, 75]"
                + " and of the empty register at 30, twice (published: linearizable)",
            List.of(
                new Timed(0, true, 100, 0, 100),
                new Timed(1, false, 100, 25, 75),
                new Timed(2, false, 0, 30, 30),
                new Timed(3, false, 0, 30, 30))),
        published(
            "Porcupine's zero-duration reads: write 200 over [0, 100]; reads of 200 at 10, twice,"
                + " then of the empty register over [40, 90] (published: not linearizable)",
            List.of(
                new Timed(0, true, 200, 0, 100),
                new Timed(1, false, 200, 10, 10),
                new Timed(2, false, 200, 10, 10),
                new Timed(3, false, 0, 40, 90))));
  }

  /** Whether the published verdict of {@code name} is linearizable (the tests compare it). */
  static boolean publishedLinearizable(String name) {
    return name.endsWith("(published: linearizable)");
  }

  private static RegisterCase published(String name, List<Timed> operations) {
    record At(int time, boolean call, Timed op) {}
    List<At> points = new ArrayList<>();
    for (Timed op : operations) {
      points.add(new At(op.call(), true, op));
      points.add(new At(op.ret(), false, op));
    }
    points.sort(
        Comparator.comparingInt(At::time)
            .thenComparing(at -> !at.call())
            .thenComparingInt(at -> at.op().process()));
    List<HistoryEvent> events = new ArrayList<>();
    for (At at : points) {
      Timed op = at.op();
      String f = op.write() ? "write" : "read";
      Object value = op.value() == 0 ? null : (Object) op.value();
      HistoryEvent.Type type = at.call() ? HistoryEvent.Type.INVOKE : HistoryEvent.Type.OK;
      Object shown = at.call() && !op.write() ? null : value;
      events.add(new HistoryEvent(op.process(), type, f, null, shown, at.time()));
    }
    return new RegisterCase(name, null, events);
  }
}
