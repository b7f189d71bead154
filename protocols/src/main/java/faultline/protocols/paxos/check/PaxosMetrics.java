package faultline.protocols.paxos.check;

import faultline.engine.check.InvariantContext;
import faultline.engine.check.Observer;

/**
 * Never fails: measures, in true time, when the single decree was chosen (by the acceptors' votes)
 * and how many distinct values were, for the run's metrics: {@code paxos.chosen} (1 once a value is
 * chosen), {@code paxos.chosenAtNanos}, {@code paxos.valuesChosen} (more than 1 only when agreement
 * failed).
 */
final class PaxosMetrics implements Observer {
  private final PaxosProbe probe;
  private final AcceptorHistory history = new AcceptorHistory();
  private final ChosenLedger ledger;
  private boolean chosen;

  PaxosMetrics(PaxosProbe probe) {
    this.probe = probe;
    this.ledger = new ChosenLedger(probe.phase2Quorum());
  }

  @Override
  public String name() {
    return PaxosInvariants.METRICS;
  }

  @Override
  public String description() {
    return "Never fails: records when a value was first chosen and how many values were.";
  }

  @Override
  public void afterEvent(InvariantContext context) {
    AcceptorStep step = probe.acceptorAfterStep(context);
    if (step == null) {
      return;
    }
    for (Vote vote : history.record(step).newVotes()) {
      if (ledger.count(vote) != null && !chosen) {
        chosen = true;
        context.recordMax("paxos.chosenAtNanos", context.nowNanos());
      }
    }
  }

  @Override
  public void atEnd(InvariantContext context) {
    context.count("paxos.chosen", chosen ? 1 : 0);
    context.count(
        "paxos.valuesChosen",
        ledger.chosen(0).stream().map(ChosenLedger.Chosen::value).distinct().count());
  }
}
