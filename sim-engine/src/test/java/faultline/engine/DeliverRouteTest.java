package faultline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.causal.CausalTracker;
import faultline.engine.causal.VectorStamp;
import faultline.engine.node.NodeId;
import faultline.engine.testing.Text;
import faultline.engine.testing.Trials;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A queued delivery packs its sender, recipient and copy number into one int, and its message id
 * into an int when it carries no stamp and the id fits: every combination a run can make must read
 * back as it went in, the largest indices and ids included, in whichever form it takes, and a run
 * with more nodes than fit is refused when it is built.
 */
class DeliverRouteTest {
  private static final int LAST = EngineEvent.Deliver.NODES_MAX - 1;
  private static final VectorStamp STAMP =
      new CausalTracker(List.of(NodeId.of("n1"), NodeId.of("n2"))).stamp(0);

  @Test
  void senderRecipientAndCopyReadBackAsTheyWentIn() {
    Trials.forAll(
        "a delivery's route reads back",
        2000,
        case_ -> {
          int from = case_.nextInt(4) == 0 ? LAST - case_.nextInt(2) : case_.nextInt(LAST + 1);
          int to = case_.nextInt(4) == 0 ? LAST - case_.nextInt(2) : case_.nextInt(LAST + 1);
          int copy = case_.nextInt(1, 3);
          long id =
              switch (case_.nextInt(3)) {
                case 0 -> case_.nextLong(1, 1L << 20);
                case 1 -> Integer.MAX_VALUE + case_.nextLong(-2, 3); // Either side of the edge.
                default -> case_.nextLong(1, Long.MAX_VALUE);
              };
          VectorStamp stamp = case_.nextBoolean() ? null : STAMP;
          Text message = new Text("m");
          EngineEvent.Deliver deliver = EngineEvent.Deliver.of(from, to, id, copy, message, stamp);
          assertThat(deliver.from()).isEqualTo(from);
          assertThat(deliver.to()).isEqualTo(to);
          assertThat(deliver.copy()).isEqualTo(copy);
          assertThat(deliver.messageId()).isEqualTo(id);
          assertThat(deliver.message()).isSameAs(message);
          assertThat(deliver.senderStamp()).isSameAs(stamp);
          assertThat(deliver instanceof EngineEvent.Deliver.Narrow)
              .isEqualTo(stamp == null && id <= Integer.MAX_VALUE);
        });
    EngineEvent.Deliver corner = EngineEvent.Deliver.of(LAST, LAST, 1, 2, new Text("m"), null);
    assertThat(corner.from()).isEqualTo(LAST);
    assertThat(corner.to()).isEqualTo(LAST);
    assertThat(corner.copy()).isEqualTo(2);
  }

  @Test
  void indicesOrCopiesThatDoNotFitAreRefused() {
    assertThatThrownBy(() -> EngineEvent.Deliver.of(LAST + 1, 0, 1, 1, new Text("m"), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EngineEvent.Deliver.of(0, LAST + 1, 1, 1, new Text("m"), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EngineEvent.Deliver.of(0, 0, 1, 3, new Text("m"), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRunWithMoreNodesThanARouteHoldsIsRefused() {
    SimulationBuilder builder = Simulation.builder();
    for (int i = 0; i <= EngineEvent.Deliver.NODES_MAX; i++) {
      builder.node(NodeId.of("n" + i), id -> null);
    }
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a simulation has at most 32768 nodes, not 32769");
  }
}
