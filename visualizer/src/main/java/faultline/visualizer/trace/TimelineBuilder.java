package faultline.visualizer.trace;

import com.fasterxml.jackson.databind.JsonNode;
import faultline.engine.trace.TraceEvent;
import faultline.visualizer.trace.Spans.BlockBand;
import faultline.visualizer.trace.Spans.ClientOperation;
import faultline.visualizer.trace.Spans.Outage;
import faultline.visualizer.trace.Spans.PartitionBand;
import faultline.visualizer.trace.Spans.StateSegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Accumulates typed events into the columns and spans of a {@link Timeline}. */
final class TimelineBuilder {
  final String name;
  final long seed;
  final List<String> nodes;
  final List<String> lines = new ArrayList<>();
  private final Map<String, Integer> laneByNode = new HashMap<>();
  int count;
  long[] timeNanos;
  int[] lane;
  byte[] kind;
  long[] wallNanos;
  long[] monoNanos;
  int[] messageOf;
  int[] previousOnLane;
  final List<Message> messages = new ArrayList<>();
  private final Map<Long, Integer> messageById = new HashMap<>();
  long longestFlightNanos;
  final List<StateSegment> segments = new ArrayList<>();
  final List<Outage> outages = new ArrayList<>();
  final List<PartitionBand> partitions = new ArrayList<>();
  final List<BlockBand> blocks = new ArrayList<>();
  final List<ClientOperation> clientOperations = new ArrayList<>();
  final List<Integer> violations = new ArrayList<>();
  private final int[] lastOnLane;
  private final StateSegment[] openSegment;
  private final Outage[] openOutage;
  private PartitionBand openPartition;
  private final Map<Long, BlockBand> openBlocks = new TreeMap<>();
  private final Map<String, ClientOperation> openOperations = new TreeMap<>();
  private final MemberViewsBuilder memberViews;
  MemberViews finishedMemberViews;

  TimelineBuilder(String name, long seed, List<String> nodes) {
    this.name = name;
    this.seed = seed;
    this.nodes = nodes;
    for (int i = 0; i < nodes.size(); i++) {
      laneByNode.put(nodes.get(i), i);
    }
    int capacity = 1024;
    timeNanos = new long[capacity];
    lane = new int[capacity];
    kind = new byte[capacity];
    wallNanos = new long[capacity];
    monoNanos = new long[capacity];
    messageOf = new int[capacity];
    previousOnLane = new int[capacity];
    lastOnLane = new int[nodes.size()];
    Arrays.fill(lastOnLane, -1);
    openSegment = new StateSegment[nodes.size()];
    openOutage = new Outage[nodes.size()];
    memberViews = new MemberViewsBuilder(nodes.size(), this::laneOf, this::viaMessage);
  }

  int laneOf(String node) {
    Integer index = node == null ? null : laneByNode.get(node);
    return index == null ? -1 : index;
  }

  /** Keeps a line that is no event (the header, the end line) for {@link Timeline#lines()}. */
  void addLine(String line) {
    lines.add(line);
  }

  void add(TraceEvent event, String line) {
    lines.add(line);
    if (count == timeNanos.length) {
      grow();
    }
    int index = count++;
    TraceEvent.At at = event.at();
    long t = at.timeNanos();
    EventKind eventKind = EventKind.of(event.type());
    int eventLane = laneOf(at.node());
    timeNanos[index] = t;
    kind[index] = (byte) eventKind.ordinal();
    lane[index] = eventLane;
    wallNanos[index] = at.hasNode() ? at.wallNanos() : Timeline.NO_CLOCK;
    monoNanos[index] = at.hasNode() ? at.monoNanos() : Timeline.NO_CLOCK;
    messageOf[index] = -1;
    previousOnLane[index] = eventLane < 0 ? -1 : lastOnLane[eventLane];
    if (eventLane >= 0) {
      lastOnLane[eventLane] = index;
    }
    switch (event) {
      case TraceEvent.Send send -> onSend(index, eventLane, send);
      case TraceEvent.Deliver deliver -> joinMessage(index, deliver.id(), null, false);
      case TraceEvent.Drop drop -> joinMessage(index, drop.id(), drop.reason(), true);
      case TraceEvent.State state -> onState(index, eventLane, t, state.state());
      case TraceEvent.Crash crash -> openOutage(index, eventLane, t, true);
      case TraceEvent.Pause pause -> openOutage(index, eventLane, t, false);
      case TraceEvent.Restart restart -> closeOutage(eventLane, t);
      case TraceEvent.Resume resume -> closeOutage(eventLane, t);
      case TraceEvent.Partition partition -> onPartition(index, t, partition.groups());
      case TraceEvent.Heal heal -> closePartition(t);
      case TraceEvent.Block block -> onBlock(index, t, block.from(), block.to());
      case TraceEvent.Unblock unblock -> closeBlock(t, unblock.from(), unblock.to());
      case TraceEvent.Violation violation -> violations.add(index);
      case TraceEvent.ProtocolRecord record when record.type().equals("client") ->
          onClient(index, t, record);
      default -> {}
    }
    memberViews.add(index, eventLane, t, event);
  }

