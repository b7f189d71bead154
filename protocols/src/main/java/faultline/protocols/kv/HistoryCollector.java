package faultline.protocols.kv;

import faultline.engine.check.InvariantContext;
import faultline.engine.check.Step;
import faultline.engine.lookup.LookupMap;
import faultline.engine.node.NodeId;
import faultline.protocols.history.HistoryEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Gathers the history of a run's {@link ClientNode}s as it happens: after each client step it
 * copies the new events, stamped with true time, so that the history is in real-time order across
 * all clients and survives a client's crash. An invariant that needs the history keeps one and
 * calls {@link #collect} from its {@code afterEvent}.
 */
public final class HistoryCollector {
  private final List<HistoryEvent> history = new ArrayList<>();
  private final LookupMap<NodeId, Cursor> cursors = new LookupMap<>(); // Only looked up.

  private record Cursor(ClientNode client, int position) {}

  /** Copies the events of the client step just taken, if any; returns how many were new. */
  public List<HistoryEvent> collect(InvariantContext context) {
    Optional<Step> step = context.lastStep();
    if (step.isEmpty()) {
      return List.of();
    }
    NodeId id = step.get().node();
    Optional<ClientNode> client = context.node(id, ClientNode.class);
    if (client.isEmpty()) {
      return List.of();
    }
    Cursor cursor = cursors.get(id);
    int from = cursor != null && cursor.client() == client.get() ? cursor.position() : 0;
    List<HistoryEvent> events = client.get().history();
    List<HistoryEvent> fresh = new ArrayList<>();
    for (int i = from; i < events.size(); i++) {
      HistoryEvent event = events.get(i);
      fresh.add(
          new HistoryEvent(
              event.process(),
              event.type(),
              event.f(),
              event.key(),
              event.value(),
              context.nowNanos()));
    }
    history.addAll(fresh);
    cursors.put(id, new Cursor(client.get(), events.size()));
    return fresh;
  }

  /** Everything collected so far, in real-time order. */
  public List<HistoryEvent> history() {
    return Collections.unmodifiableList(history);
  }
}
