package faultline.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
  void plainRecordsGiveTheBytesOfTheTreeWay() {
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
    FieldWriter fields = new FieldWriter(true);
    assertThat(fields.isFlatRecord(new Applied(1, 1, "c"))).isTrue();
    assertThat(fields.isFlatRecord(new WithDouble(0.1))).isFalse();
    assertThat(fields.isFlatRecord(new WithObject("v"))).isFalse();
    assertThat(fields.isFlatRecord(new Nested(new Applied(1, 1, "c")))).isFalse();
    assertThat(fields.isFlatRecord(Map.of("a", 1))).isFalse();
    assertThat(fields.isFlatRecord(null)).isFalse();
  }

  /** The event line for {@code fields}, written flat or through the tree, and the trace hash. */
  private static String line(Object fields, boolean flat) {
    InMemoryTraceSink sink = new InMemoryTraceSink();
    TraceWriter writer = new TraceWriter(sink);
    writer.header(Map.of(), 1, List.of("n1"));
    if (flat) {
      assertThat(new FieldWriter(true).isFlatRecord(fields)).isTrue();
      writer.record(5, "n1", 6, 7, "apply", fields);
    } else {
      ObjectNode tree = TraceWriter.mapper().valueToTree(fields);
      writer.record(5, "n1", 6, 7, "apply", tree);
    }
    return sink.lines().get(1) + "\n" + writer.end();
  }
}
