package faultline.protocols.paxos.check;

import faultline.engine.check.InvariantContext;

/**
 * Learners learn only chosen values (Paxos Made Simple §2.1, "a process never learns that a value
 * has been chosen unless it actually has been"): whatever a node has learned must be chosen by the
 * acceptors' own votes at that moment.
 */
final class LearnedWasChosen extends ProbeInvariant {
  private final ChosenLedger ledger;

  LearnedWasChosen(PaxosProbe probe) {
    super(probe);
    this.ledger = new ChosenLedger(probe.phase2Quorum());
  }

  @Override
  public String name() {
    return PaxosInvariants.LEARNED_WAS_CHOSEN;
  }

  @Override
  public String description() {
    return "A node learns a value only if the acceptors have chosen it.";
  }

  @Override
  void onAcceptorStep(InvariantContext context, AcceptorStep step, AcceptorHistory.Change change) {
    change.newVotes().forEach(ledger::count);
  }

  @Override
  void afterLearnerStep(InvariantContext context) {
    for (Learned learned : probe.learnedAfterStep(context)) {
      if (!ledger.isChosen(learned.slot(), learned.value())) {
        context.fail(
            learned.node(),
            learned.node()
                + " learned "
                + Values.describe(learned.value())
                + (probe.slotted() ? " in slot " + learned.slot() : "")
                + ", which no phase-2 quorum of acceptors has accepted at one ballot");
        return;
      }
    }
  }
}
