package faultline.engine.trace;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The canonical binary encoding of a trace's content, and the run fingerprint: the SHA-256 of that
 * encoding. Every value of the JSON data model has one encoding, a tag byte and then:
 *
 * <ul>
 *   <li>{@code 0} null, {@code 1} false, {@code 2} true: nothing more;
 *   <li>{@code 3} an integer that fits a signed 64-bit long: its zigzag varint;
 *   <li>{@code 4} a string: its UTF-8 byte count as a varint, then the bytes;
 *   <li>{@code 5} any other number: the text a JSON writer gives it, as a string is encoded;
 *   <li>{@code 6} an object: each member's name and value, in order, then {@code 7}. A name is
 *       written once in full, as {@code varint(byteCount << 1)} and its UTF-8 bytes, which gives it
 *       the next number from 0; afterwards as {@code varint(number << 1 | 1)}. Names are numbered
 *       in order of first use, so the numbers follow from the content alone (up to {@value
 *       #NAMES_MAX} names of at most {@value #NAME_CHARS_MAX} characters; others are always written
 *       in full);
 *   <li>{@code 8} an array: each element, then {@code 7}.
 * </ul>
 *
 * <p>A trace line is one object; the header counts without its {@code type}, {@code format} and
 * {@code version} (so that a trace of format version 1 and its replay in version 2 have one
 * fingerprint), and the end line not at all. The same content, read from a JSON file or met as Java
 * values in a run, gives the same bytes, so a fingerprint can be recomputed from a trace file.
 * Bytes are hashed in blocks of up to {@value #BLOCK_BYTES} bytes (small enough to stay in the
 * first-level cache between being written and hashed); nothing is allocated per value.
 *
 * <p>A run writes a hundred million bytes here, two or three at a time, so the writes are made
 * cheap: room is reserved once per field (a name's code, a tag and a value together), and once for
 * the members every event starts with, which are written at a position held in a local variable.
 */
final class CanonicalEncoder {
  static final int NULL = 0;
  static final int FALSE = 1;
  static final int TRUE = 2;
  static final int INTEGER = 3;
  static final int STRING = 4;
  static final int NUMBER_TEXT = 5;
  static final int OBJECT = 6;
  static final int END = 7;
  static final int ARRAY = 8;

  static final int NAMES_MAX = 4096;
  static final int NAME_CHARS_MAX = 64;

  /** The buffer's size: the digest is fed a full buffer at a time, not a line at a time. */
  static final int BLOCK_BYTES = 8 << 10;

  /**
   * The room one field of fixed size may need: a name's code (at most 5 bytes), a tag and a varint
   * (at most 10).
   */
  private static final int FIELD_BYTES = 16;

  // Member names by number, in an open-addressing table on the names' own (cached) hash codes.
  // Writers pass the same String objects every time (constants, record component names), so the
  // first probe nearly always finds the very object; names read from a file are found by value.
  private final String[] names = new String[NAMES_MAX * 2];
  private final int[] numbers = new int[NAMES_MAX * 2];
  private int namesNumbered;

  // The codes ({@code number << 1 | 1}) of the trace writer's own names, by constant: a name
  // found by index instead of by its text. 0 while a name has no number yet (or never will).
  private final int[] eventFieldCodes = new int[EventField.COUNT];

  // The same for each record shape's component names, by shape and the component's position (see
  // componentCodes): a payload's member names without a hash lookup of their text each.
  private final ComponentCodeTable componentCodes = new ComponentCodeTable();

  private static final int CACHED_STRINGS = 512;
  private static final int CACHED_CHARS_MAX = 64;
  private final String[] cachedStrings = new String[CACHED_STRINGS];
  private final byte[] cachedEncodings = new byte[CACHED_STRINGS * CACHED_CHARS_MAX];

  private final MessageDigest digest;
  private byte[] bytes = new byte[BLOCK_BYTES];
  private int length;
  private long total;

  CanonicalEncoder() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-256", e);
    }
  }

  /** The fingerprint of everything encoded so far, as lowercase hex; ends the encoding. */
  String fingerprint() {
    flush();
    return HexFormat.of().formatHex(digest.digest());
  }

  /** How many bytes were encoded, for measurements. */
  long bytesEncoded() {
    return total + length;
  }

  void tag(int tag) {
    ensure(1);
    bytes[length++] = (byte) tag;
  }

  void nullValue() {
    tag(NULL);
  }

  void bool(boolean value) {
    tag(value ? TRUE : FALSE);
  }

  void integer(long value) {
    ensure(FIELD_BYTES);
    byte[] out = bytes;
    int at = length;
    out[at] = INTEGER;
    length = putVarint(out, at + 1, zigzag(value));
  }

  /**
   * A member of the trace writer's own: its name, then an integer, with room reserved once. Writes
   * what {@code name(field)} and {@code integer(value)} write.
   */
  void integerField(EventField field, long value) {
    integerMember(eventFieldCodes, field.ordinal(), field.text, value);
  }

  /**
   * The codes of one record shape's component names, indexed by component, for {@link #name(int[],
   * int, String)} and {@link #integerMember}: kept by this encoder, since a name's number depends
   * on the run.
   */
  int[] componentCodes(CanonicalValues.Shape shape) {
    return componentCodes.codesOf(shape);
  }

  /**
   * A member named {@code name} whose code is kept at {@code codes[index]}, and an integer: what
   * {@code name(codes, index, name)} and {@code integer(value)} write, with room reserved once.
   */
  void integerMember(int[] codes, int index, String name, long value) {
    int code = codes[index];
    if (code == 0) {
      name(codes, index, name);
      integer(value);
      return;
    }
    ensure(FIELD_BYTES);
    length = putIntegerMember(bytes, length, code, value);
  }

  /** As {@code name(field)} and {@code string(value)} write them, with room reserved once. */
  void stringField(EventField field, String value) {
    int code = eventFieldCodes[field.ordinal()];
    if (code == 0) {
      name(field);
      string(value);
      return;
    }
    ensure(value.length() + FIELD_BYTES);
    stringAt(putVarint(bytes, length, code), value);
  }

  /**
   * Opens an event's object and writes the members every event starts with: what {@code
   * startObject()} and then {@code integerField(SEQ, seq)}, {@code integerField(T, t)}, {@code
   * stringField(TYPE, type)} and, when {@code node} is not null, {@code stringField(NODE, node)},
   * {@code integerField(WALL, wall)}, {@code integerField(MONO, mono)} write, with room reserved
   * once and the position kept in a local variable throughout. Until each of those names has its
   * number (the first lines of a trace), through those calls.
   */
  void eventStart(long seq, long t, String type, String node, long wall, long mono) {
    int[] codes = eventFieldCodes;
    int seqCode = codes[EventField.SEQ.ordinal()];
    int tCode = codes[EventField.T.ordinal()];
    int typeCode = codes[EventField.TYPE.ordinal()];
    int nodeCode = codes[EventField.NODE.ordinal()];
    int wallCode = codes[EventField.WALL.ordinal()];
    int monoCode = codes[EventField.MONO.ordinal()];
    if (seqCode == 0
        || tCode == 0
        || typeCode == 0
        || (node != null && (nodeCode == 0 || wallCode == 0 || monoCode == 0))) {
      eventStartByField(seq, t, type, node, wall, mono);
      return;
    }
    int nodeChars = node == null ? 0 : node.length();
    ensure(1 + 6 * FIELD_BYTES + type.length() + nodeChars);
    byte[] out = bytes;
    int at = length;
    out[at++] = OBJECT;
    at = putIntegerMember(out, at, seqCode, seq);
    at = putIntegerMember(out, at, tCode, t);
    at = putVarint(out, at, typeCode);
    out[at++] = STRING;
    at = putShortAscii(out, at, type);
    if (at < 0) {
      // Through the general way, which may flush or grow the buffer: reserve again after it.
      length = -at;
      textInRoom(type);
      ensure(3 * FIELD_BYTES + nodeChars);
      out = bytes;
      at = length;
    }
    if (node != null) {
      at = putVarint(out, at, nodeCode);
      out[at++] = STRING;
      at = putShortAscii(out, at, node);
      if (at < 0) {
        length = -at;
        textInRoom(node);
        ensure(2 * FIELD_BYTES);
        out = bytes;
        at = length;
      }
      at = putIntegerMember(out, at, wallCode, wall);
      at = putIntegerMember(out, at, monoCode, mono);
    }
    length = at;
  }

  private void eventStartByField(long seq, long t, String type, String node, long wall, long mono) {
    startObject();
    integerField(EventField.SEQ, seq);
    integerField(EventField.T, t);
    stringField(EventField.TYPE, type);
    if (node != null) {
      stringField(EventField.NODE, node);
      integerField(EventField.WALL, wall);
      integerField(EventField.MONO, mono);
    }
  }

  /**
   * A string of fewer than {@value #CACHED_CHARS_MAX} ASCII characters as its length byte and its
   * bytes, at {@code at}; returns the position after it, or {@code -at} for any other string, for
   * {@link #textInRoom}. A run passes the same string objects again and again (event types, node
   * and message names, a command's key), so the bytes of the last string met in each of {@value
   * #CACHED_STRINGS} slots (by its cached hash code) are kept and copied when the very same object
   * comes again, instead of encoding it a character at a time.
   */
  private int putShortAscii(byte[] out, int at, String value) {
    int slot = value.hashCode() & (CACHED_STRINGS - 1);
    int from = slot * CACHED_CHARS_MAX;
    if (cachedStrings[slot] == value) {
      int count = cachedEncodings[from] + 1;
      System.arraycopy(cachedEncodings, from, out, at, count);
      return at + count;
    }
    int chars = value.length();
    if (chars >= CACHED_CHARS_MAX) {
      return -at;
    }
    out[at] = (byte) chars;
    for (int i = 0; i < chars; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        return -at;
      }
      out[at + 1 + i] = (byte) c;
    }
    System.arraycopy(out, at, cachedEncodings, from, chars + 1);
    cachedStrings[slot] = value;
    return at + 1 + chars;
  }

  /**
   * A member whose name has the code {@code code} and whose value is an integer, at {@code at}, in
   * room already reserved ({@code FIELD_BYTES}); returns the position after it.
   */
  private static int putIntegerMember(byte[] out, int at, int code, long value) {
    at = putVarint(out, at, code);
    out[at++] = INTEGER;
    return putVarint(out, at, zigzag(value));
  }

  private static long zigzag(long value) {
    return (value << 1) ^ (value >> 63);
  }

  void string(String value) {
    ensure(value.length() + FIELD_BYTES);
    stringAt(length, value);
  }

  /**
   * A string's tag and encoding at {@code at}, in room reserved for its characters and {@value
   * #FIELD_BYTES} more; the encoding's length then ends after it.
   */
  private void stringAt(int at, String value) {
    bytes[at] = STRING;
    int end = putShortAscii(bytes, at + 1, value);
    if (end < 0) {
      length = -end;
      textInRoom(value);
    } else {
      length = end;
    }
  }

  void numberText(String text) {
    tag(NUMBER_TEXT);
    text(text);
  }

  void startObject() {
    tag(OBJECT);
  }

  void startArray() {
    tag(ARRAY);
  }

  void end() {
    tag(END);
  }

  /**
   * One of the trace writer's own names, found by its constant: written as {@link #name(String)}
   * writes its text, from its code once it has a number.
   */
  void name(EventField field) {
    name(eventFieldCodes, field.ordinal(), field.text);
  }

  /**
   * A name whose code is kept at {@code codes[index]} (0 until it has one): written as {@link
   * #name(String)} writes {@code name}, from the code once the name has a number.
   */
  void name(int[] codes, int index, String name) {
    int code = codes[index];
    if (code != 0) {
      ensure(FIELD_BYTES);
      length = putVarint(bytes, length, code);
      return;
    }
    int number = name(name);
    if (number >= 0) {
      codes[index] = (number << 1) | 1; // Numbers never change.
    }
  }

  /**
   * A member's name: its number once it has one, else its text (numbering it, if it may). Returns
   * the name's number now, or -1 when it has none (and never will: too long, or the table is full).
   */
  int name(String name) {
    int mask = names.length - 1;
    int slot = name.hashCode() & mask;
    while (true) {
      String held = names[slot];
      if (held == null) {
        break;
      }
      if (held == name || held.equals(name)) {
        int number = numbers[slot];
        ensure(FIELD_BYTES);
        length = putVarint(bytes, length, ((long) number << 1) | 1);
        return number;
      }
      slot = (slot + 1) & mask;
    }
    int number = -1;
    if (namesNumbered < NAMES_MAX && name.length() <= NAME_CHARS_MAX) {
      number = namesNumbered++;
      names[slot] = name;
      numbers[slot] = number;
    }
    nameText(name);
    return number;
  }

  /** A name in full: {@code varint(byteCount << 1)}, then its UTF-8 bytes. */
  private void nameText(String name) {
    byte[] encoded = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ensure(encoded.length + FIELD_BYTES);
    varint((long) encoded.length << 1);
    System.arraycopy(encoded, 0, bytes, length, encoded.length);
    length += encoded.length;
  }

  /** A string's UTF-8 length and bytes; ASCII, the common case, without an intermediate array. */
  private void text(String value) {
    ensure(value.length() + FIELD_BYTES);
    textInRoom(value);
  }

  /** {@link #text}, with room for its characters and {@value #FIELD_BYTES} more reserved. */
  private void textInRoom(String value) {
    int chars = value.length();
    byte[] out = bytes;
    int lengthAt = length;
    // Reserve one byte for the length, the common case; move the bytes if it needs more.
    int at = lengthAt + 1;
    for (int i = 0; i < chars; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        utf8(value);
        return;
      }
      out[at++] = (byte) c;
    }
    length = at;
    lengthFixup(lengthAt, chars);
  }

  private void utf8(String value) {
    byte[] encoded = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ensure(encoded.length + FIELD_BYTES);
    varint(encoded.length);
    System.arraycopy(encoded, 0, bytes, length, encoded.length);
    length += encoded.length;
  }

  private void lengthFixup(int lengthAt, int count) {
    if (count < 0x80) {
      bytes[lengthAt] = (byte) count;
      return;
    }
    int extra = varintSize(count) - 1; // At most 4: text() reserved room for them.
    System.arraycopy(bytes, lengthAt + 1, bytes, lengthAt + 1 + extra, count);
    putVarint(bytes, lengthAt, count);
    length += extra;
  }

  private static int varintSize(long value) {
    int size = 1;
    while ((value & ~0x7FL) != 0) {
      value >>>= 7;
      size++;
    }
    return size;
  }

  private void varint(long value) {
    length = putVarint(bytes, length, value);
  }

  /**
   * Writes {@code value} as a varint at {@code at}, where room was reserved; returns the position
   * after it.
   */
  static int putVarint(byte[] out, int at, long value) {
    while ((value & ~0x7FL) != 0) {
      out[at++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out[at++] = (byte) value;
    return at;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      flush();
      if (more > bytes.length) {
        bytes = Arrays.copyOf(bytes, more);
      }
    }
  }

  private void flush() {
    digest.update(bytes, 0, length);
    total += length;
    length = 0;
  }
}
