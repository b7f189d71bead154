package faultline.scenarios.shrink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import faultline.engine.fault.Fault;
import faultline.engine.node.NodeId;
import faultline.scenarios.parse.Durations;
import java.util.ArrayList;
import java.util.List;

/** Fault entries as a scenario file writes them, built from the engine's records and read back. */
final class Faults {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Faults() {}

  /**
   * The entry (without {@code at}) of a fault that {@code randomFaults} draws, in the scenario
   * format of {@code scenarios/README.md}, so that loading it gives back the same record.
   */
  static ObjectNode body(Fault fault) {
    ObjectNode body = JSON.objectNode();
    switch (fault) {
      case Fault.Partition partition -> {
        body.put("type", "partition");
        ArrayNode groups = body.putArray("groups");
        for (List<NodeId> group : partition.groups()) {
          ArrayNode names = groups.addArray();
          group.forEach(node -> names.add(node.name()));
        }
      }
      case Fault.Heal ignored -> body.put("type", "heal");
      case Fault.Block block -> link(body, "block", block.from(), block.to());
      case Fault.Unblock unblock -> link(body, "unblock", unblock.from(), unblock.to());
      case Fault.Crash crash -> {
        body.put("type", "crash").put("node", crash.node().name());
        if (crash.loseUnsyncedWrites()) {
          body.put("loseUnsyncedWrites", true);
        }
      }
      case Fault.Restart restart -> body.put("type", "restart").put("node", restart.node().name());
      case Fault.Pause pause ->
          body.put("type", "pause")
              .put("node", pause.node().name())
              .put("duration", Durations.format(pause.durationNanos()));
      case Fault.ClockJump jump ->
          body.put("type", "clock-jump").put("node", jump.node().name()).put("by", signed(jump));
      default ->
          throw new IllegalArgumentException("randomFaults never draws a fault like " + fault);
    }
    return body;
  }

  private static void link(ObjectNode body, String type, NodeId from, NodeId to) {
    body.put("type", type).put("from", from.name()).put("to", to.name());
  }

  private static String signed(Fault.ClockJump jump) {
    String magnitude = Durations.format(Math.abs(jump.deltaNanos()));
    return (jump.deltaNanos() < 0 ? "-" : "+") + magnitude;
  }

  static long pauseNanos(TimedFault pause) {
    return Durations.parse(pause.body().get("duration").textValue());
  }

  static TimedFault withPauseNanos(TimedFault pause, long nanos) {
    return pause.with("duration", TextNode.valueOf(Durations.format(nanos)));
  }

  /**
   * Whether {@code closer} undoes {@code opener}: a heal ends a partition, an unblock the block of
   * the same link, a restart the crash of the same node.
   */
  static boolean undoes(TimedFault closer, TimedFault opener) {
    return switch (opener.type()) {
      case "partition" -> closer.type().equals("heal");
      case "block" ->
          closer.type().equals("unblock")
              && same(closer, opener, "from")
              && same(closer, opener, "to");
      case "crash" -> closer.type().equals("restart") && same(closer, opener, "node");
      default -> false;
    };
  }

  private static boolean same(TimedFault one, TimedFault other, String field) {
    JsonNode value = one.body().get(field);
    return value != null && value.equals(other.body().get(field));
  }

  /**
   * Groups faults (in the order a run applies them) into episodes: each heal, unblock or restart
   * joins the latest fault it undoes that nothing undid yet; every other fault stands alone.
   */
  static List<Episode> episodes(List<TimedFault> faults, List<Boolean> drawn) {
    List<List<TimedFault>> groups = new ArrayList<>();
    List<Boolean> groupDrawn = new ArrayList<>();
    List<Integer> open = new ArrayList<>(); // Indexes into groups, oldest first.
    for (int i = 0; i < faults.size(); i++) {
      TimedFault fault = faults.get(i);
      int opener = -1;
      for (int o = open.size() - 1; o >= 0 && opener < 0; o--) {
        if (undoes(fault, groups.get(open.get(o)).getFirst())) {
          opener = o;
        }
      }
      if (opener >= 0) {
        groups.get(open.remove(opener)).add(fault);
        continue;
      }
      groups.add(new ArrayList<>(List.of(fault)));
      groupDrawn.add(drawn.get(i));
      if (List.of("partition", "block", "crash").contains(fault.type())) {
        open.add(groups.size() - 1);
      }
    }
    List<Episode> episodes = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      episodes.add(new Episode(groups.get(g), groupDrawn.get(g)));
    }
    return episodes;
  }
}
