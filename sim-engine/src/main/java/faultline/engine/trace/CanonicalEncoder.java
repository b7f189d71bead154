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
 * Bytes are hashed in batches of a few kilobytes; nothing is allocated per value.
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

  private static final int FLUSH_AT = 8 << 10;

  // Member names by number, in an open-addressing table on the names' own (cached) hash codes.
  // Writers pass the same String objects every time (constants, record component names), so the
  // first probe nearly always finds the very object; names read from a file are found by value.
  private final String[] names = new String[NAMES_MAX * 2];
  private final int[] numbers = new int[NAMES_MAX * 2];
  private int namesNumbered;

  // The codes ({@code number << 1 | 1}) of the trace writer's own names, by constant: a name
  // found by index instead of by its text. 0 while a name has no number yet (or never will).
  private final int[] eventFieldCodes = new int[EventField.COUNT];

  private final MessageDigest digest;
  private byte[] bytes = new byte[FLUSH_AT + 1024];
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
    ensure(11);
    bytes[length++] = INTEGER;
    varint((value << 1) ^ (value >> 63));
  }

  void string(String value) {
    tag(STRING);
    text(value);
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
    int code = eventFieldCodes[field.ordinal()];
    if (code != 0) {
      ensure(5);
      varint(code);
      return;
    }
    int number = name(field.text);
    if (number >= 0) {
      eventFieldCodes[field.ordinal()] = (number << 1) | 1; // Numbers never change.
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
        ensure(5);
        varint(((long) numbers[slot] << 1) | 1);
        return numbers[slot];
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
    ensure(encoded.length + 10);
    varint((long) encoded.length << 1);
    System.arraycopy(encoded, 0, bytes, length, encoded.length);
    length += encoded.length;
  }

  /** A string's UTF-8 length and bytes; ASCII, the common case, without an intermediate array. */
  private void text(String value) {
    int chars = value.length();
    ensure(chars + 5);
    int lengthAt = length;
    // Reserve one byte for the length, the common case; move the bytes if it needs more.
    length++;
    for (int i = 0; i < chars; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        length = lengthAt;
        utf8(value);
        return;
      }
      bytes[length++] = (byte) c;
    }
    lengthFixup(lengthAt, chars);
  }

  private void utf8(String value) {
    byte[] encoded = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ensure(encoded.length + 5);
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
    int end = length + extra;
    length = lengthAt;
    varint(count);
    length = end;
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
    while ((value & ~0x7FL) != 0) {
      bytes[length++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[length++] = (byte) value;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      flush();
      if (more > bytes.length) {
        bytes = Arrays.copyOf(bytes, more);
      }
    }
  }

  /** Hashes what is buffered; called at line ends once the buffer holds a few kilobytes. */
  void flushIfFull() {
    if (length >= FLUSH_AT) {
      flush();
    }
  }

  private void flush() {
    digest.update(bytes, 0, length);
    total += length;
    length = 0;
  }
}
