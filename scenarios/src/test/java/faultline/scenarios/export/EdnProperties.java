package faultline.scenarios.export;

import static org.assertj.core.api.Assertions.assertThat;

import clojure.lang.Keyword;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Whatever text a client's operation carries (any key, any value, any field name), the EDN line is
 * one line that Clojure's EDN reader reads back to the same strings.
 */
class EdnProperties {
  @Property(tries = 300)
  void anyStringReadsBackThroughClojure(@ForAll String text) {
    assertThat(ClojureEdn.read(Edn.string(text))).isEqualTo(text);
  }

  @Property(tries = 300)
  void anyOperationIsOneLineClojureReads(
      @ForAll String key, @ForAll String value, @ForAll String field, @ForAll long process) {
    ObjectNode operation = JsonNodeFactory.instance.objectNode();
    operation.put("process", process);
    operation.put("type", "invoke");
    operation.put("f", "put");
    operation.put("key", key);
    operation.put("value", value);
    operation.put("time", 7);
    if (!List.of("process", "type", "f", "key", "value", "time").contains(field)) {
      operation.put(field, value);
    }
    String line = EdnHistoryExport.line(3, operation);
    assertThat(line).doesNotContain("\n", "\r");
    Map<?, ?> read = (Map<?, ?>) ClojureEdn.read(line);
    assertThat(read.get(Keyword.intern("value"))).isEqualTo(List.of(key, value));
    assertThat(read.get(Keyword.intern("process"))).isEqualTo(process);
    assertThat(read.get(Keyword.intern("index"))).isEqualTo(3L);
    if (operation.has(field)
        && !List.of("process", "type", "f", "key", "value", "time").contains(field)) {
      Object name = Edn.isKeyword(field) ? Keyword.intern(field) : field;
      assertThat(read.get(name)).isEqualTo(value);
    }
  }
}
