package faultline.visualizer.trace;

import com.fasterxml.jackson.databind.JsonNode;
import faultline.engine.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.ToIntFunction;

/**
 * Collects the membership records of a run while its timeline is built: every {@code member}
 * change, the {@code members} list a member starts with, and the starts and crashes that begin or
 * wipe a member's view.
 */
final class MemberViewsBuilder {
  private final int members;
  private final ToIntFunction<String> laneOf;
  private final IntUnaryOperator viaMessage;
  int count;
  long[] timeNanos = new long[64];
  int[] observer = new int[64];
  int[] member = new int[64];
  byte[] state = new byte[64];
  long[] incarnation = new long[64];
  int[] source = new int[64];
  int[] event = new int[64];
  int[] via = new int[64];
  final List<MemberViews.Baseline> baselines = new ArrayList<>();
  final List<MemberViews.Baseline> starts = new ArrayList<>();
  final List<long[]> resets = new ArrayList<>(); // {event, time, observer}
  boolean announcedBaselines;

  /**
   * @param laneOf a node name's lane, or -1
   * @param viaMessage for an event, the message whose delivery its handler was handling, or -1
   */
  MemberViewsBuilder(int members, ToIntFunction<String> laneOf, IntUnaryOperator viaMessage) {
    this.members = members;
    this.laneOf = laneOf;
    this.viaMessage = viaMessage;
  }

  void add(int index, int lane, long t, TraceEvent traceEvent) {
    if (lane < 0) {
      return;
    }
    switch (traceEvent) {
      case TraceEvent.ProtocolRecord record when record.type().equals("member") ->
          onMember(index, lane, t, record.fields());
      case TraceEvent.ProtocolRecord record when record.type().equals("members") ->
          onMembers(index, lane, t, record.fields());
      case TraceEvent.Start start -> starts.add(everyone(index, t, lane));
      case TraceEvent.Restart restart -> starts.add(everyone(index, t, lane));
      case TraceEvent.Crash crash -> resets.add(new long[] {index, t, lane});
      case TraceEvent.Note note -> onNote(note.text());
      default -> {}
    }
  }

  /**
   * The accuracy check's own word on a false positive, "false positive: n1 holds n4 faulty
   * (incarnation 0, verdict of n1) while it is up; cause: pause", kept by member and incarnation.
   */
  private void onNote(String text) {
    java.util.regex.Matcher m = FALSE_POSITIVE.matcher(text == null ? "" : text);
    if (m.find()) {
      causes.putIfAbsent(m.group(1) + "@" + m.group(2), m.group(3));
    }
  }

  private static final java.util.regex.Pattern FALSE_POSITIVE =
      java.util.regex.Pattern.compile(
          "^false positive: \\S+ holds (\\S+) faulty \\(incarnation (\\d+),.*cause: (\\S+)");

  final java.util.Map<String, String> causes = new java.util.TreeMap<>();

  private MemberViews.Baseline everyone(int index, long t, int lane) {
    BitSet all = new BitSet(members);
    all.set(0, members);
    return new MemberViews.Baseline(index, t, lane, all, 0);
  }

  private void onMember(int index, int lane, long t, JsonNode fields) {
    int subject = laneOf.applyAsInt(fields.path("member").asText(null));
    if (subject < 0) {
      return;
    }
    if (count == timeNanos.length) {
      grow();
    }
    int i = count++;
    timeNanos[i] = t;
    observer[i] = lane;
    member[i] = subject;
    state[i] = (byte) MemberState.of(fields.path("status").asText(null)).ordinal();
    incarnation[i] = fields.path("incarnation").asLong(0);
    source[i] = laneOf.applyAsInt(fields.path("source").asText(null));
    event[i] = index;
    via[i] = viaMessage.applyAsInt(index);
  }

  private void onMembers(int index, int lane, long t, JsonNode fields) {
    announcedBaselines = true;
    BitSet alive = new BitSet(members);
    for (JsonNode name : fields.path("alive")) {
      int subject = laneOf.applyAsInt(name.asText());
      if (subject >= 0) {
        alive.set(subject);
      }
    }
    baselines.add(
        new MemberViews.Baseline(index, t, lane, alive, fields.path("incarnation").asLong(0)));
  }

  private void grow() {
    int capacity = timeNanos.length * 2;
    timeNanos = Arrays.copyOf(timeNanos, capacity);
    observer = Arrays.copyOf(observer, capacity);
    member = Arrays.copyOf(member, capacity);
    state = Arrays.copyOf(state, capacity);
    incarnation = Arrays.copyOf(incarnation, capacity);
    source = Arrays.copyOf(source, capacity);
    event = Arrays.copyOf(event, capacity);
    via = Arrays.copyOf(via, capacity);
  }

  /**
   * The views; {@code downByLane} gives each node's crashed stretches, the ground truth that false
   * positives are judged against.
   */
  MemberViews finish(List<String> names, long endNanos, List<List<long[]>> downByLane) {
    // A protocol that announces the list it starts with says when a view begins; one that does not
    // (the heartbeat detectors) starts every node with every node alive, at each start and restart.
    List<MemberViews.Baseline> chosen = announcedBaselines ? baselines : starts;
    return new MemberViews(this, names, endNanos, chosen, !announcedBaselines, downByLane);
  }
}
