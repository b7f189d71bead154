package faultline.scenarios.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The file holds every line the sink accepted, in order, byte for byte: lines of a few bytes and of
 * a trace's usual size, lines that end exactly at the sink's buffer's end, and lines longer than
 * its buffer (written past it), each taken from the middle of a larger array that the writer
 * reuses.
 */
class FileTraceSinkProperties {
  private static final int BUFFER_BYTES = 1 << 18;

  @Property(tries = 20)
  void theFileHoldsEveryLineInOrder(@ForAll("lineLengths") List<Integer> lengths)
      throws IOException {
    Path file = Files.createTempFile("faultline-file-sink-", ".jsonl");
    try {
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      byte[] reused = new byte[2 * BUFFER_BYTES + 64];
      try (FileTraceSink sink = new FileTraceSink(file)) {
        for (int i = 0; i < lengths.size(); i++) {
          int length = lengths.get(i);
          int offset = i % 7;
          for (int b = 0; b < length; b++) {
            reused[offset + b] = (byte) (i * 31 + b);
          }
          sink.accept(reused, offset, length);
          expected.write(reused, offset, length);
        }
      }
      assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Provide
  Arbitrary<List<Integer>> lineLengths() {
    Arbitrary<Integer> length =
        Arbitraries.frequencyOf(
            Tuple.of(200, Arbitraries.integers().between(1, 400)),
            Tuple.of(20, Arbitraries.integers().between(0, 5)),
            Tuple.of(1, Arbitraries.of(BUFFER_BYTES - 1, BUFFER_BYTES, BUFFER_BYTES + 1)),
            Tuple.of(1, Arbitraries.integers().between(BUFFER_BYTES, 2 * BUFFER_BYTES)));
    // Up to some 3 MB of lines in all: a few buffers' worth.
    return length.list().ofMaxSize(2_000);
  }

  /** The sink's buffer filled to its last byte by whole lines, then one line more. */
  @Property(tries = 1)
  void aLineEndingAtTheBuffersEndIsKept() throws IOException {
    theFileHoldsEveryLineInOrder(List.of(BUFFER_BYTES / 2, BUFFER_BYTES / 2, 10));
  }
}
