package faultline.protocols.paxos.multi.check;

import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.check.Step;
import faultline.engine.lookup.LookupMap;
import faultline.engine.node.NodeId;
import faultline.protocols.paxos.multi.MultiPaxosServer;
import faultline.protocols.paxos.multi.SlotValue;

/**
 * State machine safety (Paxos Made Simple §3: the servers execute "the same sequence of commands"):
 * once a replica has applied a value in a slot, no replica ever applies a different one there. A
 * restarted replica applies again from slot 0 and must apply the same values.
 */
final class StateMachineSafety implements Invariant {
  private final LookupMap<Long, Applied> applied = new LookupMap<>();
  private final LookupMap<NodeId, Seen> seen = new LookupMap<>();

  private record Applied(NodeId server, SlotValue value) {}

  /** How far this checker has followed one server's applied slots (in its current life). */
  private record Seen(MultiPaxosServer server, long appliedBelow) {}

  @Override
  public String name() {
    return MultiPaxosInvariants.STATE_MACHINE_SAFETY;
  }

  @Override
  public String description() {
    return "No two replicas apply different values in the same slot.";
  }

  @Override
  public void afterEvent(InvariantContext context) {
    Step step = context.lastStep().orElse(null);
    MultiPaxosServer server =
        step == null ? null : context.node(step.node(), MultiPaxosServer.class).orElse(null);
    if (server == null) {
      return;
    }
    NodeId id = step.node();
    Seen last = seen.get(id);
    long from = last != null && last.server() == server ? last.appliedBelow() : 0;
    long to = server.chosenBelow();
    if (from == to) {
      return; // Nothing newly applied (most steps).
    }
    seen.put(id, new Seen(server, to));
    for (long slot = from; slot < to; slot++) {
      SlotValue value = server.chosenValues().get(slot);
      Applied first = applied.putIfAbsent(slot, new Applied(id, value));
      if (first != null && !first.value().equals(value)) {
        context.fail(
            id,
            id
                + " applied "
                + value.describe()
                + " in slot "
                + slot
                + ", where "
                + first.server()
                + " applied "
                + first.value().describe());
        return;
      }
    }
  }
}
