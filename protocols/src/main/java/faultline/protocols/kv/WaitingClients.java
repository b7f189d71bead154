package faultline.protocols.kv;

import faultline.engine.node.NodeId;
import faultline.protocols.kv.KvMessage.ClientRequest;
import java.util.Arrays;

/**
 * The clients a leader owes an answer, by the log position of their command, in three arrays sorted
 * by position: what {@link KvReplica} needs of a {@code TreeMap<Long, Waiting>} (put, remove one,
 * clear), without a boxed position, a tree node and a record per client request. A leader places
 * commands at rising positions and applies them in order, so a put lands at the end and a remove
 * finds its position first, as a rule; it holds at most the requests in flight, a few dozen.
 */
final class WaitingClients {
  private long[] positions = new long[16];
  private NodeId[] clients = new NodeId[16];
  private ClientRequest[] requests = new ClientRequest[16];
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  /**
   * {@code client} waits for {@code request}'s command at {@code position}, replacing any other.
   */
  void put(long position, NodeId client, ClientRequest request) {
    int at = find(position);
    if (at < 0) {
      at = -at - 1;
      if (size == positions.length) {
        positions = Arrays.copyOf(positions, size * 2);
        clients = Arrays.copyOf(clients, size * 2);
        requests = Arrays.copyOf(requests, size * 2);
      }
      System.arraycopy(positions, at, positions, at + 1, size - at);
      System.arraycopy(clients, at, clients, at + 1, size - at);
      System.arraycopy(requests, at, requests, at + 1, size - at);
      size++;
    }
    positions[at] = position;
    clients[at] = client;
    requests[at] = request;
  }

  /**
   * Where the client waiting at {@code position} is, for {@link #client} and {@link #request}
   * before {@link #removeAt}; or a negative number when none waits there.
   */
  int find(long position) {
    if (size > 0 && positions[0] == position) {
      return 0; // The usual case: the oldest command is the one applied.
    }
    return Arrays.binarySearch(positions, 0, size, position);
  }

  NodeId client(int at) {
    return clients[at];
  }

  ClientRequest request(int at) {
    return requests[at];
  }

  void removeAt(int at) {
    System.arraycopy(positions, at + 1, positions, at, size - at - 1);
    System.arraycopy(clients, at + 1, clients, at, size - at - 1);
    System.arraycopy(requests, at + 1, requests, at, size - at - 1);
    size--;
    clients[size] = null; // Let what was removed be collected.
    requests[size] = null;
  }

  void clear() {
    Arrays.fill(clients, 0, size, null);
    Arrays.fill(requests, 0, size, null);
    size = 0;
  }
}
