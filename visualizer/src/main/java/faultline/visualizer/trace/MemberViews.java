package faultline.visualizer.trace;

import faultline.visualizer.trace.Membership.Counts;
import faultline.visualizer.trace.Membership.Learning;
import faultline.visualizer.trace.Membership.Segment;
import faultline.visualizer.trace.Membership.Spread;
import faultline.visualizer.trace.Membership.Update;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Every member's view of every other over a run, from the trace's {@code member} records (SWIM and
 * the heartbeat detectors write the same ones): who held whom alive, suspect or faulty, at which
 * incarnation, on whose word and through which message, and which of those verdicts were false
 * positives by the run's ground truth (the accused was not crashed). Kept as columns of changes,
 * indexed by the member they are about, so that a 1,000-member run stays small; the views of one
 * member are rebuilt on demand by {@link ViewSweep}.
 */
public final class MemberViews {
  /** The list a member starts with (or is assumed to): {@code members} alive at incarnation. */
  record Baseline(int event, long timeNanos, int observer, BitSet members, long incarnation) {}

  final List<String> names;
  final long endNanos;
  final int count;
  final long[] timeNanos;
  final int[] observer;
  final int[] member;
  final byte[] state;
  final long[] incarnation;
  final int[] source;
  final int[] event;
  final int[] via;
  final List<Baseline> baselines;
  final List<long[]> resets;
  final boolean assumedBaselines;
  final List<List<long[]>> downByLane;
  private final java.util.Map<String, String> causes;
  private final int[] byMemberStart;
  private final int[] byMember;

  MemberViews(
      MemberViewsBuilder builder,
      List<String> names,
      long endNanos,
      List<Baseline> baselines,
      boolean assumedBaselines,
      List<List<long[]>> downByLane) {
    this.names = List.copyOf(names);
    this.endNanos = endNanos;
    this.count = builder.count;
    this.timeNanos = Arrays.copyOf(builder.timeNanos, count);
    this.observer = Arrays.copyOf(builder.observer, count);
    this.member = Arrays.copyOf(builder.member, count);
    this.state = Arrays.copyOf(builder.state, count);
    this.incarnation = Arrays.copyOf(builder.incarnation, count);
    this.source = Arrays.copyOf(builder.source, count);
    this.event = Arrays.copyOf(builder.event, count);
    this.via = Arrays.copyOf(builder.via, count);
    this.baselines = List.copyOf(baselines);
    this.resets = List.copyOf(builder.resets);
    this.assumedBaselines = assumedBaselines;
    this.downByLane = downByLane;
    this.causes = java.util.Map.copyOf(builder.causes);
    int n = names.size();
    byMemberStart = new int[n + 1];
    for (int i = 0; i < count; i++) {
      byMemberStart[member[i] + 1]++;
    }
    for (int m = 0; m < n; m++) {
      byMemberStart[m + 1] += byMemberStart[m];
    }
    byMember = new int[count];
    int[] next = Arrays.copyOf(byMemberStart, n);
    for (int i = 0; i < count; i++) {
      byMember[next[member[i]]++] = i; // Stays in event order within each member.
    }
  }

  /** No membership records: not a membership protocol's run. */
  public boolean isEmpty() {
    return count == 0 && assumedBaselines;
  }

  /** Member names: the run's nodes, in the header's order. */
  public List<String> names() {
    return names;
  }

  public int size() {
    return names.size();
  }

  /** How many {@code member} changes the run recorded. */
  public int changeCount() {
    return count;
  }

  /**
   * True when the protocol did not announce the lists its members start with (the heartbeat
   * detectors), so every node is taken to hold every node alive from its start or restart.
   */
  public boolean assumedBaselines() {
    return assumedBaselines;
  }

  /** Changes about {@code subject}, as change indices in time order. */
  int[] changesAbout(int subject) {
    return Arrays.copyOfRange(byMember, byMemberStart[subject], byMemberStart[subject + 1]);
  }

  /**
   * The cause the run's accuracy check gave for declaring {@code member} faulty at {@code
   * incarnation} while it was up (pause, restart, one-way-link, partition, loss, slow), or null.
   */
  public String falsePositiveCause(int member, long incarnation) {
    return causes.get(names.get(member) + "@" + incarnation);
  }

  /** Whether {@code lane} was up (not crashed) at {@code nanos}: the ground truth. */
  public boolean up(int lane, long nanos) {
    for (long[] down : downByLane.get(lane)) {
      if (down[0] <= nanos && nanos < down[1]) {
        return false;
      }
    }
    return true;
  }

  /** Every member's view of {@code subject}: one list of stretches per observer, in time order. */
  public List<List<Segment>> segmentsAbout(int subject) {
    List<List<Segment>> rows = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      rows.add(new ArrayList<>());
    }
    new ViewSweep(this, subject).run(new ViewSweep.SegmentCollector(rows, subject));
    return rows;
  }

  /** How many members held {@code subject} in each state over time. */
  public Counts countsAbout(int subject) {
    ViewSweep.CountCollector counts = new ViewSweep.CountCollector();
    new ViewSweep(this, subject).run(counts);
    return counts.finish();
  }

  /** The distinct updates about {@code subject} (state and incarnation), in order of appearance. */
  public List<Update> updatesAbout(int subject) {
    List<Update> updates = new ArrayList<>();
    for (int i : changesAbout(subject)) {
      MemberState s = MemberState.values()[state[i]];
      boolean seen = false;
      for (Update u : updates) {
        seen |= u.state() == s && u.incarnation() == incarnation[i];
      }
      if (!seen) {
        updates.add(new Update(subject, s, incarnation[i], timeNanos[i], event[i]));
      }
    }
    return updates;
  }

  /** Every update of the run, in order of appearance. */
  public List<Update> updates() {
    List<Update> all = new ArrayList<>();
    for (int m = 0; m < size(); m++) {
      all.addAll(updatesAbout(m));
    }
    all.sort(java.util.Comparator.comparingInt(Update::firstEvent));
    return all;
  }

  /** When each member first held {@code update}, on whose word and through which message. */
  public Spread spread(Update update) {
    Learning[] first = new Learning[size()];
    for (int i : changesAbout(update.member())) {
      if (state[i] == update.state().ordinal()
          && incarnation[i] == update.incarnation()
          && first[observer[i]] == null) {
        first[observer[i]] = new Learning(observer[i], timeNanos[i], event[i], source[i], via[i]);
      }
    }
    List<Learning> learned = new ArrayList<>();
    List<Integer> never = new ArrayList<>();
    for (int o = 0; o < size(); o++) {
      if (first[o] == null) {
        never.add(o);
      } else {
        learned.add(first[o]);
      }
    }
    learned.sort(java.util.Comparator.comparingInt(Learning::event));
    return new Spread(update, List.copyOf(learned), List.copyOf(never));
  }

  /** The update a {@code member} record carries, or null when the event is no such record. */
  public Update updateOfEvent(int eventIndex) {
    int i = Arrays.binarySearch(event, 0, count, eventIndex);
    if (i < 0) {
      return null;
    }
    for (Update u : updatesAbout(member[i])) {
      if (u.state().ordinal() == state[i] && u.incarnation() == incarnation[i]) {
        return u;
      }
    }
    return null;
  }

  /**
   * Every member's view of every other at {@code nanos}: {@code [observer * size() + member]} is
   * the ordinal of the {@link MemberState}.
   */
  public byte[] matrixAt(long nanos) {
    return ViewSweep.matrixAt(this, nanos);
  }
}