  /**
   * The message whose delivery the handler that wrote {@code index} was handling: the nearest
   * delivery before it on its lane at the same instant, unless a timer or a start comes first.
   */
  private int viaMessage(int index) {
    for (int i = previousOnLane[index]; i >= 0 && timeNanos[i] == timeNanos[index]; ) {
      EventKind k = EventKind.values()[kind[i]];
      if (k == EventKind.DELIVER) {
        return messageOf[i];
      }
      if (k == EventKind.TIMER || k == EventKind.START || k == EventKind.RESTART) {
        return -1;
      }
      i = previousOnLane[i];
    }
    return -1;
  }

  private void grow() {
    int capacity = timeNanos.length * 2;
    timeNanos = Arrays.copyOf(timeNanos, capacity);
    lane = Arrays.copyOf(lane, capacity);
    kind = Arrays.copyOf(kind, capacity);
    wallNanos = Arrays.copyOf(wallNanos, capacity);
    monoNanos = Arrays.copyOf(monoNanos, capacity);
    messageOf = Arrays.copyOf(messageOf, capacity);
    previousOnLane = Arrays.copyOf(previousOnLane, capacity);
  }

  private void onSend(int index, int from, TraceEvent.Send send) {
    long id = send.id();
    Message message = new Message(id, from, laneOf(send.to()), send.msg(), index, -1, -1, -1, null);
    messageById.put(id, messages.size());
    messageOf[index] = messages.size();
    messages.add(message);
  }

  /**
   * A delivery or drop joins the message its id names; one sent before the trace began has none.
   */
  private void joinMessage(int index, long id, String dropReason, boolean dropped) {
    Integer messageIndex = messageById.get(id);
    if (messageIndex == null) {
      return;
    }
    Message message = messages.get(messageIndex);
    message = dropped ? message.withDrop(index, dropReason) : message.withDeliver(index);
    messages.set(messageIndex, message);
    messageOf[index] = messageIndex;
    noteFlight(message.sendIndex(), index);
  }

  private void noteFlight(int sendIndex, int endIndex) {
    longestFlightNanos = Math.max(longestFlightNanos, timeNanos[endIndex] - timeNanos[sendIndex]);
  }

  private void onState(int index, int eventLane, long t, JsonNode state) {
    if (eventLane < 0 || state == null) {
      return;
    }
    closeSegment(eventLane, t);
    String role = state.has("role") ? state.get("role").asText() : null;
    String label;
    if (role != null) {
      label = role + epochSuffix(state);
    } else {
      label = StateText.compact(state, 60);
    }
    openSegment[eventLane] = new StateSegment(eventLane, t, Long.MAX_VALUE, label, role, index);
  }

  /** Raft's term ({@code " t3"}) or a Paxos ballot ({@code " b3.n1"}), when the state has one. */
  private static String epochSuffix(JsonNode state) {
    if (state.has("term")) {
      return " t" + state.get("term").asText();
    }
    JsonNode ballot = state.get("ballot");
    return ballot == null || ballot.isNull() ? "" : " b" + ballot.asText();
  }

  private void closeSegment(int eventLane, long t) {
    StateSegment open = openSegment[eventLane];
    if (open != null) {
      segments.add(
          new StateSegment(
              open.lane(), open.startNanos(), t, open.label(), open.role(), open.eventIndex()));
      openSegment[eventLane] = null;
    }
  }

