package faultline.protocols.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link SortedLongMap} against the {@code TreeMap<Long, Long>} it replaced in {@link
 * FollowerProgress}: random sequences of puts, removals of the lowest keys and clears, with every
 * floor and membership answer compared after each operation.
 */
class SortedLongMapProperties {
  @Property(tries = 300)
  void answersAsATreeMapDoes(
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 40) Integer> keys,
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 9) Integer> operations) {
    SortedLongMap map = new SortedLongMap();
    TreeMap<Long, Long> reference = new TreeMap<>();
    for (int i = 0; i < Math.min(keys.size(), operations.size()); i++) {
      long key = keys.get(i);
      switch (operations.get(i)) {
        case 0 -> {
          map.removeBelow(key);
          reference.headMap(key, false).clear();
        }
        case 1 -> {
          map.clear();
          reference.clear();
        }
        default -> {
          map.put(key, i);
          reference.put(key, (long) i);
        }
      }
      assertThat(map.size()).isEqualTo(reference.size());
      for (long probe = -1; probe <= 41; probe++) {
        Map.Entry<Long, Long> floor = reference.floorEntry(probe);
        int at = map.floor(probe);
        if (floor == null) {
          assertThat(at).isEqualTo(-1);
        } else {
          assertThat(map.keyAt(at)).isEqualTo(floor.getKey());
          assertThat(map.valueAt(at)).isEqualTo(floor.getValue());
        }
        assertThat(map.containsKey(probe)).isEqualTo(reference.containsKey(probe));
      }
    }
  }
}
