package faultline.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.trace.CanonicalValues.Kind;
import faultline.engine.trace.CanonicalValues.Shape;
import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The encoder's fast paths (room reserved once per field, an event's first members written at once,
 * strings met again copied from the bytes kept for the same object, blocks hashed as the buffer
 * fills) write exactly the bytes the format describes: random sequences of writes go through the
 * encoder and through a plain writer of the format, byte by byte, and give one fingerprint.
 *
 * <p>The writes: integers from the whole range of longs and near every varint length's edges,
 * strings of ASCII, Latin-1, the BMP, surrogate pairs and lone surrogates, some longer than 127
 * bytes (a length of two bytes or more) and some longer than the encoder's block, the same string
 * objects again and again and equal strings that are other objects, names by text and by the trace
 * writer's constants and by a record shape's component (numbered in order of first use, a name
 * longer than 64 characters never), integer members by constant and by component, the members every
 * event starts with, booleans, nulls, objects and arrays.
 */
class CanonicalEncoderProperties {
  sealed interface Write {}

  record IntegerValue(long value) implements Write {}

  record StringValue(String value) implements Write {}

  record NameText(String name) implements Write {}

  record NameConstant(EventField field) implements Write {}

  record IntegerField(EventField field, long value) implements Write {}

  record StringField(EventField field, String value) implements Write {}

  record ComponentName(int shape, int component) implements Write {}

  record IntegerComponent(int shape, int component, long value) implements Write {}

  record Tag(int tag) implements Write {}

  record EventStart(long seq, long t, String type, String node, long wall, long mono)
      implements Write {}

  @Property(tries = 300)
  void theEncoderWritesWhatTheFormatSays(@ForAll("writes") List<Write> writes) {
    CanonicalEncoder encoder = new CanonicalEncoder();
    PlainEncoder plain = new PlainEncoder();
    for (Write write : writes) {
      switch (write) {
        case IntegerValue(long value) -> {
          encoder.integer(value);
          plain.integer(value);
        }
        case StringValue(String value) -> {
          encoder.string(value);
          plain.string(value);
        }
        case NameText(String name) -> {
          encoder.name(name);
          plain.name(name);
        }
        case NameConstant(EventField field) -> {
          encoder.name(field);
          plain.name(field.text);
        }
        case IntegerField(EventField field, long value) -> {
          encoder.integerField(field, value);
          plain.name(field.text);
          plain.integer(value);
        }
        case StringField(EventField field, String value) -> {
          encoder.stringField(field, value);
          plain.name(field.text);
          plain.string(value);
        }
        case EventStart(long seq, long t, String type, String node, long wall, long mono) -> {
          encoder.eventStart(seq, t, type, node, wall, mono);
          plain.bytes.write(CanonicalEncoder.OBJECT);
          plain.name("seq");
          plain.integer(seq);
          plain.name("t");
          plain.integer(t);
          plain.name("type");
          plain.string(type);
          if (node != null) {
            plain.name("node");
            plain.string(node);
            plain.name("wall");
            plain.integer(wall);
            plain.name("mono");
            plain.integer(mono);
          }
        }
        case ComponentName(int shape, int component) -> {
          String name = SHAPES.get(shape).names()[component];
          encoder.name(encoder.componentCodes(SHAPES.get(shape)), component, name);
          plain.name(name);
        }
        case IntegerComponent(int shape, int component, long value) -> {
          String name = SHAPES.get(shape).names()[component];
          int[] codes = encoder.componentCodes(SHAPES.get(shape));
          encoder.integerMember(codes, component, name, value);
          plain.name(name);
          plain.integer(value);
        }
        case Tag(int tag) -> {
          switch (tag) {
            case CanonicalEncoder.NULL -> encoder.nullValue();
            case CanonicalEncoder.FALSE -> encoder.bool(false);
            case CanonicalEncoder.TRUE -> encoder.bool(true);
            case CanonicalEncoder.OBJECT -> encoder.startObject();
            case CanonicalEncoder.ARRAY -> encoder.startArray();
            default -> encoder.end();
          }
          plain.bytes.write(tag);
        }
      }
    }
    assertThat(encoder.bytesEncoded()).isEqualTo(plain.bytes.size());
    assertThat(encoder.fingerprint()).isEqualTo(plain.fingerprint());
  }

  @Provide
  Arbitrary<List<Write>> writes() {
    Arbitrary<EventField> fields = Arbitraries.of(EventField.class);
    Arbitrary<Write> write =
        Arbitraries.frequencyOf(
            Tuple.of(6, integers().map(IntegerValue::new)),
            Tuple.of(4, strings().map(StringValue::new)),
            Tuple.of(3, names().map(NameText::new)),
            Tuple.of(3, fields.map(NameConstant::new)),
            Tuple.of(6, Combinators.combine(fields, integers()).as(IntegerField::new)),
            Tuple.of(4, Combinators.combine(fields, strings()).as(StringField::new)),
            Tuple.of(4, eventStarts()),
            Tuple.of(3, components().map(c -> new ComponentName(c.get1(), c.get2()))),
            Tuple.of(
                4,
                Combinators.combine(components(), integers())
                    .as((c, value) -> new IntegerComponent(c.get1(), c.get2(), value))),
            Tuple.of(
                3,
                Arbitraries.of(
                        CanonicalEncoder.NULL,
                        CanonicalEncoder.FALSE,
                        CanonicalEncoder.TRUE,
                        CanonicalEncoder.OBJECT,
                        CanonicalEncoder.END,
                        CanonicalEncoder.ARRAY)
                    .map(Tag::new)));
    return write.list().ofMinSize(0).ofMaxSize(3_000);
  }

