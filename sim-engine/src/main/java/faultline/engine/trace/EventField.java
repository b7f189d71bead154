package faultline.engine.trace;

/**
 * The member names that {@link TraceWriter} writes itself, one constant per name. Every trace line
 * repeats some of them ({@code seq}, {@code t}, {@code type}, {@code node}, ...), so the canonical
 * encoder keeps each one's number in an array indexed by the constant ({@link
 * CanonicalEncoder#name(EventField)}) instead of finding it by the text on every line, and the JSON
 * writer copies its quoted bytes, encoded once. What both encodings write is exactly what the text
 * would give.
 */
enum EventField {
  SEQ("seq"),
  T("t"),
  TYPE("type"),
  NODE("node"),
  WALL("wall"),
  MONO("mono"),
  TO("to"),
  FROM("from"),
  ID("id"),
  COPY("copy"),
  MSG("msg"),
  PAYLOAD("payload"),
  REASON("reason"),
  TIMER("timer"),
  DUE_T("dueT"),
  STATE("state"),
  TEXT("text"),
  LOSE_UNSYNCED_WRITES("loseUnsyncedWrites"),
  LOST_WRITES("lostWrites"),
  DROPPED_WHILE_PAUSED("droppedWhilePaused"),
  DURATION_NANOS("durationNanos"),
  DEFERRED("deferred"),
  CHANGE("change"),
  OFFSET_NANOS("offsetNanos"),
  DRIFT_PPB("driftPpb"),
  DELTA_NANOS("deltaNanos"),
  GROUPS("groups"),
  LATENCY("latency"),
  LOSS("loss"),
  DUPLICATE("duplicate"),
  REORDER("reorder"),
  FIFO("fifo"),
  INVARIANT("invariant"),
  MESSAGE("message"),
  SCENARIO("scenario"),
  SEED("seed"),
  NODES("nodes");

  /** How many constants there are: the size of an encoder's array of their numbers. */
  static final int COUNT = values().length;

  /** The name as it is written. */
  final String text;

  /** The name as Jackson writes a member name, quoted, encoded once, with its colon. */
  final byte[] jsonMember;

  EventField(String text) {
    this.text = text;
    this.jsonMember = JsonLine.member(text);
  }
}
