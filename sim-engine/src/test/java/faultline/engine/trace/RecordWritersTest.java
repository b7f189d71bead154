package faultline.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.node.NodeId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A writer made for a record class writes exactly the bytes of the walk through its shape's method
 * handles, for every kind of component; records it cannot name, or with components it does not
 * write itself, get no writer (and keep the method handles).
 */
public class RecordWritersTest {
  public enum Color {
    RED,
    GREEN
  }

  public record Entry(long term, String command) {}

  public record Everything(
      long term,
      int count,
      boolean granted,
      String text,
      String none,
      NodeId from,
      List<Entry> entries,
      Object anything,
      Color color,
      Entry nested,
      Map<String, Long> vector,
      Long boxed) {}

  public record WithDouble(long term, double ratio) {}

  record Hidden(long term) {}

  @Test
  void aMadeWriterWritesWhatTheShapeWrites() {
    Everything value =
        new Everything(
            -7,
            Integer.MIN_VALUE,
            true,
            "é ü put k v",
            null,
            NodeId.of("n1"),
            List.of(new Entry(1, "a"), new Entry(2, null)),
            List.of(1, "two", false),
            Color.GREEN,
            new Entry(Long.MAX_VALUE, ""),
            Map.of("b", 2L, "a", 1L),
            null);
    CanonicalValues.Shape shape = CanonicalValues.shape(Everything.class);
    RecordWriters.RecordWriter writer = RecordWriters.generated(Everything.class, shape);
    assertThat(writer).isNotNull();

    String made = fingerprint(out -> writer.writeComponents(out, value));
    String byHandles = fingerprint(out -> CanonicalValues.writeComponents(out, shape, value));
    String byWrite = fingerprint(out -> CanonicalValues.write(out, value));
    String byHandlesInBraces =
        fingerprint(
            out -> {
              out.startObject();
              CanonicalValues.writeComponents(out, shape, value);
              out.end();
            });
    assertThat(made).isEqualTo(byHandles);
    assertThat(byWrite).isEqualTo(byHandlesInBraces);
  }

  @Test
  void recordsItCannotNameOrWriteKeepTheHandles() {
    assertThat(RecordWriters.generated(Hidden.class, CanonicalValues.shape(Hidden.class))).isNull();
    assertThat(RecordWriters.generated(WithDouble.class, CanonicalValues.shape(WithDouble.class)))
        .isNull();
    assertThat(RecordWriters.generated(Entry.class, CanonicalValues.shape(Entry.class)))
        .isNotNull();
  }

  private static String fingerprint(Consumer<CanonicalEncoder> writes) {
    CanonicalEncoder out = new CanonicalEncoder();
    writes.accept(out);
    return out.fingerprint();
  }
}
