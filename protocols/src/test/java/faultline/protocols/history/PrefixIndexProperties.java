package faultline.protocols.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link PrefixIndex} against the scan it replaces: for any states and any target, the positions it
 * finds are exactly those of the states from which the key-value model may reach the target, in
 * ascending order. The strings are drawn from "A", "a" and "B", so that equal strings, prefixes of
 * each other and different strings of one hash code ("Aa" and "BB") all come up; some states are
 * not strings at all.
 */
class PrefixIndexProperties {
  private static final String[] LETTERS = {"A", "a", "B"};

  @Property(tries = 3000)
  void findsExactlyTheStatesFromWhichTheTargetMayBeReached(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 40) int stateCount) {
    SplittableRandom random = new SplittableRandom(seed);
    Object[] states = new Object[stateCount];
    for (int k = 0; k < stateCount; k++) {
      states[k] = random.nextInt(8) == 0 ? otherState(random) : string(random, 5);
    }
    PrefixIndex index = new PrefixIndex(states);
    int[] into = new int[stateCount];
    for (int t = 0; t < 20; t++) {
      Object target = random.nextInt(10) == 0 ? otherState(random) : string(random, 7);
      int[] expected =
          IntStream.range(0, stateCount)
              .filter(k -> Model.kv().mayReach(states[k], target))
              .toArray();
      int count = index.prefixesOf(target, into);
      assertThat(Arrays.copyOf(into, count))
          .as("states %s, target %s", Arrays.toString(states), target)
          .containsExactly(expected);
    }
  }

  @Test
  void aStringOfTheSameHashCodeIsNoPrefix() {
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    PrefixIndex index = new PrefixIndex(new Object[] {"BB", "", "Aa", "B", "Aa"});
    int[] into = new int[5];
    assertThat(Arrays.copyOf(into, index.prefixesOf("Aab", into))).containsExactly(1, 2, 4);
    assertThat(Arrays.copyOf(into, index.prefixesOf("BBa", into))).containsExactly(0, 1, 3);
    assertThat(index.prefixesOf(7L, into)).isZero();
  }

  private static String string(SplittableRandom random, int lengthMax) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(lengthMax + 1);
    for (int i = 0; i < length; i++) {
      text.append(LETTERS[random.nextInt(LETTERS.length)]);
    }
    return text.toString();
  }

  private static Object otherState(SplittableRandom random) {
    return random.nextBoolean() ? null : (Object) (long) random.nextInt(3);
  }
}
