package faultline.protocols.paxos.check;

import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;

/**
 * An invariant fed by a {@link PaxosProbe}: after every event it reads the acceptor that stepped,
 * records the step in its own {@link AcceptorHistory} (so each invariant stands alone when a
 * scenario selects a few), and hands on what changed and what was learned.
 */
abstract class ProbeInvariant implements Invariant {
  final PaxosProbe probe;
  private final AcceptorHistory history = new AcceptorHistory();

  ProbeInvariant(PaxosProbe probe) {
    this.probe = probe;
  }

  @Override
  public final void afterEvent(InvariantContext context) {
    AcceptorStep step = probe.acceptorAfterStep(context);
    if (step != null) {
      onAcceptorStep(context, step, history.record(step));
    }
    afterLearnerStep(context);
  }

  /** After each acceptor step, with what it changed. */
  abstract void onAcceptorStep(
      InvariantContext context, AcceptorStep step, AcceptorHistory.Change change);

  /** After every event, for invariants that look at learners. */
  void afterLearnerStep(InvariantContext context) {}
}
