package faultline.engine.trace;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JSON Lines written straight into a byte array, each line after the one before until the writer
 * clears them (having passed each line on and hashed them together): the bytes Jackson's generator
 * writes for the same calls, without the generator's per-value bookkeeping. Integers, names and
 * strings of printable ASCII (nearly every string a trace holds) are written here; a string with
 * anything else is written by Jackson ({@link JacksonBytes}), so its escapes and its encoding are
 * Jackson's by construction. A comma goes before a member or an element unless it is the first of
 * its object or array.
 */
final class JsonLine {
  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LONG_MIN =
      Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

  // An event's first members' names, each with what comes before it: see eventStart.
  private static final byte[] EVENT_OPEN = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] T_MEMBER = ",\"t\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TYPE_MEMBER = ",\"type\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NODE_MEMBER = ",\"node\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WALL_MEMBER = ",\"wall\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MONO_MEMBER = ",\"mono\":".getBytes(StandardCharsets.US_ASCII);

  /** Room for an event's first members but its two strings: six names and four integers. */
  private static final int EVENT_START_BYTES = 6 * 8 + 4 * 20;

  /** 10^0 to 10^18: the smallest number of each digit count. */
  private static final long[] POWERS_OF_TEN = new long[19];

  /** The two digits of every number below 100, tens then ones. */
  private static final byte[] DIGIT_PAIRS = new byte[200];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
    for (int i = 0; i < 100; i++) {
      DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
      DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  private static final int CACHED_STRINGS = 512;
  private static final int CACHED_CHARS_MAX = 64;
  private static final int CACHED_BYTES = 2 * CACHED_CHARS_MAX; // Quotes and escapes included.
  private final String[] cachedStrings = new String[CACHED_STRINGS];
  private final int[] cachedLengths = new int[CACHED_STRINGS];
  private final byte[] cachedQuoted = new byte[CACHED_STRINGS * CACHED_BYTES];

  private final JacksonBytes jackson;
  private byte[] bytes = new byte[1024];
  private int length;
  private int lineStart; // Where the line being written starts.
  private int linesEnd; // Where the last complete line ends.
  private boolean valueBefore; // The next member or element follows another: a comma first.

  // The last integer written and its digits: a node's event writes its time three times (t, wall
  // and mono are equal unless its clock is skewed), and a message is mostly sent at the time of the
  // line before, so the digits are copied more often than they are formatted.
  private long lastNumber;
  private final byte[] lastDigits = new byte[20];
  private int lastDigitsLength;

  // A line's sequence number, one more than the line before's: its digits are counted up in place
  // rather than formatted, and kept apart from the last integer above, which is then still the
  // previous line's time when this line's comes (the Raft workload's lines share the time of the
  // line before more than half the time, and were formatting it anew after the sequence number).
  private long lastSequence = -1; // None yet.
  private final byte[] sequenceDigits = new byte[20];
  private int sequenceDigitsLength;

  JsonLine(JacksonBytes jackson) {
    this.jackson = jackson;
  }

  /** Starts a line after the last complete one, dropping what a line that failed half way wrote. */
  void startLine() {
    lineStart = linesEnd;
    length = linesEnd;
    valueBefore = false;
  }

  /** Ends the line: its newline. */
  void endLine() {
    ensure(1);
    bytes[length++] = '\n';
    linesEnd = length;
  }

  /**
   * The array holding the lines: the line is {@link #lineLength()} bytes at {@link #lineStart()}.
   */
  byte[] array() {
    return bytes;
  }

  int lineStart() {
    return lineStart;
  }

  int lineLength() {
    return length - lineStart;
  }

  /** How many bytes the complete lines take, from the start of the array. */
  int linesLength() {
    return linesEnd;
  }

  /** Forgets every line: the next starts at the beginning of the array. */
  void clearLines() {
    lineStart = 0;
    length = 0;
    linesEnd = 0;
  }

  /**
   * Opens an event's object, at the start of a line, and writes the members every event starts
   * with: what {@code startObject()}, then {@code seq} and {@link #sequenceNumber}, {@code t} and
   * {@link #number}, {@code type} and {@link #string} and, when {@code node} is not null, {@code
   * node}, {@code wall} and {@code mono} the same way write, with room reserved once and the
   * position kept in a local variable throughout. A string not met before goes through {@link
   * #string}, which keeps its bytes for the next time.
   */
  void eventStart(long seq, long t, String type, String node, long wall, long mono) {
    ensure(EVENT_START_BYTES + 2 * CACHED_BYTES);
    byte[] out = bytes;
    int at = put(out, length, EVENT_OPEN);
    at = putSequenceNumber(out, at, seq);
    at = put(out, at, T_MEMBER);
    at = putNumber(out, at, t);
    at = put(out, at, TYPE_MEMBER);
    at = putMemberString(out, at, type, EVENT_START_BYTES + CACHED_BYTES);
    out = bytes; // The general way may have grown the array.
    if (node != null) {
      at = put(out, at, NODE_MEMBER);
      at = putMemberString(out, at, node, EVENT_START_BYTES);
      out = bytes;
      at = put(out, at, WALL_MEMBER);
      at = putNumber(out, at, wall);
      at = put(out, at, MONO_MEMBER);
      at = putNumber(out, at, mono);
    }
    length = at;
    valueBefore = true;
  }

  /**
   * A member's string value at {@code at}, right after its name: its kept bytes when {@code text}
   * was met before, else through {@link #string}, which keeps them for the next time and may grow
   * the array (read {@code bytes} again after this), and then room for {@code roomAfter} more bytes
   * is reserved again. Returns the position after the value.
   */
  private int putMemberString(byte[] out, int at, String text, int roomAfter) {
    int end = putCachedString(out, at, text);
    if (end >= 0) {
      return end;
    }
    length = at;
    valueBefore = false; // After a name.
    string(text);
    ensure(roomAfter);
    return length;
  }

  /** Puts a constant's bytes at {@code at}; returns the position after them. */
  private static int put(byte[] out, int at, byte[] constant) {
    System.arraycopy(constant, 0, out, at, constant.length);
    return at + constant.length;
  }

  void startObject() {
    separate(1);
    bytes[length++] = '{';
    valueBefore = false;
  }

  void endObject() {
    ensure(1);
    bytes[length++] = '}';
    valueBefore = true;
  }

  void startArray() {
    separate(1);
    bytes[length++] = '[';
    valueBefore = false;
  }

  void endArray() {
    ensure(1);
    bytes[length++] = ']';
    valueBefore = true;
  }

  /**
   * A member name as Jackson writes it from a {@link SerializedString}, quoted and followed by its
   * colon, for {@link #name(byte[])}: encoded once, for a name written on many lines.
   */
  static byte[] member(String name) {
    byte[] quoted = new SerializedString(name).asQuotedUTF8();
    byte[] member = new byte[quoted.length + 3];
    member[0] = '"';
    System.arraycopy(quoted, 0, member, 1, quoted.length);
    member[quoted.length + 1] = '"';
    member[quoted.length + 2] = ':';
    return member;
  }

  /**
   * A member name given with its quotes and colon ({@link #member}), as {@link EventField} and a
   * record's shape keep each.
   */
  void name(byte[] quotedWithColon) {
    separate(quotedWithColon.length);
    System.arraycopy(quotedWithColon, 0, bytes, length, quotedWithColon.length);
    length += quotedWithColon.length;
    valueBefore = false;
  }

  /** A member name: written here when plain, by Jackson when it needs escapes. */
  void name(String name) {
    if (!plain(name, 1)) {
      raw(jackson.name(name));
      ensure(1);
    }
    bytes[length++] = ':';
    valueBefore = false;
  }

  /**
   * A string value. A run passes the same string objects again and again (event types, node and
   * message names), so the quoted bytes of the last plain string of under {@value
   * #CACHED_CHARS_MAX} characters met in each of {@value #CACHED_STRINGS} slots (by its cached hash
   * code) are kept and copied when the very same object comes again.
   */
  void string(String text) {
    int slot = text.hashCode() & (CACHED_STRINGS - 1);
    int from = slot * CACHED_BYTES;
    if (cachedStrings[slot] == text) {
      separate(cachedLengths[slot]);
      length = putCachedString(bytes, length, text);
      valueBefore = true;
      return;
    }
    boolean comma = valueBefore;
    int before = length;
    if (!plain(text, 0)) {
      raw(jackson.string(text));
    } else if (text.length() < CACHED_CHARS_MAX) {
      int start = comma ? before + 1 : before;
      int count = length - start; // At most 2 + 2 * (CACHED_CHARS_MAX - 1): fits its slot.
      System.arraycopy(bytes, start, cachedQuoted, from, count);
      cachedLengths[slot] = count;
      cachedStrings[slot] = text;
    }
    valueBefore = true;
  }

  /**
   * Puts the quoted bytes kept for {@code text} at {@code at}, in room reserved for them, when they
   * are kept for that very object; returns the position after them, or -1, having put nothing.
   */
  private int putCachedString(byte[] out, int at, String text) {
    int slot = text.hashCode() & (CACHED_STRINGS - 1);
    if (cachedStrings[slot] != text) {
      return -1;
    }
    int count = cachedLengths[slot];
    System.arraycopy(cachedQuoted, slot * CACHED_BYTES, out, at, count);
    return at + count;
  }

  /**
   * Writes {@code text} quoted, followed by room for {@code spare} more bytes, when every character
   * is printable ASCII (a quote or a backslash escaped by a backslash, as Jackson escapes them);
   * returns false, having written nothing, when one is not (Jackson then writes it).
   */
  private boolean plain(String text, int spare) {
    int count = text.length();
    separate(2 * count + 2 + spare);
    byte[] out = bytes;
    int at = length;
    out[at++] = '"';
    for (int i = 0; i < count; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c >= 0x7F) {
        return false;
      }
      if (c == '"' || c == '\\') {
        out[at++] = '\\';
      }
      out[at++] = (byte) c;
    }
    out[at++] = '"';
    length = at;
    return true;
  }

  void number(long value) {
    separate(20);
    length = putNumber(bytes, length, value);
    valueBefore = true;
  }

  /** Puts the digits of {@code value} at {@code at}, in room reserved; returns the end. */
  private int putNumber(byte[] out, int at, long value) {
    if (value != lastNumber || lastDigitsLength == 0) {
      lastNumber = value;
      lastDigitsLength = writeDigits(value, lastDigits, 0);
    }
    System.arraycopy(lastDigits, 0, out, at, lastDigitsLength);
    return at + lastDigitsLength;
  }

  /**
   * A line's sequence number: written as {@link #number} writes it, without touching the integer
   * that {@code number} remembers.
   */
  void sequenceNumber(long value) {
    separate(20);
    length = putSequenceNumber(bytes, length, value);
    valueBefore = true;
  }

  /** Puts the digits of the sequence number {@code value} at {@code at}; returns the end. */
  private int putSequenceNumber(byte[] out, int at, long value) {
    if (value > 0 && value - 1 == lastSequence) {
      countUpSequenceDigits();
    } else {
      sequenceDigitsLength = writeDigits(value, sequenceDigits, 0);
    }
    lastSequence = value;
    System.arraycopy(sequenceDigits, 0, out, at, sequenceDigitsLength);
    return at + sequenceDigitsLength;
  }

  /** Adds one to the sequence number's digits, which hold a number of at least 0. */
  private void countUpSequenceDigits() {
    int at = sequenceDigitsLength - 1;
    while (at >= 0 && sequenceDigits[at] == '9') {
      sequenceDigits[at--] = '0';
    }
    if (at >= 0) {
      sequenceDigits[at]++;
      return;
    }
    // All nines: one digit more, a 1 followed by the zeros.
    sequenceDigits[sequenceDigitsLength++] = '0';
    sequenceDigits[0] = '1';
  }

  void bool(boolean value) {
    raw(value ? TRUE : FALSE);
  }

  void nullValue() {
    raw(NULL);
  }

  /** A whole value (or a member name and its colon) as Jackson wrote it. */
  void raw(byte[] value) {
    raw(value, 0, value.length);
  }

  void raw(byte[] value, int offset, int count) {
    separate(count);
    System.arraycopy(value, offset, bytes, length, count);
    length += count;
    valueBefore = true;
  }

  /**
   * Members written by Jackson inside an object of its own ({@code "a":1,"b":2}, no braces), joined
   * to the object being written; nothing when there are none.
   */
  void members(byte[] members, int offset, int count) {
    if (count > 0) {
      raw(members, offset, count);
    }
  }

  /** Writes the decimal digits of {@code value} at {@code at}; returns how many bytes they took. */
  static int writeDigits(long value, byte[] out, int at) {
    if (value == Long.MIN_VALUE) {
      System.arraycopy(LONG_MIN, 0, out, at, LONG_MIN.length);
      return LONG_MIN.length;
    }
    int start = at;
    if (value < 0) {
      out[at++] = '-';
      value = -value;
    }
    int digits = digitCount(value);
    int end = at + digits;
    int position = end;
    while (value >= Integer.MAX_VALUE) {
      long quotient = value / 100;
      int pair = (int) (value - quotient * 100);
      position -= 2;
      out[position] = DIGIT_PAIRS[2 * pair];
      out[position + 1] = DIGIT_PAIRS[2 * pair + 1];
      value = quotient;
    }
    int small = (int) value;
    while (small >= 100) {
      int quotient = small / 100;
      int pair = small - quotient * 100;
      position -= 2;
      out[position] = DIGIT_PAIRS[2 * pair];
      out[position + 1] = DIGIT_PAIRS[2 * pair + 1];
      small = quotient;
    }
    if (small >= 10) {
      out[at] = DIGIT_PAIRS[2 * small];
      out[at + 1] = DIGIT_PAIRS[2 * small + 1];
    } else {
      out[at] = (byte) ('0' + small);
    }
    return end - start;
  }

  /** The number of decimal digits of {@code value}, which is not negative. */
  private static int digitCount(long value) {
    if (value < 10) {
      return 1;
    }
    // log10 from log2 (1233 / 4096 is just above log10(2)), corrected by one comparison.
    int guess = ((64 - Long.numberOfLeadingZeros(value)) * 1233) >>> 12;
    return guess < POWERS_OF_TEN.length && value >= POWERS_OF_TEN[guess] ? guess + 1 : guess;
  }

  /** Makes room for a comma when one is due and {@code more} bytes, then writes the comma. */
  private void separate(int more) {
    ensure(more + 1);
    if (valueBefore) {
      bytes[length++] = ',';
      valueBefore = false;
    }
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }

  /**
   * Writes through Jackson what this line does not write itself, each value on its own at the root
   * of a generator kept for the whole trace: the bytes Jackson gives for it there are the bytes it
   * gives inside a line.
   */
  static final class JacksonBytes {
    private final LineBuffer buffer = new LineBuffer();
    private JsonGenerator generator;

    /** Jackson's bytes for a string value, quotes included. */
    byte[] string(String text) {
      return write(json -> json.writeString(text));
    }

    /** Jackson's bytes for a member name, quotes included, without the colon. */
    byte[] name(String name) {
      byte[] member =
          write(
              json -> {
                json.writeStartObject();
                json.writeFieldName(name);
                json.writeNull();
                json.writeEndObject();
              });
      // {"name":null} less the brace before and the colon, null and brace after.
      return Arrays.copyOfRange(member, 1, member.length - ":null}".length());
    }

    /** What {@code writes} writes, as bytes; an exception leaves a fresh generator for the next. */
    byte[] write(Writes writes) {
      try {
        JsonGenerator json = generator();
        writes.write(json);
        json.flush();
        return Arrays.copyOf(buffer.array(), buffer.length());
      } catch (IOException e) {
        generator = null;
        throw new UncheckedIOException("encoding a trace line in memory failed", e);
      } catch (RuntimeException | Error e) {
        generator = null;
        throw e;
      }
    }

    private JsonGenerator generator() throws IOException {
      buffer.reset();
      if (generator == null) {
        generator = FieldWriter.MAPPER.getFactory().createGenerator(buffer, JsonEncoding.UTF8);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        generator.setRootValueSeparator(null); // Values are joined to a line, not separated.
      }
      return generator;
    }

    /** Writes one value through a generator. */
    @FunctionalInterface
    interface Writes {
      void write(JsonGenerator json) throws IOException;
    }
  }
}
