package faultline.visualizer.trace;

import com.fasterxml.jackson.databind.JsonNode;
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

/** Accumulates parsed events into the columns and spans of a {@link Timeline}. */
final class TimelineBuilder {
  final String name;
  final long seed;
  final List<String> nodes;
  final List<String> lines;
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

  TimelineBuilder(String name, long seed, List<String> nodes, List<String> lines) {
    this.name = name;
    this.seed = seed;
    this.nodes = nodes;
    this.lines = lines;
    for (int i = 0; i < nodes.size(); i++) {
      laneByNode.put(nodes.get(i), i);
    }
    int capacity = Math.max(16, lines.size());
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
  }

  int laneOf(String node) {
    Integer index = node == null ? null : laneByNode.get(node);
    return index == null ? -1 : index;
  }

  void add(EventFields event) {
    int index = count++;
    long t = event.t;
    EventKind eventKind = EventKind.of(event.type);
    int eventLane = laneOf(event.node);
    timeNanos[index] = t;
    kind[index] = (byte) eventKind.ordinal();
    lane[index] = eventLane;
    wallNanos[index] = event.wall;
    monoNanos[index] = event.mono;
    messageOf[index] = -1;
    previousOnLane[index] = eventLane < 0 ? -1 : lastOnLane[eventLane];
    if (eventLane >= 0) {
      lastOnLane[eventLane] = index;
    }
    switch (eventKind) {
      case SEND -> onSend(index, eventLane, event);
      case DELIVER -> onDeliver(index, event);
      case DROP -> onDrop(index, event);
      case STATE -> onState(index, eventLane, t, event.state);
      case CRASH, PAUSE -> openOutage(index, eventLane, t, eventKind == EventKind.CRASH);
      case RESTART, RESUME -> closeOutage(eventLane, t);
      case PARTITION -> onPartition(index, t, event.groups);
      case HEAL -> closePartition(t);
      case BLOCK -> onBlock(index, t, event);
      case UNBLOCK -> closeBlock(t, event);
      case VIOLATION -> violations.add(index);
      case CLIENT -> onClient(index, t, event);
      default -> {}
    }
  }

  private void onSend(int index, int from, EventFields event) {
    long id = event.id;
    Message message = new Message(id, from, laneOf(event.to), event.msg, index, -1, -1, -1, null);
    messageById.put(id, messages.size());
    messageOf[index] = messages.size();
    messages.add(message);
  }

  private void onDeliver(int index, EventFields event) {
    Integer messageIndex = messageById.get(event.id);
    if (messageIndex == null) {
      return; // A delivery of a message sent before the trace began: nothing to join.
    }
    Message message = messages.get(messageIndex).withDeliver(index);
    messages.set(messageIndex, message);
    messageOf[index] = messageIndex;
    noteFlight(message.sendIndex(), index);
  }

  private void onDrop(int index, EventFields event) {
    Integer messageIndex = messageById.get(event.id);
    if (messageIndex == null) {
      return;
    }
    Message message = messages.get(messageIndex).withDrop(index, event.reason);
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

  private void onPartition(int index, long t, JsonNode groupsNode) {
    closePartition(t);
    List<List<String>> groups = new ArrayList<>();
    for (JsonNode group : groupsNode == null ? List.<JsonNode>of() : groupsNode) {
      List<String> members = new ArrayList<>();
      group.forEach(member -> members.add(member.asText()));
      groups.add(List.copyOf(members));
    }
    openPartition = new PartitionBand(t, Long.MAX_VALUE, List.copyOf(groups), index);
  }

  private void closePartition(long t) {
    if (openPartition != null) {
      partitions.add(
          new PartitionBand(
              openPartition.startNanos(), t, openPartition.groups(), openPartition.eventIndex()));
      openPartition = null;
    }
  }

  private void onBlock(int index, long t, EventFields event) {
    int from = laneOf(event.from);
    int to = laneOf(event.to);
    openBlocks.put(linkKey(from, to), new BlockBand(from, to, t, Long.MAX_VALUE, index));
  }

  private void closeBlock(long t, EventFields event) {
    BlockBand open = openBlocks.remove(linkKey(laneOf(event.from), laneOf(event.to)));
    if (open != null) {
      blocks.add(new BlockBand(open.from(), open.to(), open.startNanos(), t, open.eventIndex()));
    }
  }

  private static long linkKey(int from, int to) {
    return ((long) from << 32) | (to & 0xffffffffL);
  }

  private void onClient(int index, long t, EventFields event) {
    String process = String.valueOf(event.process);
    String phase = String.valueOf(event.phase);
    if ("invoke".equals(phase)) {
      String op = event.op == null ? "?" : StateText.compact(event.op, 48);
      openOperations.put(
          process, new ClientOperation(process, op, t, Long.MAX_VALUE, "pending", index, -1));
      return;
    }
    ClientOperation open = openOperations.remove(process);
    if (open != null) {
      clientOperations.add(
          new ClientOperation(
              process, open.op(), open.startNanos(), t, phase, open.invokeIndex(), index));
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
    return new Timeline(this);
  }
}
