package faultline.protocols.paxos.check;

import faultline.engine.check.InvariantContext;

/**
 * An acceptor never accepts a proposal numbered below a promise it has made (Paxos Made Simple
 * §2.2, P1a), including a promise made before a crash.
 */
final class NoAcceptBelowPromise extends ProbeInvariant {
  NoAcceptBelowPromise(PaxosProbe probe) {
    super(probe);
  }

  @Override
  public String name() {
    return PaxosInvariants.NO_ACCEPT_BELOW_PROMISE;
  }

  @Override
  public String description() {
    return "An acceptor never accepts a proposal below a ballot it has promised, across crashes.";
  }

  @Override
  void onAcceptorStep(InvariantContext context, AcceptorStep step, AcceptorHistory.Change change) {
    for (Vote vote : change.newVotes()) {
      if (vote.ballot().isBelow(change.highestPromiseBefore())) {
        context.fail(
            step.acceptor(),
            vote.describe(probe.slotted())
                + " after promising "
                + change.highestPromiseBefore()
                + ", which is higher");
        return;
      }
    }
  }
}
