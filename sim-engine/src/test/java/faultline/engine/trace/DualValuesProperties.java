package faultline.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import faultline.engine.node.NodeId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A trace-written run walks a payload once for both encodings ({@link DualValues}); a run without a
 * trace walks it for the fingerprint alone. For random payloads and record fields (records nested
 * in records and lists, lists that are not random-access, maps, enums (one renamed by Jackson, one
 * of constants with bodies), node ids, boxed and unboxed numbers, nulls, strings beyond ASCII),
 * both runs give one fingerprint, and the JSON of the payload and of the record's members is what
 * the trace mapper writes for them.
 */
class DualValuesProperties {
  enum Color {
    RED,
    GREEN
  }

  /** Renamed by Jackson: each walk hands it to Jackson, the one walk too. */
  enum Status {
    @JsonProperty("ok")
    OK,
    FAILED
  }

  /** Constants of classes of their own, whose declaring class is the enum. */
  enum Op {
    PUT {
      @Override
      String verb() {
        return "put";
      }
    },
    GET {
      @Override
      String verb() {
        return "get";
      }
    };

    abstract String verb();
  }

  record Leaf(long term, int size, boolean noOp, String command) {}

  record Holder(
      Object any, List<Object> items, NodeId node, Map<String, Object> map, Color color) {}

  @Property(tries = 300)
  void oneWalkWritesWhatEachWalkWrites(
      @ForAll("values") Object payload, @ForAll("records") Record fields)
      throws JsonProcessingException {
    InMemoryTraceSink sink = new InMemoryTraceSink();
    String written = run(sink, payload, fields);
    String fingerprintOnly = run(TraceSink.discard(), payload, fields);

    assertThat(written).isEqualTo(fingerprintOnly);
    List<String> lines = sink.lines();
    assertThat(lines.get(1))
        .endsWith("\"payload\":" + TraceWriter.mapper().writeValueAsString(payload) + "}");
    String object = TraceWriter.mapper().writeValueAsString(fields);
    String members = object.substring(1, object.length() - 1);
    assertThat(lines.get(2)).endsWith((members.isEmpty() ? "" : "," + members) + "}");
  }

  private static String run(TraceSink sink, Object payload, Record fields) {
    TraceWriter writer = new TraceWriter(sink);
    writer.header(Map.of("name", "dual"), 1, List.of("n1", "n2"));
    writer.send(1, "n1", 1, 1, "n2", 1, "Payload", payload);
    writer.record(2, "n2", 2, 2, "custom", fields);
    return writer.end();
  }

  @Provide
  Arbitrary<Object> values() {
    return value(3);
  }

  @Provide
  Arbitrary<Record> records() {
    return Arbitraries.oneOf(leaves().map(leaf -> leaf), holders(2).map(holder -> holder));
  }

  private static Arbitrary<Object> value(int depth) {
    Arbitrary<Object> plain =
        Arbitraries.oneOf(
            Arbitraries.just(null),
            strings().map(text -> text),
            Arbitraries.longs().map(number -> number),
            Arbitraries.integers().map(number -> number),
            Arbitraries.of(true, false).map(bool -> bool),
            Arbitraries.of(new NodeId("n1"), new NodeId("n2")).map(node -> node),
            Arbitraries.of(Color.class).map(color -> color),
            Arbitraries.of(Status.class).map(status -> status),
            Arbitraries.of(Op.class).map(op -> op),
            Arbitraries.shorts().map(number -> number),
            Arbitraries.doubles().between(-1e6, 1e6).map(number -> number),
            leaves().map(leaf -> leaf));
    if (depth == 0) {
      return plain;
    }
    return Arbitraries.oneOf(
        plain,
        plain,
        holders(depth - 1).map(holder -> holder),
        lists(depth - 1).map(list -> list),
        maps(depth - 1).map(map -> map));
  }

  private static Arbitrary<List<Object>> lists(int depth) {
    return value(depth)
        .list()
        .ofMaxSize(4)
        .flatMap(
            items ->
                Arbitraries.of(
                    new ArrayList<>(items),
                    new LinkedList<>(items),
                    items.stream().anyMatch(item -> item == null)
                        ? new ArrayList<>(items)
                        : List.copyOf(items)));
  }

  private static Arbitrary<Map<String, Object>> maps(int depth) {
    return Arbitraries.maps(strings(), value(depth))
        .ofMaxSize(3)
        .flatMap(map -> Arbitraries.of(new TreeMap<>(map), new HashMap<>(map)));
  }

  private static Arbitrary<Leaf> leaves() {
    return Combinators.combine(
            Arbitraries.longs(),
            Arbitraries.integers(),
            Arbitraries.of(true, false),
            Arbitraries.oneOf(strings(), Arbitraries.just(null)))
        .as(Leaf::new);
  }

  private static Arbitrary<Holder> holders(int depth) {
    return Combinators.combine(
            value(depth),
            lists(depth),
            Arbitraries.of(new NodeId("n1"), null),
            maps(depth),
            Arbitraries.of(Color.RED, null))
        .as(Holder::new);
  }

  private static Arbitrary<String> strings() {
    return Arbitraries.oneOf(
        Arbitraries.of("put", "k", "n1", "AppendEntries", "é", "a\"b\\c", "tab\there", ""),
        Arbitraries.strings().ofMaxLength(10));
  }
}
