package faultline.engine;

import faultline.engine.check.Step;
import faultline.engine.fault.Fault;
import faultline.engine.net.Link;
import faultline.engine.net.LinkPolicy;
import faultline.engine.net.Network;
import faultline.engine.node.NodeId;
import java.util.List;

/** Applies faults to nodes, clocks and the network, and records each in the trace. */
final class FaultApplier {
  private final Simulation simulation;
  private final Network network;
  private final EngineTrace trace;
  private final Metrics metrics;

  FaultApplier(Simulation simulation, Network network, EngineTrace trace, Metrics metrics) {
    this.simulation = simulation;
    this.network = network;
    this.trace = trace;
    this.metrics = metrics;
  }

  /** Applies a fault; returns the node step it caused (a restart boots a node), else null. */
  Step apply(Fault fault) {
    metrics.add("faults", 1);
    long now = simulation.nowNanos();
    switch (fault) {
      case Fault.Partition partition -> {
        network.partition(partition.groups());
        trace.partition(network.partitionGroups(simulation.nodeIds()));
      }
      case Fault.Heal heal -> {
        network.heal();
        trace.heal();
      }
      case Fault.Block block -> {
        network.block(new Link(block.from(), block.to()));
        trace.block(block.from(), block.to());
      }
      case Fault.Unblock unblock -> {
        network.unblock(new Link(unblock.from(), unblock.to()));
        trace.unblock(unblock.from(), unblock.to());
      }
      case Fault.Crash crash -> crash(simulation.slot(crash.node()), crash.loseUnsyncedWrites());
      case Fault.Restart restart -> {
        return restart(simulation.slot(restart.node()));
      }
      case Fault.Pause pause -> pause(simulation.slot(pause.node()), pause.durationNanos());
      case Fault.ClockOffset offset -> {
        NodeSlot slot = simulation.slot(offset.node());
        slot.clock.setOffset(now, offset.offsetNanos());
        trace.clock(slot, "offset", offset.offsetNanos());
      }
      case Fault.ClockDrift drift -> {
        NodeSlot slot = simulation.slot(drift.node());
        slot.clock.setDrift(now, drift.driftPpb());
        trace.clock(slot, "drift", drift.driftPpb());
      }
      case Fault.ClockJump jump -> {
        NodeSlot slot = simulation.slot(jump.node());
        slot.clock.jump(now, jump.deltaNanos());
        trace.clock(slot, "jump", jump.deltaNanos());
      }
      case Fault.LinkChange change -> changeLinks(change);
    }
    return null;
  }

  private void crash(NodeSlot slot, boolean loseUnsyncedWrites) {
    if (slot.isCrashed()) {
      trace.skipped(slot, "crash", slot.id + " is already down");
      return;
    }
    int deferred = slot.deferredWhilePaused.size();
    simulation.dropDeferred(slot);
    int lost = slot.crash(loseUnsyncedWrites, simulation.nowNanos());
    trace.crash(slot, loseUnsyncedWrites, lost, deferred);
  }

  private Step restart(NodeSlot slot) {
    if (!slot.isCrashed()) {
      trace.skipped(slot, "restart", slot.id + " is up");
      return null;
    }
    // The boot is an ordinary node step: traced, causally stamped and checked like any other.
    return simulation.boot(slot, true);
  }

  private void pause(NodeSlot slot, long durationNanos) {
    if (slot.isCrashed() || slot.isPaused()) {
      trace.skipped(
          slot, "pause", slot.id + (slot.isCrashed() ? " is down" : " is already paused"));
      return;
    }
    long pauseId = slot.startPause();
    trace.pause(slot, durationNanos);
    simulation.schedule(
        Math.addExact(simulation.nowNanos(), durationNanos),
        new EngineEvent.Resume(slot.index, pauseId));
  }

  void resume(NodeSlot slot, long pauseId) {
    if (!slot.endPause(pauseId, simulation.nowNanos())) {
      return; // The node crashed during the pause; the crash already said so.
    }
    List<EngineEvent> deferred = List.copyOf(slot.deferredWhilePaused);
    slot.deferredWhilePaused.clear();
    trace.resume(slot, deferred.size());
    // Everything that fell due during the pause runs now, in the order it fell due, and before
    // anything that was scheduled during the pause for this very instant: with a plain add, a
    // message that arrives exactly at the resume would overtake messages that arrived earlier
    // (breaking FIFO links).
    for (EngineEvent event : deferred) {
      simulation.scheduleNowAhead(event);
    }
  }

  private void changeLinks(Fault.LinkChange change) {
    for (NodeId from : simulation.nodeIds()) {
      if (change.from() != null && !change.from().equals(from)) {
        continue;
      }
      for (NodeId to : simulation.nodeIds()) {
        if (from.equals(to) || (change.to() != null && !change.to().equals(to))) {
          continue;
        }
        Link link = new Link(from, to);
        network.setPolicy(link, updated(network.policyOf(link), change));
      }
    }
    trace.linkChange(change);
  }

  private static LinkPolicy updated(LinkPolicy policy, Fault.LinkChange change) {
    LinkPolicy result = policy;
    if (change.latency() != null) {
      result = result.withLatency(change.latency());
    }
    if (change.loss() != null) {
      result = result.withLoss(change.loss());
    }
    if (change.duplicate() != null) {
      result = result.withDuplicate(change.duplicate());
    }
    if (change.reorder() != null) {
      result = result.withReorder(change.reorder());
    }
    if (change.fifo() != null) {
      result = result.withFifo(change.fifo());
    }
    return result;
  }
}
