package faultline.scenarios.cli;

import faultline.engine.fault.Fault;
import faultline.engine.node.NodeId;
import faultline.scenarios.parse.Durations;
import java.util.ArrayList;
import java.util.List;

/** A fault in the words of the scenario file that schedules it, for {@code describe}. */
final class FaultText {
  private FaultText() {}

  static String of(Fault fault) {
    return switch (fault) {
      case Fault.Partition partition ->
          "partition "
              + String.join(" | ", partition.groups().stream().map(FaultText::nodes).toList());
      case Fault.Heal heal -> "heal every partition";
      case Fault.Block block -> "block " + block.from() + " -> " + block.to();
      case Fault.Unblock unblock -> "unblock " + unblock.from() + " -> " + unblock.to();
      case Fault.Crash crash ->
          "crash " + crash.node() + (crash.loseUnsyncedWrites() ? ", losing unsynced writes" : "");
      case Fault.Restart restart -> "restart " + restart.node();
      case Fault.Pause pause ->
          "pause " + pause.node() + " for " + Text.duration(pause.durationNanos());
      case Fault.ClockOffset offset ->
          "clock-offset " + offset.node() + " to " + signed(offset.offsetNanos());
      case Fault.ClockDrift drift ->
          "clock-drift " + drift.node() + " to " + Durations.formatDrift(drift.driftPpb());
      case Fault.ClockJump jump -> "clock-jump " + jump.node() + " by " + signed(jump.deltaNanos());
      case Fault.LinkChange link -> link(link);
    };
  }

  private static String link(Fault.LinkChange link) {
    List<String> changes = new ArrayList<>();
    if (link.latency() != null) {
      changes.add("latency " + DescribeCommand.describe(link.latency()));
    }
    if (link.loss() != null) {
      changes.add("loss " + Text.probability(link.loss()));
    }
    if (link.duplicate() != null) {
      changes.add("duplicate " + Text.probability(link.duplicate()));
    }
    if (link.reorder() != null) {
      changes.add("reorder " + Text.probability(link.reorder()));
    }
    if (link.fifo() != null) {
      changes.add(link.fifo() ? "FIFO" : "not FIFO");
    }
    return "link "
        + (link.from() == null ? "*" : link.from())
        + " -> "
        + (link.to() == null ? "*" : link.to())
        + ": "
        + (changes.isEmpty() ? "no change" : String.join(", ", changes));
  }

  private static String nodes(List<NodeId> group) {
    return String.join(" ", group.stream().map(NodeId::toString).toList());
  }

  private static String signed(long nanos) {
    return nanos < 0 ? "-" + Text.duration(-nanos) : "+" + Text.duration(nanos);
  }
}
