package faultline.engine.trace;

import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.engine.Check;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Encodes a run as {@code faultline-trace} version 2: a header, one line per event with a sequence
 * number from 1, and an end line carrying the run's fingerprint (the SHA-256 of the canonical
 * binary encoding of the header and the events, see {@link CanonicalEncoder}) and the SHA-256 of
 * every byte of the file before it. The fingerprint is computed on every run; the JSON Lines are
 * encoded only when the sink keeps them ({@link TraceSink#keepsLines()}). There is one method per
 * {@link TraceEvent} type, taking that event's fields; the engine calls them directly, and a record
 * writes itself through the same method ({@link TraceEvent#writeTo}), so the field names and their
 * order live here alone.
 *
 * <p>A node's event takes the node's name and its clock readings; an event of the whole run has no
 * node. Field order is fixed by this code, maps are written sorted by key, and numbers are
 * integers, so the same run always gives the same bytes.
 */
public final class TraceWriter {
  /**
   * The lines are hashed for the file's SHA-256 together once they fill this many bytes: one update
   * per line of about 200 bytes cost a tenth more than updates of whole blocks.
   */
  private static final int HASHED_BLOCK_BYTES = 1 << 16;

  private final TraceSink sink;
  private final MessageDigest fileDigest;
  private final FieldWriter fields;
  private long sequence;
  private boolean headerWritten;
  private boolean ended;
  private String fingerprint;
  private String fileSha256;

  public TraceWriter(TraceSink sink) {
    this.sink = sink;
    this.fields = new FieldWriter(sink.keepsLines());
    try {
      this.fileDigest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-256", e);
    }
  }

  /** The shared mapper used for payloads, so every module encodes values the same way. */
  public static ObjectMapper mapper() {
    return FieldWriter.MAPPER;
  }

  /** Writes the header: the resolved scenario (any value Jackson can write), seed and nodes. */
  public void header(Object resolvedScenario, long seed, List<String> nodes) {
    Check.state(!headerWritten, "the header is written once");
    headerWritten = true;
    fields.open();
    fields.jsonString("type", "header");
    fields.jsonString("format", TraceFormat.FORMAT_NAME);
    fields.jsonNumber("version", TraceFormat.VERSION);
    fields.value(EventField.SCENARIO, resolvedScenario);
    fields.number(EventField.SEED, seed);
    fields.strings(EventField.NODES, nodes);
    fields.close();
    emit();
  }

  public void start(long t, String node, long wall, long mono) {
    begin("start", t, node, wall, mono);
    finish();
  }

  public void restart(long t, String node, long wall, long mono) {
    begin("restart", t, node, wall, mono);
    finish();
  }

  public void send(
      long t, String node, long wall, long mono, String to, long id, String msg, Object payload) {
    begin("send", t, node, wall, mono);
    fields.string(EventField.TO, to);
    fields.number(EventField.ID, id);
    fields.string(EventField.MSG, msg);
    fields.value(EventField.PAYLOAD, payload);
    finish();
  }

  public void deliver(
      long t, String node, long wall, long mono, String from, long id, int copy, String msg) {
    begin("deliver", t, node, wall, mono);
    fields.string(EventField.FROM, from);
    fields.number(EventField.ID, id);
    if (copy > 1) {
      fields.number(EventField.COPY, copy);
    }
    fields.string(EventField.MSG, msg);
    finish();
  }

  public void drop(
      long t,
      String node,
      long wall,
      long mono,
      String from,
      String to,
      long id,
      String msg,
      String reason) {
    begin("drop", t, node, wall, mono);
    fields.string(EventField.FROM, from);
    fields.string(EventField.TO, to);
    fields.number(EventField.ID, id);
    fields.string(EventField.MSG, msg);
    fields.string(EventField.REASON, reason);
    finish();
  }

  /** {@code dueNanos} is written ({@code dueT}) only when the timer fired late, after a pause. */
  public void timer(long t, String node, long wall, long mono, String timer, long dueNanos) {
    begin("timer", t, node, wall, mono);
    fields.string(EventField.TIMER, timer);
    if (dueNanos < t) {
      fields.number(EventField.DUE_T, dueNanos);
    }
    finish();
  }

  public void state(long t, String node, long wall, long mono, Object state) {
    begin("state", t, node, wall, mono);
    fields.value(EventField.STATE, state);
    finish();
  }

  /**
   * A protocol's record: {@code fields} (a record, a sorted map or a JSON object) join the line.
   */
  public void record(long t, String node, long wall, long mono, String type, Object recorded) {
    begin(type, t, node, wall, mono);
    fields.fieldsOf(type, recorded);
    finish();
  }

  public void note(long t, String node, long wall, long mono, String text) {
    begin("note", t, node, wall, mono);
    fields.string(EventField.TEXT, text);
    finish();
  }

  public void crash(
      long t,
      String node,
      long wall,
      long mono,
      boolean loseUnsyncedWrites,
      int lostWrites,
      int droppedWhilePaused) {
    begin("crash", t, node, wall, mono);
    fields.bool(EventField.LOSE_UNSYNCED_WRITES, loseUnsyncedWrites);
    fields.number(EventField.LOST_WRITES, lostWrites);
    if (droppedWhilePaused > 0) {
      fields.number(EventField.DROPPED_WHILE_PAUSED, droppedWhilePaused);
    }
    finish();
  }

  public void pause(long t, String node, long wall, long mono, long durationNanos) {
    begin("pause", t, node, wall, mono);
    fields.number(EventField.DURATION_NANOS, durationNanos);
    finish();
  }

  public void resume(long t, String node, long wall, long mono, int deferred) {
    begin("resume", t, node, wall, mono);
    fields.number(EventField.DEFERRED, deferred);
    finish();
  }

  /** {@code change} is {@code offset}, {@code drift} or {@code jump}. */
  public void clock(long t, String node, long wall, long mono, String change, long value) {
    begin("clock", t, node, wall, mono);
    fields.string(EventField.CHANGE, change);
    fields.number(clockValueField(change), value);
    finish();
  }

  /** The field a clock change's value is written in. */
  static String clockField(String change) {
    return clockValueField(change).text;
  }

  private static EventField clockValueField(String change) {
    return switch (change) {
      case "offset" -> EventField.OFFSET_NANOS;
      case "drift" -> EventField.DRIFT_PPB;
      case "jump" -> EventField.DELTA_NANOS;
      default -> throw new IllegalArgumentException("unknown clock change " + change);
    };
  }

  public void partition(long t, List<? extends List<String>> groups) {
    begin("partition", t, null, 0, 0);
    fields.groups(EventField.GROUPS, groups);
    finish();
  }

  public void heal(long t) {
    begin("heal", t, null, 0, 0);
    finish();
  }

  public void block(long t, String from, String to) {
    linkCut("block", t, from, to);
  }

  public void unblock(long t, String from, String to) {
    linkCut("unblock", t, from, to);
  }

  private void linkCut(String type, long t, String from, String to) {
    begin(type, t, null, 0, 0);
    fields.string(EventField.FROM, from);
    fields.string(EventField.TO, to);
    finish();
  }

  /** Each of {@code latency} to {@code fifo} is written only when not null. */
  public void link(
      long t,
      String from,
      String to,
      Object latency,
      String loss,
      String duplicate,
      String reorder,
      Boolean fifo) {
    begin("link", t, null, 0, 0);
    fields.string(EventField.FROM, from);
    fields.string(EventField.TO, to);
    if (latency != null) {
      fields.value(EventField.LATENCY, latency);
    }
    optional(EventField.LOSS, loss);
    optional(EventField.DUPLICATE, duplicate);
    optional(EventField.REORDER, reorder);
    if (fifo != null) {
      fields.bool(EventField.FIFO, fifo);
    }
    finish();
  }

  private void optional(EventField name, String value) {
    if (value != null) {
      fields.string(name, value);
    }
  }

  /** A violation; {@code node} may be null. Returns the event's sequence number. */
  public long violation(
      long t, String node, long wall, long mono, String invariant, String message) {
    begin("violation", t, node, wall, mono);
    fields.string(EventField.INVARIANT, invariant);
    fields.string(EventField.MESSAGE, message);
    return finish();
  }

  public void halt(long t, String reason) {
    begin("halt", t, null, 0, 0);
    fields.string(EventField.REASON, reason);
    finish();
  }

  /** Writes a record read back, through its type's method. */
  public void write(TraceEvent event) {
    event.writeTo(this);
  }

  /**
   * Ends the fingerprint, writes the end line (with the SHA-256 of the file's bytes before it, when
   * the lines are kept) and closes the sink. Returns the fingerprint, as lowercase hex.
   */
  public String end() {
    Check.state(headerWritten && !ended, "the end is written once, after the header");
    fingerprint = fields.fingerprint();
    ended = true;
    if (fields.writesJson()) {
      hashLines();
      fileSha256 = HexFormat.of().formatHex(fileDigest.digest());
      fields.open();
      fields.jsonString("type", "end");
      fields.jsonNumber("events", sequence);
      fields.jsonString("fingerprint", fingerprint);
      fields.jsonString("fileSha256", fileSha256);
      fields.close();
      sink.accept(fields.array(), fields.lineStart(), fields.lineLength());
    }
    sink.close();
    return fingerprint;
  }

  public long eventsWritten() {
    return sequence;
  }

  public boolean isEnded() {
    return ended;
  }

  /** The run's fingerprint, known once {@link #end()} was called. */
  public String fingerprint() {
    Check.state(ended, "the fingerprint is known at the end");
    return fingerprint;
  }

  /** The SHA-256 of the file before its end line; null when no line was kept. */
  public String fileSha256() {
    Check.state(ended, "the file's hash is known at the end");
    return fileSha256;
  }

  /** Bytes of canonical encoding the fingerprint hashed, for measurements. */
  public long bytesFingerprinted() {
    return fields.bytesEncoded();
  }

  /**
   * Starts an event: {@code seq}, {@code t}, {@code type}, then {@code node} and the node's clock
   * readings when {@code node} is not null.
   */
  private void begin(String type, long t, String node, long wall, long mono) {
    Check.state(headerWritten && !ended, "events go between the header and the end");
    fields.openEvent(++sequence, t, type, node, wall, mono);
  }

  /** Ends the event {@link #begin} started; returns its sequence number. */
  private long finish() {
    fields.close();
    emit();
    return sequence;
  }

  /** Passes the line on to the sink; hashes the lines so far once they fill a block. */
  private void emit() {
    if (!fields.writesJson()) {
      return;
    }
    sink.accept(fields.array(), fields.lineStart(), fields.lineLength());
    if (fields.linesLength() >= HASHED_BLOCK_BYTES) {
      hashLines();
    }
  }

  private void hashLines() {
    fileDigest.update(fields.array(), 0, fields.linesLength());
    fields.clearLines();
  }
}
