package faultline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.node.NodeId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What the disk keeps of a value: a copy no one else can change, or the value itself when nothing
 * in it can change. How it works: each test stores a value, changes the original, and reads back.
 */
class StoredValuesTest {
  record Entry(long term, String command, NodeId from) {}

  record Durable(List<String> log, SortedMap<String, Long> vector, long version) {}

  record Wrapper(Object inner) {}

  static final class Counter {
    long count;
  }

  static final class Frozen {
    private final String value;

    Frozen(String value) {
      this.value = value;
    }

    @Override
    public String toString() {
      return value;
    }
  }

  @Test
  void valuesThatCannotChangeAreKeptAsTheyAre() {
    Entry entry = new Entry(3, "put x 1", NodeId.of("n1"));
    Frozen frozen = new Frozen("v");
    assertThat(StoredValues.frozen("k", entry)).isSameAs(entry);
    assertThat(StoredValues.frozen("k", "text")).isSameAs("text");
    assertThat(StoredValues.frozen("k", 7L)).isEqualTo(7L);
    assertThat(StoredValues.frozen("k", Thread.State.NEW)).isSameAs(Thread.State.NEW);
    assertThat(StoredValues.frozen("k", frozen)).isSameAs(frozen);
  }

  @Test
  void aRecordHoldingCollectionsIsRebuiltAroundCopiesThatTheOriginalCannotReach() {
    List<String> log = new ArrayList<>(List.of("a"));
    TreeMap<String, Long> vector = new TreeMap<>(Comparator.reverseOrder());
    vector.put("n1", 1L);
    vector.put("n2", 2L);
    Durable stored = (Durable) StoredValues.frozen("k", new Durable(log, vector, 1));

    log.add("b");
    vector.put("n3", 3L);

    assertThat(stored.log()).containsExactly("a");
    assertThat(stored.vector()).containsOnlyKeys("n1", "n2");
    assertThat(stored.vector().firstKey()).isEqualTo("n2"); // Still sorted, by the same order.
    assertThat(stored.version()).isEqualTo(1);
    assertThatThrownBy(() -> stored.log().add("c"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void collectionsAreCopiedDeeplyKeepingTheirOrder() {
    List<String> inner = new ArrayList<>(List.of("x"));
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    map.put("z", inner);
    map.put("a", new Wrapper(inner));
    @SuppressWarnings("unchecked")
    Map<String, Object> stored = (Map<String, Object>) StoredValues.frozen("k", map);

    inner.add("y");
    map.put("b", "late");

    assertThat(stored.keySet()).containsExactly("z", "a");
    assertThat(stored.get("z")).isEqualTo(List.of("x"));
    assertThat(((Wrapper) stored.get("a")).inner()).isEqualTo(List.of("x"));
  }

  @Test
  void arraysAndClassesWithFieldsThatCanChangeAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> StoredValues.frozen("raft.log", new long[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("storage key raft.log cannot hold a [J")
        .hasMessageContaining("store a List");
    assertThatThrownBy(() -> StoredValues.frozen("count", new Wrapper(new Counter())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("storage key count cannot hold a")
        .hasMessageContaining("'Counter.count' is not final");
  }

  @Test
  void aValueThatContainsItselfIsRefusedRatherThanCopiedForever() {
    List<Object> loop = new ArrayList<>();
    loop.add(loop);
    assertThatThrownBy(() -> StoredValues.frozen("k", loop))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nested over 64 deep");
  }
}
