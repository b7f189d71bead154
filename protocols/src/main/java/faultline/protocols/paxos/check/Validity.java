package faultline.protocols.paxos.check;

import faultline.engine.check.InvariantContext;

/**
 * Validity (Paxos Made Simple §2.1, "only a value that has been proposed may be chosen"): every
 * value a phase-2 quorum accepts at one ballot was proposed by a proposer (or, in Multi-Paxos, sent
 * by a client, or is a leader's no-op).
 */
final class Validity extends ProbeInvariant {
  private final ChosenLedger ledger;

  Validity(PaxosProbe probe) {
    super(probe);
    this.ledger = new ChosenLedger(probe.phase2Quorum());
  }

  @Override
  public String name() {
    return PaxosInvariants.VALIDITY;
  }

  @Override
  public String description() {
    return "Only a value that was proposed is ever chosen.";
  }

  @Override
  void onAcceptorStep(InvariantContext context, AcceptorStep step, AcceptorHistory.Change change) {
    for (Vote vote : change.newVotes()) {
      ChosenLedger.Chosen chosen = ledger.count(vote);
      if (chosen != null && !probe.wasProposed(context, chosen.slot(), chosen.value())) {
        context.fail(
            step.acceptor(),
            "chose "
                + chosen.describe()
                + (probe.slotted() ? " in slot " + chosen.slot() : "")
                + ", a value nobody proposed");
        return;
      }
    }
  }
}
