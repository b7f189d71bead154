package faultline.protocols.kv;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.node.NodeId;
import faultline.protocols.kv.KvMessage.ClientRequest;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The waiting clients against the {@code TreeMap} by position they replace, on random orders. */
class WaitingClientsTest {
  private record Waiting(NodeId client, ClientRequest request) {}

  @Test
  void holdsWhatAMapByPositionHolds() {
    Random random = new Random(16);
    for (int round = 0; round < 200; round++) {
      WaitingClients waiting = new WaitingClients();
      Map<Long, Waiting> expected = new TreeMap<>();
      for (int step = 0; step < 200; step++) {
        long position = 1 + random.nextInt(40); // Repeats, and out of order: bugs place so.
        int action = random.nextInt(10);
        if (action < 5) {
          Waiting put =
              new Waiting(
                  NodeId.of("c" + random.nextInt(3)),
                  new ClientRequest(random.nextInt(4), step, KvOperation.get("x")));
          waiting.put(position, put.client(), put.request());
          expected.put(position, put);
        } else if (action < 9) {
          int at = waiting.find(position);
          Waiting removed = expected.remove(position);
          assertThat(at >= 0).isEqualTo(removed != null);
          if (at >= 0) {
            assertThat(new Waiting(waiting.client(at), waiting.request(at))).isEqualTo(removed);
            waiting.removeAt(at);
          }
        } else if (random.nextInt(5) == 0) {
          waiting.clear();
          expected.clear();
        }
        assertThat(waiting.isEmpty()).isEqualTo(expected.isEmpty());
      }
    }
  }
}
