package faultline.protocols.kv;

import faultline.engine.check.InvariantContext;
import faultline.engine.check.Step;
import faultline.engine.lookup.LookupMap;
import faultline.engine.node.NodeId;
import faultline.protocols.history.HistoryEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Gathers the history of a run's {@link ClientNode}s as it happens: after each client step it takes
 * the new events, so that the history is in real-time order across all clients and survives a
 * client's crash. An invariant that needs the history keeps one and calls {@link #collect} from its
 * {@code afterEvent}.
 *
 * <p>The events are the clients' own (immutable), so their {@code timeNanos} is the client's clock:
 * a copy of each stamped with true time, which nothing read, was 3% of the Raft workload's
 * allocation. The order, which is what the check reads, is the true one.
 */
public final class HistoryCollector {
  private final List<HistoryEvent> history = new ArrayList<>();
  private final List<HistoryEvent> historyView = Collections.unmodifiableList(history);
  private final LookupMap<NodeId, Cursor> cursors = new LookupMap<>(); // Only looked up.

  /** How far one client's history has been taken, and of which life of the client. */
  private static final class Cursor {
    ClientNode client;
    int position;
  }

  /**
   * Takes the events of the client step just taken, if any, and returns how many there were: they
   * are the last ones of {@link #history()}. A count rather than a list of them, since this runs
   * after every event.
   */
  public int collect(InvariantContext context) {
    Step step = context.lastStep().orElse(null);
    if (step == null) {
      return 0;
    }
    NodeId id = step.node();
    ClientNode client = context.node(id, ClientNode.class).orElse(null);
    if (client == null) {
      return 0;
    }
    Cursor cursor = cursors.get(id);
    if (cursor == null) {
      cursor = new Cursor();
      cursors.put(id, cursor);
    }
    int from = cursor.client == client ? cursor.position : 0;
    List<HistoryEvent> events = client.history();
    int before = history.size();
    for (int i = from; i < events.size(); i++) {
      history.add(events.get(i));
    }
    cursor.client = client;
    cursor.position = events.size();
    return history.size() - before;
  }

  /** Everything collected so far, in real-time order. */
  public List<HistoryEvent> history() {
    return historyView;
  }
}
