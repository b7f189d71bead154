package faultline.protocols.kv;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.node.Message;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;
import faultline.protocols.kv.KvMessage.ClientReply;
import faultline.protocols.kv.KvMessage.ClientRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server's client-facing half: it answers the client waiting at a position once that very
 * command is applied there, applies a retried command once, redirects, and forgets what it owed.
 * Each test drives it with a context that only records sends.
 */
class KvReplicaTest {
  private static final NodeId C1 = NodeId.of("c1");
  private static final NodeId N1 = NodeId.of("n1");

  private record Sent(NodeId to, Message message) {}

  private final List<Sent> sent = new ArrayList<>();

  /** A context whose only ability is sending, which it records. */
  @SuppressWarnings("unchecked")
  private NodeContext<Message, TimerTag> context() {
    return (NodeContext<Message, TimerTag>)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {NodeContext.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("send")) {
                throw new UnsupportedOperationException(method.getName());
              }
              sent.add(new Sent((NodeId) args[0], (Message) args[1]));
              return null;
            });
  }

  private static ClientRequest request(int process, long sequence, KvOperation operation) {
    return new ClientRequest(process, sequence, operation);
  }

  @Test
  void theWaitingClientIsAnsweredWhenItsCommandIsApplied() {
    KvReplica replica = new KvReplica();
    ClientRequest put = request(3, 1, KvOperation.put("x", "a"));

    replica.awaitApply(7, C1, put);
    assertThat(sent).isEmpty();
    replica.apply(context(), 7, ClientCommand.of(put), N1);

    assertThat(sent).containsExactly(new Sent(C1, new ClientReply(3, 1, ReplyStatus.OK, "a", N1)));
    assertThat(replica.read("x")).isEqualTo("a");
  }

  @Test
  void anotherCommandAtThePositionAppliesButAnswersNoOne() {
    KvReplica replica = new KvReplica();
    replica.awaitApply(7, C1, request(3, 1, KvOperation.put("x", "a")));

    replica.apply(context(), 7, ClientCommand.of(request(4, 1, KvOperation.put("x", "b"))), N1);

    assertThat(sent).isEmpty(); // The leader that placed c1's request lost it; c1 will retry.
    assertThat(replica.read("x")).isEqualTo("b");
  }

  @Test
  void aRetryAppliedTwiceTakesEffectOnceAndGetsTheFirstOutcome() {
    KvReplica replica = new KvReplica();
    ClientRequest append = request(3, 1, KvOperation.append("x", "a"));
    replica.apply(context(), 1, ClientCommand.of(append), N1);

    replica.awaitApply(2, C1, append);
    replica.apply(context(), 2, ClientCommand.of(append), N1);

    assertThat(replica.read("x")).isEqualTo("a");
    assertThat(sent).containsExactly(new Sent(C1, new ClientReply(3, 1, ReplyStatus.OK, "a", N1)));
  }

  @Test
  void aCasThatFindsAnotherValueFailsWithTheValueFound() {
    KvReplica replica = new KvReplica();
    replica.apply(context(), 1, ClientCommand.of(request(1, 1, KvOperation.put("x", "z"))), N1);
    ClientRequest cas = request(3, 1, KvOperation.cas("x", "a", "b"));

    replica.awaitApply(2, C1, cas);
    replica.apply(context(), 2, ClientCommand.of(cas), N1);

    assertThat(sent)
        .containsExactly(new Sent(C1, new ClientReply(3, 1, ReplyStatus.CAS_MISMATCH, "z", N1)));
  }

  @Test
  void aServerThatStopsLeadingOwesNothing() {
    KvReplica replica = new KvReplica();
    ClientRequest put = request(3, 1, KvOperation.put("x", "a"));
    replica.awaitApply(7, C1, put);

    replica.forgetWaiting();
    replica.apply(context(), 7, ClientCommand.of(put), null);

    assertThat(sent).isEmpty();
  }

  @Test
  void aRedirectNamesTheLeaderAndCarriesNoValue() {
    KvReplica.redirect(context(), C1, request(3, 2, KvOperation.get("x")), N1);

    assertThat(sent)
        .containsExactly(new Sent(C1, new ClientReply(3, 2, ReplyStatus.NOT_LEADER, null, N1)));
  }
}
