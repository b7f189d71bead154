package faultline.protocols.kv;

import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.kv.KvMessage.ClientReply;
import faultline.protocols.kv.KvMessage.ClientRequest;

/**
 * The client-facing half of one server of a replicated key-value store, whatever protocol orders
 * the commands (Raft §8; the replica of van Renesse and Altinbuken, "Paxos Made Moderately
 * Complex", 2015): the state machine with its sessions, which applies a retried command at most
 * once; the clients waiting for the command a leader placed at a log position (a Raft index, a
 * Paxos slot); and the replies, an outcome once applied or a redirect to the leader.
 *
 * <p>A protocol's server calls {@link #redirect} when it cannot serve a request, {@link
 * #awaitApply} when it has placed the request's command at a position, {@link #apply} for each
 * command it applies in position order, and {@link #forgetWaiting} when it stops leading: its
 * clients then time out and retry elsewhere, and the sessions keep the retry from applying twice.
 */
public final class KvReplica {
  private final KvStore store;
  private final WaitingClients waiting = new WaitingClients();

  /** A replica with a state machine of its own. */
  public KvReplica() {
    this(new AppendedValues());
  }

  /** A replica whose state machine shares appended values through {@code appends}. */
  public KvReplica(AppendedValues appends) {
    this.store = new KvStore(appends);
  }

  /** This server cannot serve {@code request}: the client should retry at {@code leaderHint}. */
  public static void redirect(
      NodeContext<? super ClientReply, ?> context,
      NodeId client,
      ClientRequest request,
      NodeId leaderHint) {
    reply(context, client, request, ReplyStatus.NOT_LEADER, null, leaderHint);
  }

  /** Answers {@code request} of {@code client}. */
  public static void reply(
      NodeContext<? super ClientReply, ?> context,
      NodeId client,
      ClientRequest request,
      ReplyStatus status,
      String value,
      NodeId leaderHint) {
    context.send(
        client, new ClientReply(request.process(), request.sequence(), status, value, leaderHint));
  }

  /**
   * The leader placed {@code request}'s command at {@code position}: {@link #apply} answers {@code
   * client} when that command is applied there. A later request for the same position replaces this
   * one.
   */
  public void awaitApply(long position, NodeId client, ClientRequest request) {
    waiting.put(position, client, request);
  }

  /**
   * Applies the command chosen at {@code position} (a retried one at most once) and answers the
   * client that waits for it there, if that client asked for this very command; another command at
   * the position means the leader that placed the request lost it, and the client will retry.
   */
  public void apply(
      NodeContext<? super ClientReply, ?> context,
      long position,
      ClientCommand command,
      NodeId leaderHint) {
    KvStore.Session outcome = store.applyToSession(command); // Read before the next apply.
    int at = waiting.isEmpty() ? -1 : waiting.find(position); // A follower waits for nothing.
    if (at < 0) {
      return;
    }
    NodeId client = waiting.client(at);
    ClientRequest request = waiting.request(at);
    waiting.removeAt(at);
    if (command.answers(request)) {
      reply(context, client, request, outcome.status(), outcome.value(), leaderHint);
    }
  }

  /** The state machine's current value of {@code key}, for reads served without a log entry. */
  public String read(String key) {
    return store.read(key);
  }

  /** This server stopped leading: it owes no client an answer any more. */
  public void forgetWaiting() {
    waiting.clear();
  }
}
