package faultline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.testing.Trials;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A disk's synced contents must read exactly like a {@code TreeMap} of the same writes, through
 * every read a {@code SortedMap} offers (an invariant gets them as one, live).
 *
 * <p>How it works: each generated case applies a random sequence of puts and removes to the
 * contents and to a {@code TreeMap} side by side, with keys drawn mostly near the end of the key
 * order (as a log grows) and otherwise anywhere, and compares after every write: a read of a key
 * written, one never written, the iteration order, the first and last keys, and sub-, head- and
 * tail-maps between random bounds, which are checked the same way.
 */
class SortedContentsProperties {

  @Test
  void randomWritesReadLikeATreeMap() {
    Trials.forAll(
        "the synced contents read like a TreeMap",
        500,
        case_ -> {
          SortedContents contents = new SortedContents();
          TreeMap<String, Object> model = new TreeMap<>();
          SortedMap<String, Object> view = contents.view();
          int operations = case_.nextInt(1, 300);
          int next = 0; // Keys "k" + a zero-padded counter grow like a log's.
          for (int op = 0; op < operations; op++) {
            String key =
                switch (case_.nextInt(4)) {
                  case 0 -> key(case_.nextInt(next + 1)); // Anywhere, maybe written.
                  case 1 -> "z" + case_.nextInt(3); // After every log key, like a term.
                  default -> key(next++); // The next log key.
                };
            if (case_.nextInt(6) == 0) {
              contents.remove(key);
              model.remove(key);
            } else {
              Integer value = case_.nextInt();
              contents.put(key, value);
              model.put(key, value);
            }
            assertThat(contents.size()).isEqualTo(model.size());
            assertReadsAlike(view, model, case_, next);
          }
        });
  }

  private static String key(int number) {
    return "k%05d".formatted(number);
  }

  private static void assertReadsAlike(
      SortedMap<String, Object> actual,
      SortedMap<String, Object> model,
      SplittableRandom case_,
      int keys) {
    assertThat(actual).isEqualTo(model);
    assertThat(new ArrayList<>(actual.entrySet())).isEqualTo(new ArrayList<>(model.entrySet()));
    assertThat(actual.hashCode()).isEqualTo(model.hashCode());
    assertThat(actual.size()).isEqualTo(model.size());
    assertThat(actual.isEmpty()).isEqualTo(model.isEmpty());
    for (String probe : List.of(key(case_.nextInt(keys + 2)), "a", "z1", "zz")) {
      assertThat(actual.get(probe)).as("get %s", probe).isEqualTo(model.get(probe));
      assertThat(actual.containsKey(probe)).isEqualTo(model.containsKey(probe));
    }
    if (model.isEmpty()) {
      assertThatThrownBy(actual::firstKey).isInstanceOf(NoSuchElementException.class);
      assertThatThrownBy(actual::lastKey).isInstanceOf(NoSuchElementException.class);
    } else {
      assertThat(actual.firstKey()).isEqualTo(model.firstKey());
      assertThat(actual.lastKey()).isEqualTo(model.lastKey());
    }
    String low = key(case_.nextInt(keys + 2));
    String high = key(case_.nextInt(keys + 2));
    if (low.compareTo(high) > 0) {
      String swap = low;
      low = high;
      high = swap;
    }
    assertThat(actual.subMap(low, high)).isEqualTo(model.subMap(low, high));
    assertThat(new ArrayList<>(actual.subMap(low, high).keySet()))
        .isEqualTo(new ArrayList<>(model.subMap(low, high).keySet()));
    assertThat(actual.headMap(high)).isEqualTo(model.headMap(high));
    assertThat(new ArrayList<>(actual.tailMap(low).values()))
        .isEqualTo(new ArrayList<>(model.tailMap(low).values()));
    SortedMap<String, Object> inner = actual.subMap(low, high);
    SortedMap<String, Object> innerModel = model.subMap(low, high);
    if (!innerModel.isEmpty()) {
      assertThat(inner.firstKey()).isEqualTo(innerModel.firstKey());
      assertThat(inner.lastKey()).isEqualTo(innerModel.lastKey());
    }
    String probe = key(case_.nextInt(keys + 2));
    assertThat(inner.get(probe)).isEqualTo(innerModel.get(probe));
    assertThat(inner.headMap(high)).isEqualTo(innerModel.headMap(high));
    if (low.compareTo(high) < 0) { // Else both refuse: low is at the sub-map's exclusive end.
      assertThat(inner.tailMap(low)).isEqualTo(innerModel.tailMap(low));
    }
  }

  @Test
  void theViewIsLiveReadOnlyAndRefusesWhatATreeMapRefuses() {
    SortedContents contents = new SortedContents();
    SortedMap<String, Object> view = contents.view();
    SortedMap<String, Object> tail = view.tailMap("b");
    contents.put("c", 3);
    contents.put("a", 1);
    assertThat(view).containsExactly(Map.entry("a", 1), Map.entry("c", 3));
    assertThat(tail).containsExactly(Map.entry("c", 3));
    assertThatThrownBy(() -> view.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> view.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(view::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> view.entrySet().iterator().next().setValue(9))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> view.get(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> view.subMap("c", "a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tail.headMap("a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> view.headMap("b").tailMap("c"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> view.subMap("b", "b").tailMap("b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(view.subMap("b", "b").headMap("b")).isEmpty();
    assertThat(new TreeMap<>(view)).containsExactly(Map.entry("a", 1), Map.entry("c", 3));

    Iterator<String> keys = view.keySet().iterator();
    keys.next();
    contents.put("b", 2);
    assertThatThrownBy(keys::next).isInstanceOf(ConcurrentModificationException.class);
  }
}
