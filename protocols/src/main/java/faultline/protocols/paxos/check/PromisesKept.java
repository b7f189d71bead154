package faultline.protocols.paxos.check;

import faultline.engine.check.InvariantContext;

/**
 * An acceptor's promise never decreases, across crashes (Paxos Made Simple §3: it must remember its
 * promises in stable storage): a restarted acceptor that promises less than it did before its crash
 * can break a promise a proposer counted on.
 */
final class PromisesKept extends ProbeInvariant {
  PromisesKept(PaxosProbe probe) {
    super(probe);
  }

  @Override
  public String name() {
    return PaxosInvariants.PROMISES_KEPT;
  }

  @Override
  public String description() {
    return "An acceptor's promise never decreases, across crashes and restarts.";
  }

  @Override
  void onAcceptorStep(InvariantContext context, AcceptorStep step, AcceptorHistory.Change change) {
    if (change.promiseDecreased()) {
      context.fail(
          step.acceptor(),
          step.acceptor()
              + " had promised "
              + change.promisedBefore()
              + " and now promises only "
              + change.promisedNow()
              + ": a promise was forgotten");
    }
  }
}
