package faultline.protocols.locks;

import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.check.Step;
import faultline.engine.lookup.LookupMap;
import faultline.engine.node.NodeId;
import java.util.Optional;

/**
 * The resource never accepts a stale write: one whose writer's lease is over. Each family says what
 * "over" means ({@link #staleReason}); this class watches the resource, and counts every stale
 * write that reaches it as attempted, then accepted or rejected (the metrics {@value #ATTEMPTED},
 * {@value #ACCEPTED}, {@value #REJECTED}). Only an accepted one is a violation: a rejected one is
 * fencing doing its job.
 */
public abstract class StaleWriteInvariant implements Invariant {
  public static final String ATTEMPTED = "locks.staleWrites.attempted";
  public static final String ACCEPTED = "locks.staleWrites.accepted";
  public static final String REJECTED = "locks.staleWrites.rejected";

  private final String name;
  private final String description;
  private final LookupMap<NodeId, StorageResourceNode.Decision> lastSeen = new LookupMap<>();
  // The highest token each resource has really accepted, whatever the resource itself remembers.
  private final LookupMap<NodeId, Long> highestAccepted = new LookupMap<>();
  private boolean started;

  protected StaleWriteInvariant(String name, String description) {
    this.name = name;
    this.description = description;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final void afterEvent(InvariantContext context) {
    if (!started) {
      started = true; // Zeroes, so that a clean run says "0 stale writes" rather than nothing.
      context.count(ATTEMPTED, 0);
      context.count(ACCEPTED, 0);
      context.count(REJECTED, 0);
    }
    observe(context);
    Optional<Step> step = context.lastStep();
    if (step.isEmpty()) {
      return;
    }
    NodeId node = step.get().node();
    StorageResourceNode.Decision decision =
        context
            .node(node, StorageResourceNode.class)
            .map(StorageResourceNode::lastDecision)
            .orElse(null);
    if (decision == null || decision == lastSeen.get(node)) {
      return;
    }
    lastSeen.put(node, decision);
    long highestBefore = highestAccepted.getOrDefault(node, ResourceMessage.NO_TOKEN);
    if (decision.accepted()) {
      highestAccepted.put(node, Math.max(highestBefore, decision.token()));
    }
    String reason = staleReason(context, decision, highestBefore);
    if (reason == null) {
      return;
    }
    context.count(ATTEMPTED, 1);
    if (!decision.accepted()) {
      context.count(REJECTED, 1);
      return;
    }
    context.count(ACCEPTED, 1);
    context.fail(
        node,
        node
            + " accepted "
            + decision.writer()
            + "'s write"
            + (decision.token() == ResourceMessage.NO_TOKEN
                ? ""
                : " with token " + decision.token())
            + ", but "
            + reason);
  }

  /** Keeps whatever state {@link #staleReason} needs; called after every event. */
  protected abstract void observe(InvariantContext context);

  /**
   * Why the write is stale (completing "but ..."), or null when it is not.
   *
   * @param highestAcceptedBefore the highest token the resource had accepted before this write
   */
  protected abstract String staleReason(
      InvariantContext context, StorageResourceNode.Decision write, long highestAcceptedBefore);
}