  private void openOutage(int index, int eventLane, long t, boolean crash) {
    if (eventLane < 0) {
      return;
    }
    if (crash) {
      closeSegment(eventLane, t); // Volatile state is gone with the crash.
    }
    openOutage[eventLane] = new Outage(eventLane, t, Long.MAX_VALUE, crash, index);
  }

  private void closeOutage(int eventLane, long t) {
    if (eventLane < 0 || openOutage[eventLane] == null) {
      return;
    }
    Outage open = openOutage[eventLane];
    outages.add(new Outage(eventLane, open.startNanos(), t, open.crash(), open.eventIndex()));
    openOutage[eventLane] = null;
  }

  private void onPartition(int index, long t, List<List<String>> groups) {
    closePartition(t);
    openPartition = new PartitionBand(t, Long.MAX_VALUE, groups, index);
  }

  private void closePartition(long t) {
    if (openPartition != null) {
      partitions.add(
          new PartitionBand(
              openPartition.startNanos(), t, openPartition.groups(), openPartition.eventIndex()));
      openPartition = null;
    }
  }

  private void onBlock(int index, long t, String fromNode, String toNode) {
    int from = laneOf(fromNode);
    int to = laneOf(toNode);
    openBlocks.put(linkKey(from, to), new BlockBand(from, to, t, Long.MAX_VALUE, index));
  }

  private void closeBlock(long t, String fromNode, String toNode) {
    BlockBand open = openBlocks.remove(linkKey(laneOf(fromNode), laneOf(toNode)));
    if (open != null) {
      blocks.add(new BlockBand(open.from(), open.to(), open.startNanos(), t, open.eventIndex()));
    }
  }

  private static long linkKey(int from, int to) {
    return ((long) from << 32) | (to & 0xffffffffL);
  }

  /** A client's record: {@code process}, {@code phase} (invoke, ok, fail, info) and {@code op}. */
  private void onClient(int index, long t, TraceEvent.ProtocolRecord record) {
    JsonNode process = record.fields().path("process");
    String processName = process.isValueNode() ? process.asText() : "null";
    String phase = record.fields().path("phase").asText("null");
    if ("invoke".equals(phase)) {
      JsonNode op = record.fields().get("op");
      String text = op == null ? "?" : StateText.compact(op, 48);
      openOperations.put(
          processName,
          new ClientOperation(processName, text, t, Long.MAX_VALUE, "pending", index, -1));
      return;
    }
    ClientOperation open = openOperations.remove(processName);
    if (open != null) {
      clientOperations.add(
          new ClientOperation(
              processName, open.op(), open.startNanos(), t, phase, open.invokeIndex(), index));
    }
  }

  int[] messagesBySendTime() {
    // Messages are numbered in send order, and sends are in time order.
    int[] order = new int[messages.size()];
    Arrays.setAll(order, i -> i);
    return order;
  }

  /** Closes every open stretch at the end of the run. */
  Timeline finish() {
    long end = count == 0 ? 0 : timeNanos[count - 1];
    for (int i = 0; i < nodes.size(); i++) {
      closeSegment(i, end);
      closeOutage(i, end);
    }
    closePartition(end);
    for (long key : List.copyOf(openBlocks.keySet())) {
      BlockBand open = openBlocks.remove(key);
      blocks.add(new BlockBand(open.from(), open.to(), open.startNanos(), end, open.eventIndex()));
    }
    for (ClientOperation open : openOperations.values()) {
      clientOperations.add(
          new ClientOperation(
              open.process(),
              open.op(),
              open.startNanos(),
              end,
              "pending",
              open.invokeIndex(),
              -1));
    }
    openOperations.clear();
    List<List<long[]>> downByLane = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      downByLane.add(new ArrayList<>());
    }
    for (Outage outage : outages) {
      if (outage.crash()) {
        downByLane.get(outage.lane()).add(new long[] {outage.startNanos(), outage.endNanos()});
      }
    }
    downByLane.forEach(list -> list.sort(java.util.Comparator.comparingLong(down -> down[0])));
    finishedMemberViews = memberViews.finish(nodes, end, downByLane);
    return new Timeline(this);
  }
}
