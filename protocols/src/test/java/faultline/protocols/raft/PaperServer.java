package faultline.protocols.raft;

import faultline.engine.node.Message;
import faultline.engine.node.NodeId;
import faultline.protocols.kv.ClientCommand;
import faultline.protocols.kv.KvOperation;
import faultline.protocols.raft.RaftMessage.RequestVoteReply;
import faultline.protocols.raft.RaftTimer.Server;
import java.util.ArrayList;
import java.util.List;

/**
 * One Raft server behind a {@link FakeContext}, for the paper tests: a server is booted from a disk
 * that already holds a term and a log, and then driven one input at a time, so that each test is
 * the sentence it checks and a few lines.
 */
final class PaperServer {
  static final NodeId N1 = NodeId.of("n1");
  static final NodeId N2 = NodeId.of("n2");
  static final NodeId N3 = NodeId.of("n3");
  static final NodeId N4 = NodeId.of("n4");
  static final NodeId N5 = NodeId.of("n5");

  final NodeId id;
  final FakeContext context;
  final RaftNode node;

  private PaperServer(NodeId id, List<NodeId> servers, RaftConfig config, long term, long[] log) {
    this.id = id;
    this.context = new FakeContext(id.name(), servers);
    context.storage.values.put("raft.currentTerm", term);
    for (int i = 0; i < log.length; i++) {
      context.storage.values.put(RaftDisk.key(i + 1), entry(log[i], "e" + (i + 1)));
    }
    context.storage.sync();
    this.node = new RaftNode(config);
    node.onStart(context);
    context.drain();
  }

  /** Server {@code id} of {@code servers}, booted in {@code term} with one entry per log term. */
  static PaperServer of(NodeId id, List<NodeId> servers, long term, long... logTerms) {
    return of(id, RaftConfig.defaults(servers), term, logTerms);
  }

  static PaperServer of(NodeId id, RaftConfig config, long term, long... logTerms) {
    return new PaperServer(id, config.servers(), config, term, logTerms);
  }

  static List<NodeId> cluster(int size) {
    List<NodeId> servers = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      servers.add(NodeId.of("n" + i));
    }
    return servers;
  }

  static LogEntry entry(long term, String value) {
    return new LogEntry(term, new ClientCommand(0, 1, new KvOperation("put", "x", value, null)));
  }

  void timeout() {
    node.onTimer(context, Server.ELECTION_TIMEOUT);
  }

  void heartbeat() {
    node.onTimer(context, Server.HEARTBEAT_DUE);
  }

  void receive(NodeId from, Message message) {
    node.onMessage(context, from, message);
  }

  /** Times out and collects a vote from each of {@code voters}: the leader of the next term. */
  PaperServer elect(NodeId... voters) {
    timeout();
    for (NodeId voter : voters) {
      receive(voter, new RequestVoteReply(node.currentTerm(), true, false));
    }
    return this;
  }

  /** What this server sent since the last look, and forgets it. */
  List<FakeContext.Sent> sent() {
    return context.drain();
  }

  /** The messages this server sent to {@code to} since the last look; forgets everything sent. */
  List<Message> sentTo(NodeId to) {
    return sent().stream()
        .filter(sent -> sent.to().equals(to))
        .map(FakeContext.Sent::message)
        .toList();
  }

  /** The terms of this server's log, in index order. */
  List<Long> logTerms() {
    List<Long> terms = new ArrayList<>();
    RaftLog log = node.log();
    for (long index = 1; index <= log.lastIndex(); index++) {
      terms.add(log.term(index));
    }
    return terms;
  }

  /**
   * Delivers messages between {@code this} and {@code other} (everything else is dropped) until
   * neither has anything more to say, or {@code roundsMax} exchanges have passed.
   */
  void exchangeWith(PaperServer other, int roundsMax) {
    for (int round = 0; round < roundsMax; round++) {
      List<Message> toOther = sentTo(other.id);
      List<Message> toThis = other.sentTo(id);
      if (toOther.isEmpty() && toThis.isEmpty()) {
        return;
      }
      toOther.forEach(message -> other.receive(id, message));
      toThis.forEach(message -> receive(other.id, message));
    }
  }
}
