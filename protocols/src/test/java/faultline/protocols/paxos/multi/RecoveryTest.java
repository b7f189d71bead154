package faultline.protocols.paxos.multi;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.node.NodeId;
import faultline.protocols.kv.ClientCommand;
import faultline.protocols.kv.KvOperation;
import faultline.protocols.paxos.Ballot;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Promise;
import faultline.protocols.paxos.multi.MultiPaxosMessage.SlotProposal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a new leader proposes after phase 1, tied to Paxos Made Simple §3: in every slot a promise
 * reports, the value of the highest-numbered proposal reported there (P2c, slot by slot); in a gap
 * below the highest such slot, "a special no-op command that leaves the state unchanged"; nothing
 * in a slot the leader already knows chosen; new commands after all of them.
 */
class RecoveryTest {
  private static final NodeId N1 = NodeId.of("n1");
  private static final NodeId N2 = NodeId.of("n2");
  private static final Ballot B1 = Ballot.of(1, N1);
  private static final Ballot B2 = Ballot.of(2, N2);
  private static final Ballot B3 = Ballot.of(3, N1);

  private static SlotValue put(String key, String value) {
    return SlotValue.of(new ClientCommand(0, 1, KvOperation.put(key, value)));
  }

  private static Promise promise(SlotProposal... accepted) {
    return new Promise(B3, 0, List.of(accepted));
  }

  private static Recovery.Known knowing(Set<Long> chosen) {
    return new Recovery.Known() {
      @Override
      public boolean isChosen(long slot) {
        return chosen.contains(slot);
      }

      @Override
      public long highestChosen() {
        return chosen.stream().mapToLong(Long::longValue).max().orElse(-1);
      }
    };
  }

  @Test
  void eachSlotTakesTheValueOfItsHighestNumberedReportedProposal() {
    SlotValue older = put("x", "old");
    SlotValue newer = put("x", "new");
    Recovery.Plan plan =
        Recovery.PAPER.plan(
            0,
            List.of(
                promise(new SlotProposal(0, B1, older)), promise(new SlotProposal(0, B2, newer))),
            knowing(Set.of()));

    assertThat(plan.proposals()).isEqualTo(Map.of(0L, newer));
    assertThat(plan.nextSlot()).isEqualTo(1);
  }

  @Test
  void aGapBelowTheHighestReportedSlotIsFilledWithANoop() {
    SlotValue y = put("y", "b");
    Recovery.Plan plan =
        Recovery.PAPER.plan(
            0, List.of(promise(new SlotProposal(2, B1, y)), promise()), knowing(Set.of()));

    assertThat(plan.proposals())
        .containsExactly(
            Map.entry(0L, SlotValue.NOOP), Map.entry(1L, SlotValue.NOOP), Map.entry(2L, y));
    assertThat(plan.nextSlot()).isEqualTo(3);
  }

  @Test
  void slotsKnownChosenAndSlotsBelowThePrepareNeedNothing() {
    SlotValue y = put("y", "b");
    Recovery.Plan plan =
        Recovery.PAPER.plan(
            2, List.of(promise(new SlotProposal(4, B1, y))), knowing(Set.of(0L, 1L, 3L)));

    assertThat(plan.proposals()).containsExactly(Map.entry(2L, SlotValue.NOOP), Map.entry(4L, y));
    assertThat(plan.nextSlot()).isEqualTo(5);
  }

  @Test
  void withNothingReportedNewCommandsStartAtThePreparesFirstSlot() {
    Recovery.Plan plan = Recovery.PAPER.plan(7, List.of(promise(), promise()), knowing(Set.of()));

    assertThat(plan.proposals()).isEmpty();
    assertThat(plan.nextSlot()).isEqualTo(7);
  }

  @Test
  void theBugZooStrategyIgnoresWhatThePromisesReport() {
    Recovery.Plan plan =
        Recovery.SKIPS_GAP_RECOVERY.plan(
            0, List.of(promise(new SlotProposal(0, B1, put("x", "a")))), knowing(Set.of()));

    assertThat(plan.proposals()).isEmpty();
    assertThat(plan.nextSlot()).isZero();
  }
}
