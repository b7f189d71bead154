package faultline.exercises.e12_linearizability;

import faultline.protocols.history.HistoryEvent;
import java.util.ArrayList;
import java.util.List;

/** Writes a register history event by event, in real-time order; null is the empty register. */
final class Events {
  private final List<HistoryEvent> events = new ArrayList<>();

  Events invoke(int process, String f, Object value) {
    return add(process, HistoryEvent.Type.INVOKE, f, value);
  }

  Events ok(int process, String f, Object value) {
    return add(process, HistoryEvent.Type.OK, f, value);
  }

  Events fail(int process, String f, Object value) {
    return add(process, HistoryEvent.Type.FAIL, f, value);
  }

  Events info(int process, String f, Object value) {
    return add(process, HistoryEvent.Type.INFO, f, value);
  }

  /** A write that is invoked and completes before anything else happens. */
  Events write(int process, long value) {
    return invoke(process, "write", value).ok(process, "write", value);
  }

  /** A read that is invoked and returns {@code value} before anything else happens. */
  Events read(int process, Long value) {
    return invoke(process, "read", null).ok(process, "read", value);
  }

  List<HistoryEvent> build() {
    return List.copyOf(events);
  }

  private Events add(int process, HistoryEvent.Type type, String f, Object value) {
    events.add(new HistoryEvent(process, type, f, null, value, events.size()));
    return this;
  }
}
