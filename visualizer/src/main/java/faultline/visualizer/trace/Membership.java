package faultline.visualizer.trace;

import java.util.List;

/** The records of the membership view: what a member held about another, and how news spread. */
public final class Membership {
  private Membership() {}

  /**
   * A stretch during which {@code observer} held {@code member} in one state.
   *
   * @param event the record that began it: a {@code member} change, the {@code members} list a
   *     member started with, or -1 for an assumed start (heartbeat detectors start with every node
   *     alive and say nothing about it)
   * @param source the member whose verdict or announcement it was (the trace's {@code source}), or
   *     -1
   * @param via the message in whose delivery the change was made, or -1 (a member's own timer or
   *     probe, or its start)
   * @param falsePositive held faulty while the member was in truth up (not crashed): a false
   *     positive, judged from the run's ground truth
   */
  public record Segment(
      int observer,
      int member,
      long startNanos,
      long endNanos,
      MemberState state,
      long incarnation,
      int source,
      int event,
      int via,
      boolean falsePositive) {}

  /**
   * One piece of news about a member, as gossip carries it: "n3 faulty at incarnation 0".
   *
   * @param firstNanos when the first member came to hold it
   * @param firstEvent that record
   */
  public record Update(
      int member, MemberState state, long incarnation, long firstNanos, int firstEvent) {
    public String label(List<String> names) {
      return names.get(member) + " " + state.label() + " at incarnation " + incarnation;
    }
  }

  /**
   * When {@code observer} first came to hold an update.
   *
   * @param source the verdict's or announcement's member (the trace's {@code source}), or -1
   * @param via the message that brought it, or -1 when the observer reached it on its own
   */
  public record Learning(int observer, long atNanos, int event, int source, int via) {}

  /**
   * How one update spread: who learned it, in order, and who never did.
   *
   * @param learned in order of time
   * @param never the members that never held it (superseded first, never reached, or down)
   */
  public record Spread(Update update, List<Learning> learned, List<Integer> never) {}

  /**
   * How many members held one member in each state, over time: a step function whose {@code i}th
   * step starts at {@code timesNanos[i]}.
   *
   * @param counts {@code counts[i][state.ordinal()]}
   * @param subjectUp whether the member was up (not crashed) from that step on
   */
  public record Counts(long[] timesNanos, int[][] counts, boolean[] subjectUp) {
    /** The step in force at {@code nanos}, or -1 before the first. */
    public int stepAt(long nanos) {
      int low = 0;
      int high = timesNanos.length;
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (timesNanos[middle] <= nanos) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      return low - 1;
    }
  }
}
