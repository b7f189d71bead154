package faultline.protocols.raft.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link ByIndex} against the hash map keyed by a boxed log index that it replaced in the Raft
 * invariants: random sequences of puts, puts-if-absent and removals at indexes that cross its
 * growth, with every index's answer compared after each operation.
 */
class ByIndexProperties {
  @Property(tries = 300)
  void answersAsAHashMapDoes(
      @ForAll @Size(max = 80) List<@IntRange(min = 1, max = 200) Integer> indexes,
      @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 2) Integer> operations) {
    ByIndex<String> byIndex = new ByIndex<>();
    Map<Long, String> reference = new HashMap<>();
    for (int i = 0; i < Math.min(indexes.size(), operations.size()); i++) {
      long index = indexes.get(i);
      String value = "v" + i;
      switch (operations.get(i)) {
        case 0 -> assertThat(byIndex.remove(index)).isEqualTo(reference.remove(index));
        case 1 ->
            assertThat(byIndex.putIfAbsent(index, value))
                .isEqualTo(reference.putIfAbsent(index, value));
        default -> {
          byIndex.put(index, value);
          reference.put(index, value);
        }
      }
      for (long probe = -1; probe <= 202; probe++) {
        assertThat(byIndex.get(probe)).isEqualTo(reference.get(probe));
      }
    }
  }
}
