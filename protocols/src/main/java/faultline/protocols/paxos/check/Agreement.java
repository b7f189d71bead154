package faultline.protocols.paxos.check;

import faultline.engine.check.InvariantContext;

/**
 * Agreement (Paxos Made Simple §2.1, "only a single value is chosen"): at most one value is ever
 * chosen in a slot, where chosen means voted for by a phase-2 quorum of acceptors at one ballot,
 * computed from the acceptors' own state.
 */
final class Agreement extends ProbeInvariant {
  private final ChosenLedger ledger;

  Agreement(PaxosProbe probe) {
    super(probe);
    this.ledger = new ChosenLedger(probe.phase2Quorum());
  }

  @Override
  public String name() {
    return PaxosInvariants.AGREEMENT;
  }

  @Override
  public String description() {
    return "At most one value is ever chosen in a slot (accepted by a phase-2 quorum of acceptors"
        + " at one ballot, judged from the acceptors' state).";
  }

  @Override
  void onAcceptorStep(InvariantContext context, AcceptorStep step, AcceptorHistory.Change change) {
    for (Vote vote : change.newVotes()) {
      ChosenLedger.Chosen chosen = ledger.count(vote);
      if (chosen == null) {
        continue;
      }
      for (ChosenLedger.Chosen earlier : ledger.chosen(vote.slot())) {
        if (!earlier.value().equals(chosen.value())) {
          context.fail(
              step.acceptor(),
              "two values chosen"
                  + (probe.slotted() ? " in slot " + vote.slot() : "")
                  + ": "
                  + earlier.describe()
                  + ", then "
                  + chosen.describe()
                  + " when "
                  + vote.describe(false));
          return;
        }
      }
    }
  }
}
