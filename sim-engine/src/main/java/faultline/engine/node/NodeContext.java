package faultline.engine.node;

import faultline.engine.random.SimRandom;
import java.util.List;

/**
 * Everything a node may do to the world; there is no other channel. Effects (sends, timers,
 * records) are buffered and applied in issue order after the handler returns.
 */
public interface NodeContext<M extends Message, T extends TimerTag> {
  NodeId self();

  /** Every other node of the run, sorted by id. */
  List<NodeId> peers();

  /** Every node of the run, this one included, sorted by id. */
  List<NodeId> nodes();

  /**
   * This node's wall clock: true time plus its offset, drift and jumps. It can go backwards when
   * the scenario steps it back, exactly as a real time-of-day clock can.
   */
  long wallClockNanos();

  /** This node's monotonic clock: drifts with the node's oscillator, never jumps. */
  long monotonicNanos();

  /** This node's own random stream, derived from the run seed and the node's name. */
  SimRandom random();

  /** Durable storage: survives crashes (unsynced writes may not, when the fault says so). */
  DurableStorage storage();

  void send(NodeId to, M message);

  /**
   * Arms {@code timer} to fire after {@code delayNanos} of this node's monotonic time (so a fast
   * clock fires early in true time). Re-arming a tag replaces its deadline.
   */
  void setTimer(T timer, long delayNanos);

  /** Disarms {@code timer}; a no-op when it is not armed. */
  void cancelTimer(T timer);

  /**
   * Records a protocol state change as a {@code state} trace event; {@code state} is a record or
   * map whose fields become the event's {@code state} object, e.g. {@code {"role":"LEADER"}}.
   */
  void recordState(Object state);

  /**
   * Records a protocol event of another type, such as {@code apply} or {@code client}; the fields
   * of {@code fields} (a record or sorted map) are added to the trace event.
   */
  void record(String type, Object fields);

  /** Annotation for the timeline; never changes behaviour. */
  void note(String text);

  /** Adds {@code delta} to the run metric {@code name} (reported in the run summary). */
  void count(String name, long delta);

  /** Raises the run metric {@code name} to {@code value} if it is larger. */
  void recordMax(String name, long value);
}
