package faultline.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The canonical encoding says the same for a value met as Java objects in a run and for the JSON
 * the trace holds for it, read back: the property that lets a fingerprint be recomputed from a
 * file. The values here go beyond the bundled runs' (numbers of every kind, text beyond ASCII, a
 * name longer than the numbered ones, more names than the table numbers).
 */
class CanonicalEncodingTest {
  record Entry(long term, String command, boolean noOp, int size) {}

  record Message(
      long term,
      List<Entry> entries,
      Map<String, Long> vector,
      Object anything,
      double ratio,
      float small,
      BigInteger big,
      char letter,
      short tiny) {}

  @Test
  void javaValuesAndTheirJsonReadBackGiveOneFingerprint() {
    Map<String, Long> vector = new TreeMap<>();
    for (int i = 0; i < 5_000; i++) {
      vector.put("node-" + i, (long) i * 7);
    }
    vector.put("a-name-longer-than-sixty-four-characters-".repeat(3), 1L);
    List<Object> payloads = new ArrayList<>();
    payloads.add(
        new Message(
            3,
            List.of(new Entry(1, "put k v", false, 2), new Entry(2, null, true, 0)),
            vector,
            List.of("é ü 漢 \u0001 \"quoted\"", 5, true),
            0.1,
            0.1f,
            BigInteger.TWO.pow(80),
            'x',
            (short) -3));
    payloads.add(Map.of("b", 2, "a", List.of(Long.MIN_VALUE, Long.MAX_VALUE)));

    assertThat(fingerprintOfRun(payloads)).isEqualTo(fingerprintOfFile(payloads));
  }

  @Test
  void anotherValueGivesAnotherFingerprint() {
    List<Object> one = List.of(new Entry(1, "put k v", false, 2));
    List<Object> other = List.of(new Entry(1, "put k w", false, 2));
    assertThat(fingerprintOfRun(one)).isNotEqualTo(fingerprintOfRun(other));
  }

  /**
   * Integers of every varint length, and names met by constant and by text, encode exactly as the
   * format says, byte by byte: a name's number kept by its constant is the number of its text.
   */
  @Test
  void integersAndNamesEncodeAsTheFormatSays() throws Exception {
    CanonicalEncoder encoder = new CanonicalEncoder();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (int bits = 0; bits < 64; bits++) {
      for (long value : new long[] {1L << bits, (1L << bits) - 1, -(1L << bits), ~(1L << bits)}) {
        encoder.integer(value);
        expected.write(CanonicalEncoder.INTEGER);
        writeVarint(expected, (value << 1) ^ (value >> 63));
      }
    }
    encoder.name(EventField.SEQ); // Numbered 0: in full.
    encoder.name("payload"); // Numbered 1: in full.
    encoder.name("seq"); // By text: number 0.
    encoder.name(EventField.PAYLOAD); // By constant, numbered by its text: number 1.
    encoder.name("payload"); // By text: number 1.
    encoder.name(EventField.SEQ); // By constant: number 0.
    for (String name : List.of("seq", "payload")) {
      writeVarint(expected, (long) name.length() << 1);
      expected.write(name.getBytes(StandardCharsets.UTF_8));
    }
    for (int number : new int[] {0, 1, 1, 0}) {
      writeVarint(expected, (long) number << 1 | 1);
    }
    String sha256 =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(expected.toByteArray()));
    assertThat(encoder.fingerprint()).isEqualTo(sha256);
  }

  private static void writeVarint(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }

  /** A run's fingerprint, with the payloads sent as Java values. */
  private static String fingerprintOfRun(List<Object> payloads) {
    InMemoryTraceSink sink = new InMemoryTraceSink();
    TraceWriter writer = new TraceWriter(sink);
    writer.header(Map.of("name", "encoding"), 1, List.of("n1", "n2"));
    long t = 0;
    for (Object payload : payloads) {
      writer.send(++t, "n1", t, t, "n2", t, payload.getClass().getSimpleName(), payload);
      writer.state(++t, "n2", t, t, payload);
    }
    writer.end();
    lastLines = sink.lines();
    return writer.fingerprint();
  }

  private static List<String> lastLines;

  /** The fingerprint recomputed from the JSON lines of the same run. */
  private static String fingerprintOfFile(List<Object> payloads) {
    fingerprintOfRun(payloads);
    List<String> lines = lastLines;
    TraceFingerprint fingerprint =
        new TraceFingerprint(TraceLines.header(TraceLines.object(lines.getFirst())));
    for (String line : lines.subList(1, lines.size() - 1)) {
      fingerprint.add(TraceLines.object(line));
    }
    return fingerprint.value();
  }
}
