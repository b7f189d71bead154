package faultline.visualizer.trace;

import faultline.engine.trace.TraceEvent;
import faultline.engine.trace.TraceLines;
import faultline.visualizer.trace.Spans.BlockBand;
import faultline.visualizer.trace.Spans.ClientOperation;
import faultline.visualizer.trace.Spans.Outage;
import faultline.visualizer.trace.Spans.PartitionBand;
import faultline.visualizer.trace.Spans.StateSegment;
import java.util.Arrays;
import java.util.List;

/**
 * One run, read from its trace and laid out for drawing: events in columns (so that a million of
 * them stay small and can be searched by time), messages, and the stretches between events. It is
 * immutable; a re-run makes a new one.
 */
public final class Timeline {
  /** Marks a missing clock reading. */
  public static final long NO_CLOCK = Long.MIN_VALUE;

  final String name;
  final long seed;
  final List<String> nodes;
  final List<String> lines;
  final int count;
  final long[] timeNanos;
  final int[] lane;
  final byte[] kind;
  final long[] wallNanos;
  final long[] monoNanos;
  final int[] messageOf;
  final int[] previousOnLane;
  final List<Message> messages;
  final int[] messagesBySendTime;
  final long longestFlightNanos;
  final List<StateSegment> segments;
  final List<Outage> outages;
  final List<PartitionBand> partitions;
  final List<BlockBand> blocks;
  final List<ClientOperation> clientOperations;
  final List<Integer> violations;
  final long endNanos;
  final List<String> clientProcesses;
  final long largestClockOffsetNanos;
  final MemberViews memberViews;

  Timeline(TimelineBuilder builder) {
    this.name = builder.name;
    this.seed = builder.seed;
    this.nodes = List.copyOf(builder.nodes);
    this.lines = builder.lines;
    this.count = builder.count;
    this.timeNanos = Arrays.copyOf(builder.timeNanos, count);
    this.lane = Arrays.copyOf(builder.lane, count);
    this.kind = Arrays.copyOf(builder.kind, count);
    this.wallNanos = Arrays.copyOf(builder.wallNanos, count);
    this.monoNanos = Arrays.copyOf(builder.monoNanos, count);
    this.messageOf = Arrays.copyOf(builder.messageOf, count);
    this.previousOnLane = Arrays.copyOf(builder.previousOnLane, count);
    this.messages = List.copyOf(builder.messages);
    this.messagesBySendTime = builder.messagesBySendTime();
    this.longestFlightNanos = builder.longestFlightNanos;
    this.segments = List.copyOf(builder.segments);
    this.outages = List.copyOf(builder.outages);
    this.partitions = List.copyOf(builder.partitions);
    this.blocks = List.copyOf(builder.blocks);
    this.clientOperations = List.copyOf(builder.clientOperations);
    this.violations = List.copyOf(builder.violations);
    this.endNanos = count == 0 ? 0 : timeNanos[count - 1];
    java.util.TreeSet<String> processes = new java.util.TreeSet<>();
    clientOperations.forEach(operation -> processes.add(operation.process()));
    this.clientProcesses = List.copyOf(processes);
    long largest = 0;
    for (int i = 0; i < count; i++) {
      if (wallNanos[i] != NO_CLOCK) {
        largest = Math.max(largest, Math.abs(wallNanos[i] - timeNanos[i]));
      }
    }
    this.largestClockOffsetNanos = largest;
    this.memberViews = builder.finishedMemberViews;
  }

  /** Every member's view of every other, from the {@code member} records (empty for others). */
  public MemberViews memberViews() {
    return memberViews;
  }

  /** The largest distance of any node's wall clock from true time, over the run. */
  public long largestClockOffsetNanos() {
    return largestClockOffsetNanos;
  }

  /** Client process names, sorted: one row of operation bars each. */
  public List<String> clientProcesses() {
    return clientProcesses;
  }

  /** The scenario's name from the trace header. */
  public String name() {
    return name;
  }

  public long seed() {
    return seed;
  }

  /** Node names, one lane each, in the header's order. */
  public List<String> nodes() {
    return nodes;
  }

  public int eventCount() {
    return count;
  }

  public long endNanos() {
    return endNanos;
  }

  public long timeNanos(int event) {
    return timeNanos[event];
  }

  /** The event's lane, or -1 for an event of the whole run (partition, heal, halt). */
  public int lane(int event) {
    return lane[event];
  }

  public EventKind kind(int event) {
    return EventKind.values()[kind[event]];
  }

  /** The node's wall clock at the event, or {@link #NO_CLOCK}. */
  public long wallNanos(int event) {
    return wallNanos[event];
  }

  public long monoNanos(int event) {
    return monoNanos[event];
  }

  /** The trace line of the event, as written. */
  public String line(int event) {
    return lines.get(event + 1);
  }

  /** The event as its typed record, read again from its line (events are kept as lines). */
  public TraceEvent event(int event) {
    return TraceLines.event(TraceLines.object(line(event)));
  }

  /** The invariant a {@code violation} event names; null for any other event. */
  public String invariantOf(int event) {
    return kind(event) == EventKind.VIOLATION && event(event) instanceof TraceEvent.Violation v
        ? v.invariant()
        : null;
  }

  /** Every line of the trace (header first, end last), to compare runs. */
  public List<String> lines() {
    return lines;
  }

  /** The message the event sends, delivers or drops, or null. */
  public Message messageOf(int event) {
    int index = messageOf[event];
    return index < 0 ? null : messages.get(index);
  }

  /** The previous event on the same lane, or -1. */
  public int previousOnLane(int event) {
    return previousOnLane[event];
  }

  public List<Message> messages() {
    return messages;
  }

  public List<StateSegment> segments() {
    return segments;
  }

  public List<Outage> outages() {
    return outages;
  }

  public List<PartitionBand> partitions() {
    return partitions;
  }

  public List<BlockBand> blocks() {
    return blocks;
  }

  public List<ClientOperation> clientOperations() {
    return clientOperations;
  }

  /** Event indices of the {@code violation} events. */
  public List<Integer> violations() {
    return violations;
  }

  /** The first event at or after {@code nanos} (binary search; {@link #eventCount()} if none). */
  public int firstEventAtOrAfter(long nanos) {
    int low = 0;
    int high = count;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (timeNanos[middle] < nanos) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /**
   * Calls {@code visitor} with every message whose flight overlaps {@code [fromNanos, toNanos]},
   * looking only at messages sent in that window widened by the longest flight.
   */
  public void messagesOverlapping(
      long fromNanos, long toNanos, java.util.function.IntConsumer visitor) {
    long earliestSend = fromNanos - longestFlightNanos;
    int low = 0;
    int high = messagesBySendTime.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sendTime(messagesBySendTime[middle]) < earliestSend) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    for (int i = low; i < messagesBySendTime.length; i++) {
      int index = messagesBySendTime[i];
      if (sendTime(index) > toNanos) {
        return;
      }
      if (endTime(messages.get(index)) >= fromNanos) {
        visitor.accept(index);
      }
    }
  }

  private long sendTime(int messageIndex) {
    return timeNanos[messages.get(messageIndex).sendIndex()];
  }

  /** Where the message's line ends: its last delivery, its drop, or the end of the run. */
  public long endTime(Message message) {
    if (message.duplicateIndex() >= 0) {
      return timeNanos[message.duplicateIndex()];
    }
    if (message.deliverIndex() >= 0) {
      return timeNanos[message.deliverIndex()];
    }
    if (message.dropIndex() >= 0) {
      return timeNanos[message.dropIndex()];
    }
    return endNanos;
  }
}
