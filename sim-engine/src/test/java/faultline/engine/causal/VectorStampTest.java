package faultline.engine.causal;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.node.NodeId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stamp keeps its counts as ints while they fit and as longs beyond: both say the same counts,
 * compare and hash alike, and order steps alike.
 */
class VectorStampTest {
  private static final List<NodeId> NODES = List.of(NodeId.of("n1"), NodeId.of("n2"));

  @Test
  void narrowAndWideStampsOfTheSameCountsAreEqual() {
    long[] counts = {3, 7};
    VectorStamp narrow = new VectorStamp(NODES, counts, true);
    VectorStamp wide = new VectorStamp(NODES, counts, false);

    assertThat(narrow).isEqualTo(wide);
    assertThat(narrow.hashCode()).isEqualTo(wide.hashCode()).isEqualTo(Arrays.hashCode(counts));
    assertThat(narrow.count(NodeId.of("n2"))).isEqualTo(7);
    assertThat(narrow).hasToString("{n1=3, n2=7}");
  }

  @Test
  void aWideStampKeepsCountsBeyondAnInt() {
    long beyond = Integer.MAX_VALUE + 2L;
    VectorStamp wide = new VectorStamp(NODES, new long[] {beyond, 1}, false);
    VectorStamp earlier = new VectorStamp(NODES, new long[] {5, 1}, true);

    assertThat(wide.count(0)).isEqualTo(beyond);
    assertThat(earlier.happenedBefore(wide)).isTrue();
    assertThat(wide.happenedBefore(earlier)).isFalse();
  }

  @Test
  void theStampIsACopyOfTheClock() {
    long[] clock = {1, 2};
    VectorStamp stamp = new VectorStamp(NODES, clock, true);
    clock[0] = 9;
    assertThat(stamp.count(0)).isEqualTo(1);
  }
}
