package faultline.engine.net;

import static faultline.engine.time.Nanos.MILLI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import faultline.engine.random.SimRandom;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The network decides each message's fate at send time. How it works: a {@link Network} is driven
 * directly, without a simulation, and its verdicts ({@link Network#cutReason} and {@link
 * Network#route}) are checked under partitions, blocks and link policies whose outcome is certain
 * (loss 1, duplicate 1), or, for ordering, over many messages whose latencies are random.
 */
class NetworkTest {
  private static final NodeId N1 = NodeId.of("n1");
  private static final NodeId N2 = NodeId.of("n2");
  private static final NodeId N3 = NodeId.of("n3");
  private static final NodeId N4 = NodeId.of("n4");
  private static final List<NodeId> ALL = List.of(N1, N2, N3, N4);

  private static Network network(LinkPolicy policy) {
    return new Network(policy, new SimRandom(17));
  }

  private static LinkPolicy constant(long nanos) {
    return LinkPolicy.defaults().withLatency(Latency.constant(nanos));
  }

  @Test
  void everyLinkIsOpenAtFirst() {
    Network network = network(LinkPolicy.defaults());
    for (NodeId from : ALL) {
      for (NodeId to : ALL) {
        assertThat(network.cutReason(from, to)).isNull();
      }
    }
    assertThat(network.partitionGroups(ALL)).isEmpty();
  }

  @Test
  void aPartitionCutsBetweenGroupsAndUnlistedNodesFormOneMoreGroup() {
    Network network = network(LinkPolicy.defaults());
    network.partition(List.of(List.of(N1), List.of(N2)));
    assertThat(network.cutReason(N1, N2)).isEqualTo(DropReason.PARTITION);
    assertThat(network.cutReason(N2, N1)).isEqualTo(DropReason.PARTITION);
    assertThat(network.cutReason(N1, N3)).isEqualTo(DropReason.PARTITION);
    assertThat(network.cutReason(N3, N4)).as("unlisted nodes are together").isNull();
    assertThat(network.cutReason(N1, N1)).as("a node always reaches itself").isNull();
    network.block(new Link(N1, N1));
    assertThat(network.cutReason(N1, N1)).as("even when its own link is blocked").isNull();
    assertThat(network.partitionGroups(ALL))
        .containsExactly(List.of(N3, N4), List.of(N1), List.of(N2));
  }

  @Test
  void aNewPartitionReplacesTheOld() {
    Network network = network(LinkPolicy.defaults());
    network.partition(List.of(List.of(N1, N2), List.of(N3, N4)));
    network.partition(List.of(List.of(N1, N3)));
    assertThat(network.cutReason(N1, N3)).isNull();
    assertThat(network.cutReason(N2, N4)).isNull();
    assertThat(network.cutReason(N1, N2)).isEqualTo(DropReason.PARTITION);
  }

  @Test
  void aNodeInTwoGroupsIsRejected() {
    Network network = network(LinkPolicy.defaults());
    assertThatThrownBy(() -> network.partition(List.of(List.of(N1, N2), List.of(N2))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void healReconnectsEveryoneButKeepsBlocks() {
    Network network = network(LinkPolicy.defaults());
    network.partition(List.of(List.of(N1), List.of(N2, N3)));
    network.block(new Link(N3, N4));
    network.heal();
    assertThat(network.cutReason(N1, N2)).isNull();
    assertThat(network.partitionGroups(ALL)).isEmpty();
    assertThat(network.cutReason(N3, N4)).isEqualTo(DropReason.BLOCKED);
  }

  @Test
  void aBlockCutsOneDirectionOnly() {
    Network network = network(constant(MILLI));
    network.block(new Link(N1, N2));
    assertThat(network.cutReason(N1, N2)).isEqualTo(DropReason.BLOCKED);
    assertThat(network.cutReason(N2, N1)).isNull();
    Route forward = network.route(0, N1, N2);
    assertThat(forward.isDropped()).isTrue();
    assertThat(forward.dropReason()).isEqualTo(DropReason.BLOCKED);
    assertThat(network.route(0, N2, N1).arrivalsNanos()).containsExactly(MILLI);
    assertThat(network.blockedLinksSorted()).containsExactly("n1->n2");
    network.unblock(new Link(N1, N2));
    assertThat(network.cutReason(N1, N2)).isNull();
  }

  @Test
  void aPartitionWinsOverABlockAsTheReason() {
    Network network = network(LinkPolicy.defaults());
    network.block(new Link(N1, N2));
    network.partition(List.of(List.of(N1)));
    assertThat(network.cutReason(N1, N2)).isEqualTo(DropReason.PARTITION);
    network.unblockAll();
    network.heal();
    assertThat(network.cutReason(N1, N2)).isNull();
  }

  @Test
  void totalLossDropsEverythingAsLoss() {
    Network network = network(LinkPolicy.defaults().withLoss(Ratio.ONE));
    for (int i = 0; i < 1_000; i++) {
      Route route = network.route(i, N1, N2);
      assertThat(route.dropReason()).isEqualTo(DropReason.LOSS);
      assertThat(route.arrivalsNanos()).isEmpty();
    }
  }

  @Test
  void partialLossDropsAboutItsShare() {
    Network network = network(LinkPolicy.defaults().withLoss(Ratio.of(1, 4)));
    int lost = 0;
    for (int i = 0; i < 20_000; i++) {
      lost += network.route(i, N1, N2).isDropped() ? 1 : 0;
    }
    assertThat(lost).isBetween(4_700, 5_300);
  }

  @Test
  void certainDuplicationDeliversTwoCopiesEachWithItsOwnLatency() {
    Network network =
        network(
            LinkPolicy.defaults()
                .withLatency(Latency.uniform(MILLI, 100 * MILLI))
                .withDuplicate(Ratio.ONE));
    boolean copiesDiffer = false;
    for (int i = 0; i < 100; i++) {
      long sentAt = i * MILLI;
      Route route = network.route(sentAt, N1, N2);
      assertThat(route.isDropped()).isFalse();
      assertThat(route.arrivalsNanos()).hasSize(2);
      for (long arrival : route.arrivalsNanos()) {
        assertThat(arrival).isBetween(sentAt + MILLI, sentAt + 100 * MILLI);
      }
      copiesDiffer |= route.arrivalsNanos()[0] != route.arrivalsNanos()[1];
    }
    assertThat(copiesDiffer).isTrue();
  }

  @Test
  void aConstantLatencyArrivesExactlyThatLate() {
    Network network = network(constant(3 * MILLI));
    assertThat(network.route(10, N1, N2).arrivalsNanos()).containsExactly(10 + 3 * MILLI);
  }

  @Test
  void fifoLinksDeliverInSendOrderEvenWithWideLatency() {
    LinkPolicy wide =
        LinkPolicy.defaults()
            .withLatency(Latency.uniform(0, 500 * MILLI))
            .withReorder(Ratio.ONE) // Ignored on a FIFO link.
            .withDuplicate(Ratio.of(1, 3))
            .withFifo(true);
    Network network = network(wide);
    long lastArrival = Long.MIN_VALUE;
    for (int i = 0; i < 5_000; i++) {
      // Many sends share an instant, so equal arrival times are common too.
      for (long arrival : network.route(i / 7 * 100_000L, N1, N2).arrivalsNanos()) {
        assertThat(arrival).isGreaterThanOrEqualTo(lastArrival);
        lastArrival = arrival;
      }
    }
  }

  @Test
  void fifoLinksIgnoreTheReorderProbability() {
    Network network = network(constant(10 * MILLI).withReorder(Ratio.ONE).withFifo(true));
    for (int i = 0; i < 100; i++) {
      assertThat(network.route(i * MILLI, N1, N2).arrivalsNanos())
          .containsExactly(i * MILLI + 10 * MILLI);
    }
  }

  @Test
  void fifoIsPerDirectedLink() {
    Network network = network(LinkPolicy.defaults().withFifo(true));
    network.setPolicy(
        new Link(N1, N2),
        LinkPolicy.defaults().withLatency(Latency.constant(900 * MILLI)).withFifo(true));
    network.route(0, N1, N2); // Arrives at 900 ms; must not hold back other links.
    long arrival = network.route(1, N2, N1).arrivalsNanos()[0];
    assertThat(arrival).isLessThan(900 * MILLI);
    assertThat(network.route(2, N1, N3).arrivalsNanos()[0]).isLessThan(900 * MILLI);
  }

  @Test
  void nonFifoLinksWithReorderingLetLaterMessagesOvertake() {
    Network network =
        network(
            LinkPolicy.defaults()
                .withLatency(Latency.constant(10 * MILLI))
                .withReorder(Ratio.of(1, 2))
                .withFifo(false));
    int overtaken = 0;
    long previousArrival = Long.MIN_VALUE;
    for (int i = 0; i < 1_000; i++) {
      long arrival = network.route(i * 1_000L, N1, N2).arrivalsNanos()[0];
      assertThat(arrival).isIn(Set.of(i * 1_000L + 10 * MILLI, i * 1_000L + 20 * MILLI));
      overtaken += arrival < previousArrival ? 1 : 0;
      previousArrival = arrival;
    }
    assertThat(overtaken).isBetween(150, 350); // About a quarter of consecutive pairs.
  }

  @Test
  void withoutReorderingAConstantLatencyNeverReorders() {
    Network network = network(constant(10 * MILLI));
    long previousArrival = Long.MIN_VALUE;
    for (int i = 0; i < 1_000; i++) {
      long arrival = network.route(i, N1, N2).arrivalsNanos()[0];
      assertThat(arrival).isGreaterThan(previousArrival);
      previousArrival = arrival;
    }
  }

  @Test
  void perLinkPoliciesOverrideTheDefaultUntilTheDefaultChanges() {
    Network network = network(constant(MILLI));
    network.setPolicy(new Link(N1, N2), constant(7 * MILLI));
    assertThat(network.route(0, N1, N2).arrivalsNanos()).containsExactly(7 * MILLI);
    assertThat(network.route(0, N2, N1).arrivalsNanos()).containsExactly(MILLI);
    network.setDefaultPolicy(constant(2 * MILLI));
    assertThat(network.route(0, N1, N2).arrivalsNanos()).containsExactly(2 * MILLI);
    assertThat(network.defaultPolicy()).isEqualTo(constant(2 * MILLI));
  }

  @Test
  void aCutLinkDecidesWithoutDrawing() {
    // A dropped message must not consume randomness: otherwise a partition would reshuffle the
    // latencies of every later message on every other link.
    SimRandom random = new SimRandom(5);
    Network network = new Network(LinkPolicy.defaults().withLoss(Ratio.of(1, 2)), random);
    network.partition(List.of(List.of(N1)));
    network.route(0, N1, N2);
    assertThat(random.draws()).isZero();
  }

  @Test
  void theSameSeedGivesTheSameFates() {
    LinkPolicy busy =
        LinkPolicy.defaults()
            .withLoss(Ratio.of(1, 10))
            .withDuplicate(Ratio.of(1, 10))
            .withReorder(Ratio.of(1, 10));
    Network first = new Network(busy, new SimRandom(99));
    Network second = new Network(busy, new SimRandom(99));
    for (int i = 0; i < 1_000; i++) {
      Route a = first.route(i, N1, N2);
      Route b = second.route(i, N1, N2);
      assertThat(a.dropReason()).isEqualTo(b.dropReason());
      assertThat(a.arrivalsNanos()).containsExactly(b.arrivalsNanos());
    }
  }
}
