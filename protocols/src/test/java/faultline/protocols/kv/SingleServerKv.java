package faultline.protocols.kv;

import static faultline.engine.time.Nanos.MILLI;

import faultline.engine.Limits;
import faultline.engine.Simulation;
import faultline.engine.SimulationBuilder;
import faultline.engine.net.Latency;
import faultline.engine.net.LinkPolicy;
import faultline.engine.node.Message;
import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;
import faultline.engine.random.Ratio;
import faultline.engine.trace.TraceSink;
import faultline.protocols.kv.KvMessage.ClientRequest;
import java.util.List;
import java.util.Map;

/**
 * The least protocol that can serve the shared key-value clients, for tests that prove the parts
 * really are shared: one server, the first of the list, applies every request the moment it
 * arrives, at the next position of its (volatile) history; every other server redirects to it.
 * Nothing here is replicated, so it survives no crash, but it needs nothing else to get clients,
 * histories, {@code run --history} and {@code kv.linearizable}.
 *
 * <p>With {@code loseEveryThirdWrite} the server acknowledges every third put, append or cas
 * without applying it: a planted mistake that the linearizability check must catch.
 */
public final class SingleServerKv implements Node<Message, TimerTag> {
  private static final NodeId N1 = NodeId.of("n1");
  private static final List<NodeId> CLIENTS = List.of(NodeId.of("c1"), NodeId.of("c2"));

  private final NodeId leader;
  private final boolean loseEveryThirdWrite;
  private final KvReplica replica = new KvReplica();
  private long position;
  private long writes;

  /**
   * A run of 2 s: servers n1 (which serves) and n2 (which redirects), clients c1 and c2 of two
   * processes each until 1.5 s, on a network that loses and duplicates one message in 20, checked
   * by {@link Linearizable#ofKvModel()}.
   */
  public static SimulationBuilder cluster(long seed, boolean loseWrites, TraceSink trace) {
    ClientWorkload workload =
        new ClientWorkload(
            CLIENTS,
            2,
            10 * MILLI,
            40 * MILLI,
            3,
            ClientWorkload.Mix.DEFAULT,
            50 * MILLI,
            500 * MILLI,
            1500 * MILLI,
            List.of());
    List<NodeId> servers = List.of(N1, NodeId.of("n2"));
    SimulationBuilder builder =
        Simulation.builder()
            .seed(seed)
            .trace(trace, Map.of("name", "single-server-kv"))
            .network(
                new LinkPolicy(
                    Latency.uniform(MILLI, 10 * MILLI),
                    Ratio.of(1, 20),
                    Ratio.of(1, 20),
                    Ratio.ZERO,
                    false))
            .limits(Limits.of(2000 * MILLI))
            .invariant(Linearizable.ofKvModel());
    for (NodeId server : servers) {
      builder.node(server, id -> new SingleServerKv(N1, loseWrites));
    }
    for (NodeId client : CLIENTS) {
      builder.node(client, id -> new ClientNode(servers, workload));
    }
    return builder;
  }

  public SingleServerKv(NodeId leader, boolean loseEveryThirdWrite) {
    this.leader = leader;
    this.loseEveryThirdWrite = loseEveryThirdWrite;
  }

  @Override
  public void onStart(NodeContext<Message, TimerTag> context) {}

  @Override
  public void onMessage(NodeContext<Message, TimerTag> context, NodeId from, Message message) {
    if (!(message instanceof ClientRequest request)) {
      return;
    }
    if (!context.self().equals(leader)) {
      KvReplica.redirect(context, from, request, leader);
      return;
    }
    if (!request.operation().readOnly() && loseEveryThirdWrite && ++writes % 3 == 0) {
      KvReplica.reply(context, from, request, ReplyStatus.OK, request.operation().value(), leader);
      return;
    }
    position++;
    replica.awaitApply(position, from, request);
    replica.apply(context, position, ClientCommand.of(request), leader);
  }

  @Override
  public void onTimer(NodeContext<Message, TimerTag> context, TimerTag timer) {}
}
