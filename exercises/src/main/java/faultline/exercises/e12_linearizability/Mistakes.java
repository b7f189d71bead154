package faultline.exercises.e12_linearizability;

import faultline.engine.random.SimRandom;
import faultline.protocols.history.HistoryEvent;
import java.util.ArrayList;
import java.util.List;

/** Mistakes planted in generated histories, as a buggy store would make them. */
final class Mistakes {
  private Mistakes() {}

  /**
   * One successful read returns another value than the one it saw: the empty register or a value
   * some write wrote, drawn from {@code random}; the history is returned unchanged if it has no
   * successful read.
   */
  static List<HistoryEvent> plantStaleRead(List<HistoryEvent> events, SimRandom random) {
    List<Integer> reads = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    for (int at = 0; at < events.size(); at++) {
      HistoryEvent event = events.get(at);
      if (event.type() == HistoryEvent.Type.OK && event.f().equals("read")) {
        reads.add(at);
      }
      if (event.type() == HistoryEvent.Type.INVOKE && event.f().equals("write")) {
        values.add((Long) event.value());
      }
    }
    if (reads.isEmpty()) {
      return events;
    }
    int at = reads.get(random.nextInt(reads.size()));
    int choice = random.nextInt(values.size() + 1);
    Long planted = choice == values.size() ? null : values.get(choice);
    List<HistoryEvent> changed = new ArrayList<>(events);
    HistoryEvent read = events.get(at);
    changed.set(
        at,
        new HistoryEvent(
            read.process(), read.type(), read.f(), read.key(), planted, read.timeNanos()));
    return changed;
  }
}
