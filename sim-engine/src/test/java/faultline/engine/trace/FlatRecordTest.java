package faultline.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import faultline.engine.node.NodeId;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Record events of plain records skip the JSON tree the other records go through; the lines must be
 * the same bytes either way, and anything not plain must keep the tree way.
 */
class FlatRecordTest {
  record Applied(long index, long term, String command) {}

  record Mixed(
      int process, Integer boxed, boolean ok, Boolean maybe, short s, byte b, String text) {}

  record WithDouble(double ratio) {}

  record WithObject(Object value) {}

  record Nested(Applied applied) {}

  @Test
  void plainRecordsGiveTheBytesOfTheTreeWay() throws IOException {
    List<Object> samples =
        List.of(
            new Applied(1, 1, "put k1 v"),
            new Applied(Long.MAX_VALUE, Long.MIN_VALUE, null),
            new Applied(4_000_000_000L, -1, "quote \" backslash \\ tab \t é ü 漢 \u0001"),
            new Mixed(-7, null, true, null, (short) -3, (byte) 9, ""),
            new Mixed(
                Integer.MAX_VALUE,
                Integer.MIN_VALUE,
                false,
                false,
                Short.MAX_VALUE,
                (byte) 0,
                "x"));
    for (Object fields : samples) {
      assertThat(line(fields, true)).as("%s", fields).isEqualTo(line(fields, false));
    }
  }

  @Test
  void onlyRecordsOfIntegersBooleansAndStringsAreFlat() {
    TraceWriter writer = new TraceWriter(TraceSink.discard());
    assertThat(writer.isFlatRecord(new Applied(1, 1, "c"))).isTrue();
    assertThat(writer.isFlatRecord(new WithDouble(0.1))).isFalse();
    assertThat(writer.isFlatRecord(new WithObject("v"))).isFalse();
    assertThat(writer.isFlatRecord(new Nested(new Applied(1, 1, "c")))).isFalse();
    assertThat(writer.isFlatRecord(Map.of("a", 1))).isFalse();
    assertThat(writer.isFlatRecord(null)).isFalse();
  }

  /** The event line for {@code fields}, written flat or through the tree, and the trace hash. */
  private static String line(Object fields, boolean flat) throws IOException {
    InMemoryTraceSink sink = new InMemoryTraceSink();
    TraceWriter writer = new TraceWriter(sink);
    writer.header(Map.of(), 1, List.of(NodeId.of("n1")));
    JsonGenerator json = writer.beginEvent("apply", 5, NodeId.of("n1"), 6, 7);
    if (flat) {
      assertThat(writer.isFlatRecord(fields)).isTrue();
      writer.writeFlatRecord(json, fields);
    } else {
      JsonNode tree = TraceWriter.mapper().valueToTree(fields);
      Iterator<Map.Entry<String, JsonNode>> entries = tree.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        json.writeFieldName(entry.getKey());
        TraceWriter.writeValue(json, entry.getValue());
      }
    }
    writer.endEvent();
    return sink.lines().get(1) + "\n" + writer.end();
  }
}
