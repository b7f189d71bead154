package faultline.exercises.e11_read_index;

import faultline.engine.check.InvariantContext;
import faultline.engine.check.Observer;
import faultline.engine.node.NodeId;
import faultline.protocols.history.HistoryEvent;
import faultline.protocols.kv.ClientNode;
import java.util.Optional;

/**
 * Never fails: records, at the end of the run, how many {@code get}s the clients saw answered, as
 * the metric {@value #METRIC}. A read rule that never lets a read through keeps every history
 * linearizable; a floor on this metric makes the checks demand answers too.
 */
final class ReadsServed implements Observer {
  static final String METRIC = "exercise.readsServed";

  @Override
  public String name() {
    return "exercise.reads-served";
  }

  @Override
  public String description() {
    return "Never fails: records how many gets the clients saw answered, as " + METRIC + ".";
  }

  @Override
  public void afterEvent(InvariantContext context) {}

  @Override
  public void atEnd(InvariantContext context) {
    long served = 0;
    for (NodeId id : context.nodes()) {
      Optional<ClientNode> client = context.node(id, ClientNode.class);
      if (client.isPresent()) {
        for (HistoryEvent event : client.get().history()) {
          if (event.type() == HistoryEvent.Type.OK && event.f().equals("get")) {
            served++;
          }
        }
      }
    }
    context.count(METRIC, served);
  }
}
