package faultline.protocols.locks;

import faultline.engine.check.InvariantContext;
import faultline.engine.check.Sometimes;
import faultline.engine.check.Step;
import java.util.List;

/**
 * Reached when the storage refuses a write whose fencing token is below the highest it has accepted
 * (Kleppmann, "How to do distributed locking", 2016): the path on which fencing does its job, which
 * only a client that lost its lock without knowing it (a pause, a clock jump) can take.
 */
public final class FencingTokenRejected implements Sometimes {
  /** The property's name. */
  public static final String NAME = "locks.fencing-token-rejected";

  /** Fresh instances for one run. */
  public static List<Sometimes> all() {
    return List.of(new FencingTokenRejected());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "The storage rejected a write whose fencing token was older than one it had accepted.";
  }

  @Override
  public boolean reached(InvariantContext context) {
    Step step = context.lastStep().orElse(null);
    if (step == null || step.kind() != Step.Kind.MESSAGE) {
      return false;
    }
    StorageResourceNode storage = context.node(step.node(), StorageResourceNode.class).orElse(null);
    return storage != null
        && storage.lastDecision() != null
        && !storage.lastDecision().accepted()
        && step.message() instanceof ResourceMessage.Write;
  }
}
