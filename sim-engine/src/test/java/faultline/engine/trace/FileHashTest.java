package faultline.engine.trace;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The end line's {@code fileSha256} is the SHA-256 of every byte before it, however many lines
 * there are: the writer hashes its lines in blocks of many lines, so a trace of many blocks, with
 * lines of every length, must hash exactly as the file reads; and the sink still gets one whole
 * line per call.
 */
class FileHashTest {
  @Test
  void theEndLineCarriesTheSha256OfEveryByteBeforeItAcrossManyBlocks()
      throws NoSuchAlgorithmException, IOException {
    Lines sink = new Lines();
    TraceWriter writer = new TraceWriter(sink);
    writer.header(Map.of("name", "blocks"), 7, List.of("n1", "n2"));
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 6_000; i++) {
      text.append(i % 7 == 0 ? "é" : "x").append(i % 13 == 0 ? "\"" : "");
      if (text.length() > 700) {
        text.setLength(i % 50);
      }
      writer.note(i, i % 2 == 0 ? "n1" : "n2", i, i, text.toString());
    }
    String fingerprint = writer.end();

    byte[] file = sink.bytes.toByteArray();
    assertThat(file.length).isGreaterThan(1 << 20); // Many of the writer's blocks.
    byte[] endLine = sink.lines.getLast();
    byte[] beforeEnd = Arrays.copyOf(file, file.length - endLine.length);
    JsonNode end = TraceWriter.mapper().readTree(new String(endLine, UTF_8));
    assertThat(end.get("fileSha256").asText())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(beforeEnd)))
        .isEqualTo(writer.fileSha256());
    assertThat(end.get("fingerprint").asText()).isEqualTo(fingerprint);
    assertThat(end.get("events").asLong()).isEqualTo(6_000);
    assertThat(sink.lines).hasSize(6_002);
    for (byte[] line : sink.lines) {
      String read = new String(line, UTF_8);
      assertThat(read).endsWith("\n");
      assertThat(read.indexOf('\n')).isEqualTo(read.length() - 1);
    }
  }

  /** Keeps every byte in order, and each line as it arrived. */
  private static final class Lines implements TraceSink {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<byte[]> lines = new ArrayList<>();

    @Override
    public void accept(byte[] line) {
      accept(line, 0, line.length);
    }

    @Override
    public void accept(byte[] buffer, int offset, int length) {
      bytes.write(buffer, offset, length);
      lines.add(Arrays.copyOfRange(buffer, offset, offset + length));
    }
  }
}
