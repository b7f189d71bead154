package faultline.scenarios.shrink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.junit.jupiter.api.Test;

/**
 * ddmin against its definition: the result still fails, and removing any single element of it makes
 * the failure go away (1-minimality, Zeller and Hildebrandt 2002, definition 8); and the same input
 * asks the same questions in the same order.
 */
class DeltaDebuggingTest {
  @Test
  void findsThePairThatMattersAmongMany() {
    List<Long> items = LongStream.rangeClosed(1, 40).boxed().toList();
    List<Long> minimal =
        DeltaDebugging.minimize(items, list -> list.contains(7L) && list.contains(31L));
    assertThat(minimal).containsExactly(7L, 31L);
  }

  @Test
  void triesTheEmptyListFirst() {
    List<List<Integer>> asked = new ArrayList<>();
    List<Integer> minimal =
        DeltaDebugging.minimize(
            List.of(1, 2, 3),
            list -> {
              asked.add(list);
              return true;
            });
    assertThat(minimal).isEmpty();
    assertThat(asked).containsExactly(List.of());
  }

  @Test
  void asksTheSameQuestionsInTheSameOrder() {
    List<Integer> items = List.of(5, 1, 9, 2, 8, 3, 7, 4, 6);
    assertThat(questions(items)).isEqualTo(questions(items));
  }

  private static List<List<Integer>> questions(List<Integer> items) {
    List<List<Integer>> asked = new ArrayList<>();
    DeltaDebugging.minimize(
        items,
        list -> {
          asked.add(list);
          return list.contains(9) && list.contains(4) || list.contains(6);
        });
    return asked;
  }

  @Property(tries = 200)
  void theResultFailsAndEveryElementOfItIsNeeded(
      @ForAll @Size(min = 1, max = 30) @UniqueElements
          List<@IntRange(min = 0, max = 60) Integer> items,
      @ForAll @Size(min = 1, max = 3) List<@IntRange(min = 0, max = 60) Integer> needed) {
    // The failure: the list holds every needed number that the input holds (so the input fails).
    List<Integer> present = needed.stream().filter(items::contains).distinct().toList();
    java.util.function.Predicate<List<Integer>> fails = list -> list.containsAll(present);
    List<Integer> minimal = DeltaDebugging.minimize(items, fails);
    assertThat(fails.test(minimal)).isTrue();
    for (int i = 0; i < minimal.size(); i++) {
      List<Integer> less = new ArrayList<>(minimal);
      less.remove(i);
      assertThat(fails.test(less)).as("without %s", minimal.get(i)).isFalse();
    }
    assertThat(items).containsAll(minimal);
  }

  @Test
  void splitsIntoNearlyEqualContiguousParts() {
    assertThat(DeltaDebugging.split(List.of(1, 2, 3, 4, 5), 2))
        .containsExactly(List.of(1, 2), List.of(3, 4, 5));
    assertThat(DeltaDebugging.split(List.of(1, 2, 3, 4, 5, 6, 7), 3))
        .containsExactly(List.of(1, 2), List.of(3, 4), List.of(5, 6, 7));
  }
}
