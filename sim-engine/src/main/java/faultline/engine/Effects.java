package faultline.engine;

import faultline.engine.node.Message;
import faultline.engine.node.TimerTag;
import java.util.Arrays;

/**
 * What the handler of the step being taken asked for, in issue order; applied by the engine after
 * the handler returns. Held in parallel arrays reused from step to step, not as an object per
 * effect: a Raft server sets a timer, sends and records on most steps, and those objects were 8% of
 * a run's allocation. A send is held as its message and its recipient's index; the {@link
 * faultline.engine.check.Sent} that invariants may list is made only when one asks. Handlers never
 * overlap, so one instance serves every node.
 */
final class Effects {
  enum Kind {
    SEND,
    SET_TIMER,
    CANCEL_TIMER,
    RECORD_STATE,
    RECORD,
    NOTE
  }

  private Kind[] kinds = new Kind[16];
  // By kind: the message sent, the timer's tag, the state, the record's fields, the note's text.
  private Object[] subjects = new Object[16];
  private String[] recordTypes = new String[16];
  private long[] delaysNanos = new long[16];
  private int[] targets = new int[16]; // A send's recipient, by node index.
  private int size;

  int size() {
    return size;
  }

  Kind kind(int position) {
    return kinds[position];
  }

  /** The message of a {@link Kind#SEND}. */
  Message message(int position) {
    return (Message) subjects[position];
  }

  TimerTag tag(int position) {
    return (TimerTag) subjects[position];
  }

  /** The index of the node a {@link Kind#SEND} goes to. */
  int target(int position) {
    return targets[position];
  }

  long delayNanos(int position) {
    return delaysNanos[position];
  }

  /** The state of a {@link Kind#RECORD_STATE}, the fields of a {@link Kind#RECORD}. */
  Object subject(int position) {
    return subjects[position];
  }

  String recordType(int position) {
    return recordTypes[position];
  }

  String noteText(int position) {
    return (String) subjects[position];
  }

  void send(Message message, int targetIndex) {
    add(Kind.SEND, message, null, 0);
    targets[size - 1] = targetIndex;
  }

  void setTimer(TimerTag tag, long delayNanos) {
    add(Kind.SET_TIMER, tag, null, delayNanos);
  }

  void cancelTimer(TimerTag tag) {
    add(Kind.CANCEL_TIMER, tag, null, 0);
  }

  void recordState(Object state) {
    add(Kind.RECORD_STATE, state, null, 0);
  }

  void record(String type, Object fields) {
    add(Kind.RECORD, fields, type, 0);
  }

  void note(String text) {
    add(Kind.NOTE, text, null, 0);
  }

  private void add(Kind kind, Object subject, String recordType, long delayNanos) {
    if (size == kinds.length) {
      int capacity = size * 2;
      kinds = Arrays.copyOf(kinds, capacity);
      subjects = Arrays.copyOf(subjects, capacity);
      recordTypes = Arrays.copyOf(recordTypes, capacity);
      delaysNanos = Arrays.copyOf(delaysNanos, capacity);
      targets = Arrays.copyOf(targets, capacity);
    }
    kinds[size] = kind;
    subjects[size] = subject;
    recordTypes[size] = recordType;
    delaysNanos[size] = delayNanos;
    size++;
  }

  /** Forgets every effect, letting go of what they held; the arrays stay for the next step. */
  void clear() {
    Arrays.fill(subjects, 0, size, null);
    Arrays.fill(recordTypes, 0, size, null);
    size = 0;
  }
}
