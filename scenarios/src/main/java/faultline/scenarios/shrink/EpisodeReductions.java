package faultline.scenarios.shrink;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;
import static faultline.scenarios.shrink.Search.ceilMillis;
import static faultline.scenarios.shrink.Search.floorMillis;
import static faultline.scenarios.shrink.Search.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import faultline.scenarios.parse.Durations;
import java.util.ArrayList;
import java.util.List;

/**
 * Reductions of single faults, each tried on every episode in order: shorter pauses, partitions,
 * cuts and crashes; partitions that cut fewer nodes off; smaller clock steps; faults moved later,
 * towards the violation; and, last, times on round numbers.
 */
final class EpisodeReductions {
  private static final long[] GRIDS_NANOS = {SECOND, 100 * MILLI, 10 * MILLI, MILLI};

  private EpisodeReductions() {}

  /** Each episode as short as it can be: 1 ms, a quarter, or half its length. */
  static boolean shorten(Search search) {
    boolean changed = false;
    for (int i = 0; i < search.current().episodes().size(); i++) {
      Episode episode = search.current().episodes().get(i);
      long lengthNanos = episode.lengthNanos();
      for (long shorter :
          distinct(MILLI, ceilMillis(lengthNanos / 4), ceilMillis(lengthNanos / 2))) {
        if (shorter < lengthNanos
            && search.attempt(
                search.current().withEpisode(i, episode.lasting(shorter)),
                "shortened a " + episode.faults().getFirst().type() + " to " + text(shorter))) {
          changed = true;
          break;
        }
      }
    }
    return changed;
  }

  /**
   * Partitions that cut fewer nodes off (one node at a time rejoins the rest), crashes that keep
   * their unsynced writes, clock steps half as large.
   */
  static boolean narrow(Search search) {
    boolean changed = false;
    for (int i = 0; i < search.current().episodes().size(); i++) {
      while (narrowOnce(search, i)) {
        changed = true;
      }
    }
    return changed;
  }

  private static boolean narrowOnce(Search search, int index) {
    Episode episode = search.current().episodes().get(index);
    TimedFault first = episode.faults().getFirst();
    switch (first.type()) {
      case "partition" -> {
        ArrayNode groups = (ArrayNode) first.body().get("groups");
        for (int g = 0; g < groups.size(); g++) {
          for (int n = 0; n < groups.get(g).size(); n++) {
            ArrayNode fewer = without(groups, g, n);
            if (!fewer.isEmpty()
                && search.attempt(
                    search
                        .current()
                        .withEpisode(index, episode.withFirst(first.with("groups", fewer))),
                    "narrowed a partition: "
                        + groups.get(g).get(n).textValue()
                        + " stays with the rest")) {
              return true;
            }
          }
        }
        return false;
      }
      case "crash" -> {
        return first.body().has("loseUnsyncedWrites")
            && search.attempt(
                search
                    .current()
                    .withEpisode(
                        index, episode.withFirst(withoutField(first, "loseUnsyncedWrites"))),
                "a crash keeps its unsynced writes");
      }
      case "clock-jump" -> {
        long byNanos = Durations.parseSigned(first.body().get("by").textValue());
        long half = Long.signum(byNanos) * ceilMillis(Math.abs(byNanos) / 2);
        return Math.abs(half) >= MILLI
            && half != byNanos
            && search.attempt(
                search
                    .current()
                    .withEpisode(index, episode.withFirst(first.with("by", signed(half)))),
                "halved a clock step to " + signed(half).textValue());
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * Each episode, last first, moved later so that it ends just before the violation, or half or a
   * quarter of that way: what happened long before the failure is rarely what caused it.
   */
  static boolean moveLater(Search search) {
    boolean changed = false;
    for (int i = search.current().episodes().size() - 1; i >= 0; i--) {
      Episode episode = search.current().episodes().get(i);
      long roomNanos = search.violationNanos() - episode.endNanos();
      for (long shift :
          distinct(
              floorMillis(roomNanos), floorMillis(roomNanos / 2), floorMillis(roomNanos / 4))) {
        if (shift >= MILLI
            && search.attempt(
                search.current().withEpisode(i, episode.shiftedBy(shift)),
                "moved a " + episode.faults().getFirst().type() + " " + text(shift) + " later")) {
          changed = true;
          break;
        }
      }
    }
    return changed;
  }

  /**
   * Each episode's start and length on the coarsest grid (1 s, 100 ms, 10 ms, 1 ms) that keeps the
   * failure, for a scenario a person can read. Done once, after the fixed point.
   */
  static void roundTimes(Search search) {
    for (int i = 0; i < search.current().episodes().size(); i++) {
      Episode episode = search.current().episodes().get(i);
      for (long grid : GRIDS_NANOS) {
        long start = nearest(episode.startNanos(), grid);
        long length =
            episode.hasLength() ? Math.max(grid, nearest(episode.lengthNanos(), grid)) : 0;
        if (start == episode.startNanos() && length == episode.lengthNanos()) {
          break;
        }
        Episode rounded = episode.shiftedBy(start - episode.startNanos());
        rounded = episode.hasLength() ? rounded.lasting(length) : rounded;
        if (start + length <= search.violationNanos()
            && search.attempt(
                search.current().withEpisode(i, rounded),
                "put a " + episode.faults().getFirst().type() + " at " + text(start))) {
          break;
        }
      }
    }
  }

  private static long nearest(long nanos, long grid) {
    return Math.floorDiv(nanos + grid / 2, grid) * grid;
  }

  private static ArrayNode without(ArrayNode groups, int group, int node) {
    ArrayNode fewer = JsonNodeFactory.instance.arrayNode();
    for (int g = 0; g < groups.size(); g++) {
      ArrayNode names = JsonNodeFactory.instance.arrayNode();
      for (int n = 0; n < groups.get(g).size(); n++) {
        if (g != group || n != node) {
          names.add(groups.get(g).get(n).deepCopy());
        }
      }
      if (!names.isEmpty()) {
        fewer.add(names);
      }
    }
    return fewer;
  }

  private static TimedFault withoutField(TimedFault fault, String field) {
    ObjectNode body = fault.body().deepCopy();
    body.remove(field);
    return new TimedFault(fault.atNanos(), body, fault.rank());
  }

  private static JsonNode signed(long nanos) {
    return TextNode.valueOf((nanos < 0 ? "-" : "+") + Durations.format(Math.abs(nanos)));
  }

  private static List<Long> distinct(long... values) {
    List<Long> result = new ArrayList<>();
    for (long value : values) {
      if (value > 0 && !result.contains(value)) {
        result.add(value);
      }
    }
    return result;
  }
}