  /**
   * Record shapes (their hashes chosen so that two collide in the encoder's table): their component
   * names, some shared with other shapes or with the trace writer's own, one too long to be
   * numbered.
   */
  private static final List<Shape> SHAPES =
      List.of(
          shape(0, "term", "leader", "entries"),
          shape(1, "term", "seq", "é", "a".repeat(65)),
          shape(1, "client", "key", "value", "type"),
          shape(200, "t", "round"));

  static Shape shape(int hash, String... names) {
    return new Shape(hash, names, new byte[0][], new Kind[0], new MethodHandle[0]);
  }

  /** A shape's place in {@link #SHAPES} and one of its components. */
  private static Arbitrary<Tuple.Tuple2<Integer, Integer>> components() {
    return Arbitraries.integers()
        .between(0, SHAPES.size() - 1)
        .flatMap(
            shape ->
                Arbitraries.integers()
                    .between(0, SHAPES.get(shape).names().length - 1)
                    .map(component -> Tuple.of(shape, component)));
  }

  /** The members every event starts with; a node's event also has a node and its clocks. */
  private static Arbitrary<Write> eventStarts() {
    return Combinators.combine(
            integers(),
            integers(),
            strings(),
            Arbitraries.oneOf(strings(), Arbitraries.just(null)),
            integers(),
            integers())
        .as(EventStart::new);
  }

  /** Every varint length's edges, small values (most of a run's), and the whole range. */
  private static Arbitrary<Long> integers() {
    Arbitrary<Long> edges =
        Arbitraries.integers()
            .between(0, 63)
            .flatMap(
                bits ->
                    Arbitraries.of(
                        1L << bits, (1L << bits) - 1, -(1L << bits), ~(1L << bits), 0L, -1L));
    return Arbitraries.oneOf(
        edges, Arbitraries.longs().between(-300, 300), Arbitraries.longs(), Arbitraries.longs());
  }

  private static Arbitrary<String> strings() {
    Arbitrary<Character> ascii = Arbitraries.chars().range((char) 0, (char) 0x7F);
    Arbitrary<Character> anyChar =
        Arbitraries.frequencyOf(
            Tuple.of(8, ascii),
            Tuple.of(1, Arbitraries.chars().range((char) 0x80, (char) 0xFF)),
            Tuple.of(1, Arbitraries.chars().range((char) 0x100, (char) 0xD7FF)),
            Tuple.of(1, Arbitraries.chars().range((char) 0xD800, (char) 0xDFFF)),
            Tuple.of(1, Arbitraries.chars().range((char) 0xE000, (char) 0xFFFF)));
    Arbitrary<String> plain = Arbitraries.strings().ascii().ofMaxLength(40);
    Arbitrary<String> mixed =
        anyChar.list().ofMaxSize(300).map(CanonicalEncoderProperties::stringOf);
    Arbitrary<String> longText =
        Arbitraries.integers()
            .between(100, CanonicalEncoder.BLOCK_BYTES + 5_000)
            .map(length -> "x".repeat(length));
    // The same objects again and again, as a run passes them (the encoder keeps their bytes by
    // identity), and equal strings that are other objects.
    Arbitrary<String> again =
        Arbitraries.oneOf(
            Arbitraries.of(SAME_OBJECTS), Arbitraries.of(SAME_OBJECTS).map(String::new));
    return Arbitraries.frequencyOf(
        Tuple.of(12, again), Tuple.of(12, plain), Tuple.of(4, mixed), Tuple.of(1, longText));
  }

  private static final List<String> SAME_OBJECTS =
      List.of(
          "send", "deliver", "n1", "n2", "AppendEntries", "", "é", "x".repeat(63), "y".repeat(64));

  /** A few names, so that most are met again; some longer than a numbered name may be. */
  private static Arbitrary<String> names() {
    return Arbitraries.oneOf(
        Arbitraries.of("seq", "t", "term", "entries", "é", "漢字", "a".repeat(64), "b".repeat(65)),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8));
  }

  private static String stringOf(List<Character> chars) {
    StringBuilder text = new StringBuilder(chars.size());
    chars.forEach(text::append);
    return text.toString();
  }

  /** The format, written the plain way: a loop per varint, a map of the numbered names. */
  private static final class PlainEncoder {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Map<String, Integer> numbers = new HashMap<>();

    void integer(long value) {
      bytes.write(CanonicalEncoder.INTEGER);
      varint((value << 1) ^ (value >> 63));
    }

    void string(String value) {
      bytes.write(CanonicalEncoder.STRING);
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      varint(utf8.length);
      bytes.writeBytes(utf8);
    }

    void name(String name) {
      Integer number = numbers.get(name);
      if (number != null) {
        varint((long) number << 1 | 1);
        return;
      }
      if (numbers.size() < CanonicalEncoder.NAMES_MAX
          && name.length() <= CanonicalEncoder.NAME_CHARS_MAX) {
        numbers.put(name, numbers.size());
      }
      byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
      varint((long) utf8.length << 1);
      bytes.writeBytes(utf8);
    }

    private void varint(long value) {
      while ((value & ~0x7FL) != 0) {
        bytes.write((int) ((value & 0x7F) | 0x80));
        value >>>= 7;
      }
      bytes.write((int) value);
    }

    String fingerprint() {
      try {
        return HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
