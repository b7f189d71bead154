package faultline.engine.trace;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import faultline.engine.testing.Trials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A trace line written by {@link JsonLine} must be the bytes Jackson's generator writes for the
 * same calls: the golden files were written by Jackson, and every trace since must match them byte
 * for byte.
 *
 * <p>How it works: each case makes a random object of members (names and strings drawn from plain
 * ASCII, quotes and backslashes, control characters, Latin-1, the rest of the BMP, surrogate pairs
 * and lone surrogates; integers from the whole range of longs, its edges and the powers of ten
 * around which the digit count changes; booleans, nulls, nested arrays and objects, and the same
 * integer written twice in a row, sequence numbers mostly one more than the last), writes it
 * through a {@code JsonLine} and through a Jackson generator, and compares the bytes.
 */
class JsonLineProperties {
  private long lastNumber;
  private long lastSequence;

  // The strings written so far in a line: a run passes the same objects again and again, which
  // the line keeps the bytes of by identity.
  private final List<String> written = new ArrayList<>();

  @Test
  void aLineIsTheBytesJacksonWritesForTheSameCalls() {
    Trials.forAll(
        "a line is Jackson's bytes",
        2_000,
        random -> {
          JsonLine line = new JsonLine(new JsonLine.JacksonBytes());
          line.startLine();
          written.clear();
          ByteArrayOutputStream expected = new ByteArrayOutputStream();
          try (JsonGenerator jackson =
              FieldWriter.MAPPER.getFactory().createGenerator(expected, JsonEncoding.UTF8)) {
            line.startObject();
            jackson.writeStartObject();
            writeMembers(random, line, jackson, 0);
            line.endObject();
            jackson.writeEndObject();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          byte[] written = Arrays.copyOf(line.array(), line.lineLength());
          assertThat(new String(written, StandardCharsets.UTF_8))
              .isEqualTo(expected.toString(StandardCharsets.UTF_8));
          assertThat(written).isEqualTo(expected.toByteArray());
        });
  }

  @Test
  void integersAreTheirDecimalDigits() {
    Trials.forAll(
        "integers are their digits",
        20_000,
        random -> {
          long value = number(random);
          byte[] out = new byte[20];
          int length = JsonLine.writeDigits(value, out, 0);
          assertThat(new String(out, 0, length, StandardCharsets.US_ASCII))
              .isEqualTo(Long.toString(value));
        });
  }

  /**
   * A line's sequence number is counted up in place while each is one more than the one before:
   * runs of consecutive numbers across every change of digit count (9 to 10, 99 to 100, ..., up to
   * the largest long), from 0, after negative numbers and after jumps, with other integers written
   * between them.
   */
  @Test
  void sequenceNumbersAreTheirDecimalDigits() {
    JsonLine line = new JsonLine(new JsonLine.JacksonBytes());
    SplittableRandom random = new SplittableRandom(17);
    List<Long> starts = new ArrayList<>(List.of(-3L, 0L, 1L, Long.MAX_VALUE - 3, Long.MIN_VALUE));
    for (long power = 10; power <= 1_000_000_000_000_000_000L; power *= 10) {
      starts.add(power - 3);
    }
    for (int i = 0; i < 200; i++) {
      starts.add(number(random));
    }
    for (long start : starts) {
      long value = start;
      for (int i = 0; i < 6; i++) {
        line.startLine();
        line.sequenceNumber(value);
        line.number(number(random));
        line.endLine();
        String written = new String(line.array(), line.lineStart(), line.lineLength(), UTF_8);
        assertThat(written.substring(0, written.indexOf(','))).isEqualTo(Long.toString(value));
        if (value == Long.MAX_VALUE) {
          break;
        }
        value++;
      }
    }
  }

  /**
   * An event's first members, written at once, are what writing them one by one writes (held to
   * Jackson's bytes above): lines in a row, their sequence numbers mostly counted up, their times
   * often the line before's and their clocks often reading the time, their types and nodes mostly
   * the same objects again (kept bytes copied) and sometimes strings Jackson must write or too long
   * to keep, other integers written between them.
   */
  @Test
  void anEventStartIsWhatItsMembersWriteOneByOne() {
    List<String> sameObjects = List.of("send", "deliver", "n1", "n2", "", "x".repeat(63));
    Trials.forAll(
        "an event start is its members",
        500,
        random -> {
          JsonLine atOnce = new JsonLine(new JsonLine.JacksonBytes());
          JsonLine oneByOne = new JsonLine(new JsonLine.JacksonBytes());
          long seq = number(random);
          long t = number(random);
          for (int i = 0; i < 40; i++) {
            seq = random.nextInt(5) > 0 && seq < Long.MAX_VALUE ? seq + 1 : number(random);
            t = random.nextBoolean() ? t : number(random);
            String type = eventText(random, sameObjects);
            String node = random.nextInt(5) == 0 ? null : eventText(random, sameObjects);
            long wall = random.nextInt(4) > 0 ? t : number(random);
            long mono = random.nextInt(4) > 0 ? t : number(random);
            atOnce.startLine();
            atOnce.eventStart(seq, t, type, node, wall, mono);
            oneByOne.startLine();
            oneByOne.startObject();
            oneByOne.name(EventField.SEQ.jsonMember);
            oneByOne.sequenceNumber(seq);
            oneByOne.name(EventField.T.jsonMember);
            oneByOne.number(t);
            oneByOne.name(EventField.TYPE.jsonMember);
            oneByOne.string(type);
            if (node != null) {
              oneByOne.name(EventField.NODE.jsonMember);
              oneByOne.string(node);
              oneByOne.name(EventField.WALL.jsonMember);
              oneByOne.number(wall);
              oneByOne.name(EventField.MONO.jsonMember);
              oneByOne.number(mono);
            }
            if (random.nextBoolean()) {
              long other = random.nextBoolean() ? t : number(random);
              for (JsonLine line : List.of(atOnce, oneByOne)) {
                line.name(EventField.ID.jsonMember);
                line.number(other);
              }
            }
            for (JsonLine line : List.of(atOnce, oneByOne)) {
              line.endObject();
              line.endLine();
            }
            assertThat(new String(atOnce.array(), atOnce.lineStart(), atOnce.lineLength(), UTF_8))
                .isEqualTo(
                    new String(
                        oneByOne.array(), oneByOne.lineStart(), oneByOne.lineLength(), UTF_8));
          }
          assertThat(Arrays.copyOf(atOnce.array(), atOnce.linesLength()))
              .isEqualTo(Arrays.copyOf(oneByOne.array(), oneByOne.linesLength()));
        });
  }

  /** An event's type or node: mostly the same objects again, else any text, some of it long. */
  private static String eventText(SplittableRandom random, List<String> sameObjects) {
    return switch (random.nextInt(6)) {
      case 0 -> text(random);
      case 1 -> "y".repeat(random.nextInt(60, 600));
      default -> sameObjects.get(random.nextInt(sameObjects.size()));
    };
  }

  @Test
  void smallIntegersAreTheirDecimalDigits() {
    byte[] out = new byte[20];
    for (long value = -1_000; value <= 1_000; value++) {
      int length = JsonLine.writeDigits(value, out, 0);
      assertThat(new String(out, 0, length, StandardCharsets.US_ASCII))
          .isEqualTo(Long.toString(value));
    }
  }

  @Test
  void aLineFollowsTheLastCompleteOneAndDropsWhatAFailedOneWrote() {
    JsonLine line = new JsonLine(new JsonLine.JacksonBytes());
    line.startLine();
    line.startObject();
    line.name(EventField.SEQ.jsonMember);
    line.number(40);
    line.endObject();
    line.endLine();
    line.startLine();
    line.startObject();
    line.name(EventField.SEQ.jsonMember);
    line.number(41); // This line fails half way: never ended.
    line.startLine();
    line.startObject();
    line.name(EventField.SEQ.jsonMember);
    line.number(42);
    line.endObject();
    line.endLine();
    assertThat(line.lineStart()).isEqualTo("{\"seq\":40}\n".length());
    assertThat(new String(line.array(), line.lineStart(), line.lineLength(), UTF_8))
        .isEqualTo("{\"seq\":42}\n");
    assertThat(new String(line.array(), 0, line.linesLength(), UTF_8))
        .isEqualTo("{\"seq\":40}\n{\"seq\":42}\n");
    line.clearLines();
    line.startLine();
    line.string("next");
    assertThat(new String(line.array(), 0, line.lineLength(), UTF_8)).isEqualTo("\"next\"");
  }

  private void writeMembers(
      SplittableRandom random, JsonLine line, JsonGenerator jackson, int depth) throws IOException {
    int members = random.nextInt(6);
    for (int i = 0; i < members; i++) {
      switch (random.nextInt(3)) {
        case 0 -> {
          String name = text(random);
          line.name(name);
          jackson.writeFieldName(name);
        }
        case 1 -> {
          String text = text(random, false);
          line.name(JsonLine.member(text));
          jackson.writeFieldName(new SerializedString(text));
        }
        default -> {
          EventField name = EventField.values()[random.nextInt(EventField.COUNT)];
          line.name(name.jsonMember);
          jackson.writeFieldName(name.text);
        }
      }
      writeValue(random, line, jackson, depth);
    }
  }

  private void writeValue(SplittableRandom random, JsonLine line, JsonGenerator jackson, int depth)
      throws IOException {
    switch (random.nextInt(depth < 3 ? 9 : 7)) {
      case 0, 1 -> {
        String text = random.nextInt(3) == 0 && !written.isEmpty() ? again(random) : text(random);
        written.add(text);
        line.string(text);
        jackson.writeString(text);
      }
      case 2, 3 -> {
        // Half the time the integer written last again, as a node's event writes its time.
        long value = random.nextBoolean() ? lastNumber : number(random);
        lastNumber = value;
        line.number(value);
        jackson.writeNumber(value);
      }
      case 4 -> {
        boolean value = random.nextBoolean();
        line.bool(value);
        jackson.writeBoolean(value);
      }
      case 5 -> {
        line.nullValue();
        jackson.writeNull();
      }
      case 6 -> {
        // Mostly the sequence number after the last, as each line's.
        long value =
            random.nextInt(4) > 0 && lastSequence < Long.MAX_VALUE
                ? lastSequence + 1
                : number(random);
        lastSequence = value;
        line.sequenceNumber(value);
        jackson.writeNumber(value);
      }
      case 7 -> {
        line.startArray();
        jackson.writeStartArray();
        int items = random.nextInt(4);
        for (int i = 0; i < items; i++) {
          writeValue(random, line, jackson, depth + 1);
        }
        line.endArray();
        jackson.writeEndArray();
      }
      default -> {
        line.startObject();
        jackson.writeStartObject();
        writeMembers(random, line, jackson, depth + 1);
        line.endObject();
        jackson.writeEndObject();
      }
    }
  }

  /** A string written before in the line: the same object, or an equal one. */
  private String again(SplittableRandom random) {
    String earlier = written.get(random.nextInt(written.size()));
    return random.nextBoolean() ? earlier : new String(earlier);
  }

  /**
   * A string of up to 12 characters, each from one of the kinds that Jackson writes differently.
   */
  private static String text(SplittableRandom random) {
    return text(random, true);
  }

  /**
   * {@code loneSurrogates} false for a {@link SerializedString}, which refuses them (Jackson writes
   * a string or a name holding one with escapes).
   */
  private static String text(SplittableRandom random, boolean loneSurrogates) {
    int count = random.nextInt(13);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      switch (random.nextInt(8)) {
        case 0, 1, 2 -> text.append((char) (0x20 + random.nextInt(0x5F)));
        case 3 -> text.append(random.nextBoolean() ? '"' : '\\');
        case 4 -> text.append((char) random.nextInt(0x20));
        case 5 -> text.append((char) (0x7F + random.nextInt(0x81)));
        case 6 -> text.append((char) (0x100 + random.nextInt(0xD800 - 0x100)));
        default -> {
          if (loneSurrogates && random.nextBoolean()) {
            text.append((char) (0xD800 + random.nextInt(0x800)));
          } else {
            text.appendCodePoint(0x10000 + random.nextInt(0x100000));
          }
        }
      }
    }
    return text.toString();
  }

  /** Any long, with its edges and the numbers around each power of ten often. */
  private static long number(SplittableRandom random) {
    return switch (random.nextInt(4)) {
      case 0 -> Trials.edgy(random, Long.MIN_VALUE, Long.MAX_VALUE);
      case 1 -> {
        long power = 1;
        for (int i = random.nextInt(19); i > 0; i--) {
          power *= 10;
        }
        long near = power + random.nextInt(3) - 1;
        yield random.nextBoolean() ? near : -near;
      }
      case 2 -> random.nextInt();
      default -> random.nextLong(1_000_000_000_000L);
    };
  }
}
