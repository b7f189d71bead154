package faultline.protocols.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The commit rule's list of matchIndexes: the values last put, read-only to the rule. */
class MatchIndexesTest {
  @Test
  void holdsTheLastValuePutAtEachPositionPastItsFirstArray() {
    MatchIndexes matchIndexes = new MatchIndexes();
    for (int position = 0; position < 11; position++) { // Past the first growth.
      matchIndexes.put(position, 100L + position);
    }
    matchIndexes.put(3, 5_000_000_000L);

    assertThat(matchIndexes).hasSize(11);
    assertThat(matchIndexes.get(3)).isEqualTo(5_000_000_000L);
    assertThat(matchIndexes.get(10)).isEqualTo(110L);
    assertThat(matchIndexes.subList(0, 3)).isEqualTo(List.of(100L, 101L, 102L));
    assertThatThrownBy(() -> matchIndexes.get(11)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> matchIndexes.set(0, 1L))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
