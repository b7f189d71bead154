package faultline.protocols.raft.check;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.causal.VectorStamp;
import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.check.Percentiles;
import faultline.engine.check.Step;
import faultline.engine.node.Message;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;
import faultline.protocols.kv.ClientCommand;
import faultline.protocols.kv.KvMessage.ClientRequest;
import faultline.protocols.kv.KvOperation;
import faultline.protocols.raft.FakeContext;
import faultline.protocols.raft.LogEntry;
import faultline.protocols.raft.RaftBug;
import faultline.protocols.raft.RaftConfig;
import faultline.protocols.raft.RaftMessage.AppendEntries;
import faultline.protocols.raft.RaftMessage.RequestVoteReply;
import faultline.protocols.raft.RaftNode;
import faultline.protocols.raft.RaftTimer.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Each invariant fails on a hand-made state that breaks it, and holds on its honest twin. How it
 * works: servers are driven into a state through their handlers (for states correct Raft never
 * reaches, with a planted bug), then the invariant is shown each server's step through a {@link
 * FakeInvariants} view.
 */
class RaftInvariantsTest {
  private static final NodeId N1 = NodeId.of("n1");
  private static final NodeId N2 = NodeId.of("n2");
  private static final NodeId N3 = NodeId.of("n3");
  private static final List<NodeId> SERVERS = List.of(N1, N2, N3);

  /** An invariant's view of hand-made servers; records failures instead of stopping a run. */
  static class FakeInvariants implements InvariantContext {
    final Map<NodeId, Object> nodes = new TreeMap<>();
    final List<String> failures = new ArrayList<>();
    NodeId stepped;

    void step(Invariant invariant, NodeId node) {
      stepped = node;
      invariant.afterEvent(this);
    }

    @Override
    public long nowNanos() {
      return 0;
    }

    @Override
    public Optional<Step> lastStep() {
      return Optional.of(Step.of(stepped, Step.Kind.MESSAGE, null, null, null, null));
    }

    @Override
    public List<NodeId> nodes() {
      return List.copyOf(nodes.keySet());
    }

    @Override
    public <N> Optional<N> node(NodeId id, Class<N> type) {
      Object node = nodes.get(id);
      return type.isInstance(node) ? Optional.of(type.cast(node)) : Optional.empty();
    }

    @Override
    public boolean isUp(NodeId id) {
      return nodes.containsKey(id);
    }

    @Override
    public long wallClockNanos(NodeId id) {
      return 0;
    }

    @Override
    public long monotonicNanos(NodeId id) {
      return 0;
    }

    @Override
    public void fail(NodeId node, String message) {
      failures.add(message);
    }

    @Override
    public void undecided(String message) {
      failures.add("undecided: " + message);
    }

    @Override
    public void count(String name, long delta) {}

    @Override
    public void recordMax(String name, long value) {}
  }

  private final FakeInvariants view = new FakeInvariants();

  private RaftNode server(NodeId id, RaftBug... bugs) {
    FakeContext context = new FakeContext(id.name(), SERVERS);
    RaftNode node = new RaftNode(RaftConfig.builder(SERVERS).bugs(Set.of(bugs)).build());
    node.onStart(context);
    view.nodes.put(id, node);
    return node;
  }

  private static FakeContext contextOf(NodeId id) {
    return new FakeContext(id.name(), SERVERS);
  }

  private static LogEntry put(long term, String value) {
    return new LogEntry(term, new ClientCommand(0, 1, new KvOperation("put", "x", value, null)));
  }

  /** Makes {@code node} a follower of {@code leader} in {@code term} holding {@code entries}. */
  private void follow(RaftNode node, NodeId leader, long term, long commit, LogEntry... entries) {
    NodeId self =
        view.nodes.entrySet().stream()
            .filter(entry -> entry.getValue() == node)
            .findFirst()
            .orElseThrow()
            .getKey();
    node.onMessage(
        contextOf(self),
        leader,
        new AppendEntries(term, leader, 0, 0, List.of(entries), commit, 1));
  }

  private static void elect(RaftNode node, NodeId voter) {
    FakeContext context = contextOf(N1);
    node.onTimer(context, Server.ELECTION_TIMEOUT);
    node.onMessage(context, voter, new RequestVoteReply(node.currentTerm(), true, false));
  }

  @Test
  void electionSafetyFailsOnTwoLeadersOfOneTerm() {
    RaftNode first = server(N1);
    RaftNode second = server(N2);
    Invariant invariant = new ElectionSafety();
    elect(first, N3);
    elect(second, N3);
    view.step(invariant, N1);
    view.step(invariant, N2);
    assertThat(view.failures).singleElement().asString().contains("two leaders in one term");
  }

  @Test
  void leaderAppendOnlyFailsWhenALeaderRewritesItsLog() {
    RaftNode leader = server(N1, RaftBug.LEADER_OVERWRITES_UNCOMMITTED);
    Invariant invariant = new LeaderAppendOnly();
    follow(leader, N2, 1, 0, put(1, "a"), put(1, "b"));
    elect(leader, N2);
    view.step(invariant, N1);
    assertThat(view.failures).isEmpty();

    // Correct Raft never does this to a leader's own log: the write lands over uncommitted 1 to 3.
    leader.onMessage(
        contextOf(N1),
        NodeId.of("c1"),
        new ClientRequest(1, 1, new KvOperation("put", "x", "c", null)));
    view.step(invariant, N1);
    assertThat(view.failures)
        .singleElement()
        .asString()
        .contains("changed its own entry at index 1");
  }

  @Test
  void logMatchingFailsWhenEqualIndexAndTermHideDifferentPrefixes() {
    RaftNode one = server(N1);
    RaftNode two = server(N2);
    Invariant invariant = new LogMatching();
    follow(one, N3, 3, 0, put(1, "a"), put(3, "b"));
    follow(two, N3, 3, 0, put(2, "z"), put(3, "b"));
    view.step(invariant, N1);
    view.step(invariant, N2);
    assertThat(view.failures).singleElement().asString().contains("different entries before it");
  }

  @Test
  void logMatchingRereadsALogFromWhereItWasTruncatedSinceTheLastLook() {
    RaftNode one = server(N1);
    RaftNode two = server(N2);
    Invariant invariant = new LogMatching();
    follow(one, N3, 3, 0, put(1, "a"), put(3, "b"));
    follow(two, N3, 3, 0, put(1, "a"), put(3, "b"));
    view.step(invariant, N1);
    view.step(invariant, N2);
    assertThat(view.failures).isEmpty();

    // A later leader's entries replace n2's whole log, below all the checker has mirrored of it.
    follow(two, N3, 4, 0, put(2, "z"), put(3, "b"));
    view.step(invariant, N2);
    assertThat(view.failures).singleElement().asString().contains("different entries before it");
  }

  @Test
  void logMatchingHoldsForLogsThatShareAPrefix() {
    RaftNode one = server(N1);
    RaftNode two = server(N2);
    Invariant invariant = new LogMatching();
    follow(one, N3, 2, 0, put(1, "a"), put(2, "b"), put(2, "c"));
    follow(two, N3, 2, 0, put(1, "a"), put(2, "b"));
    view.step(invariant, N1);
    view.step(invariant, N2);
    assertThat(view.failures).isEmpty();
  }

  /** One step object for every event, filled anew each time, as the engine's is. */
  private static final class ReusedStep implements Step {
    NodeId node;

    @Override
    public NodeId node() {
      return node;
    }

    @Override
    public Kind kind() {
      return Kind.MESSAGE;
    }

    @Override
    public VectorStamp truth() {
      return null;
    }

    @Override
    public NodeId from() {
      return null;
    }

    @Override
    public Message message() {
      return null;
    }

    @Override
    public TimerTag timer() {
      return null;
    }
  }

  @Test
  void theRunsInvariantsShareEachEventsServerThoughTheEngineReusesItsStep() {
    RaftNode first = server(N1);
    RaftNode second = server(N2);
    elect(first, N3);
    elect(second, N3);
    ReusedStep step = new ReusedStep();
    var engine =
        new FakeInvariants() {
          long event; // Numbered as the engine numbers them.

          @Override
          public Optional<Step> lastStep() {
            return Optional.of(step);
          }

          @Override
          public long eventNumber() {
            return event;
          }
        };
    engine.nodes.putAll(view.nodes);
    List<Invariant> invariants = RaftInvariants.safety();
    for (NodeId stepped : List.of(N1, N2)) { // Every invariant after every event, in order.
      step.node = stepped;
      engine.event++;
      invariants.forEach(invariant -> invariant.afterEvent(engine));
    }
    // Election Safety, after the run's other invariants, saw n2's step as n2's, not n1's again.
    assertThat(engine.failures).singleElement().asString().contains("two leaders in one term");
  }

  @Test
  void logMatchingFailsAtTheIndexWhereSharedEntriesFollowDifferentTerms() {
    // n2's entry at 3 is n1's, with the same term before it, so only the induction through index
    // 2, where the terms differ, tells the prefixes apart: a check of equal entries alone misses
    // it.
    RaftNode one = server(N1);
    RaftNode two = server(N2);
    Invariant invariant = new LogMatching();
    follow(one, N3, 3, 0, put(1, "a"), put(1, "m"), put(3, "b"));
    follow(two, N3, 3, 0, put(2, "z"), put(2, "m"), put(3, "b"));
    view.step(invariant, N1);
    view.step(invariant, N2);
    assertThat(view.failures)
        .singleElement()
        .asString()
        .isEqualTo(
            "n2 and n1 both hold an entry of term 3 at index 3, yet n2 holds the same entry ("
                + put(3, "b").describe()
                + ") but different entries before it");
  }

  /**
   * Log Matching against its definition, on many small logs: it fails exactly when two of them hold
   * an entry of the same index and term with different prefixes up to it (entry included).
   */
  @Test
  void logMatchingFailsExactlyWhenTwoLogsShareAnIndexAndTermButNotThePrefix() {
    Random random = new Random(15);
    int violating = 0;
    for (int round = 0; round < 3000; round++) {
      List<List<LogEntry>> logs = new ArrayList<>();
      for (int server = 0; server < 3; server++) {
        List<LogEntry> log = new ArrayList<>();
        long term = 1;
        for (int length = 1 + random.nextInt(4); log.size() < length; ) {
          term += random.nextInt(3) == 0 ? 1 : 0;
          log.add(put(term, random.nextBoolean() ? "a" : "b"));
        }
        logs.add(log);
      }
      FakeInvariants fresh = new FakeInvariants();
      List<NodeId> ids = List.of(N1, N2, N3);
      for (int server = 0; server < 3; server++) {
        RaftNode node = new RaftNode(RaftConfig.builder(SERVERS).build());
        FakeContext context = contextOf(ids.get(server));
        node.onStart(context);
        List<LogEntry> log = logs.get(server);
        NodeId leader = ids.get(server).equals(N3) ? N1 : N3;
        node.onMessage(
            context, leader, new AppendEntries(log.getLast().term(), leader, 0, 0, log, 0, 1));
        fresh.nodes.put(ids.get(server), node);
      }
      Invariant invariant = new LogMatching();
      for (int step : List.of(random.nextInt(3), random.nextInt(3), 0, 1, 2)) {
        fresh.step(invariant, ids.get(step));
      }
      boolean violated = sharesAnIndexAndTermButNotThePrefix(logs);
      violating += violated ? 1 : 0;
      assertThat(!fresh.failures.isEmpty())
          .as("logs %s: %s", logs, fresh.failures)
          .isEqualTo(violated);
    }
    assertThat(violating).as("cases that break Log Matching").isBetween(300, 2700);
  }

  private static boolean sharesAnIndexAndTermButNotThePrefix(List<List<LogEntry>> logs) {
    for (List<LogEntry> a : logs) {
      for (List<LogEntry> b : logs) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
          if (a.get(i).term() == b.get(i).term()
              && !a.subList(0, i + 1).equals(b.subList(0, i + 1))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  @Test
  void leaderCompletenessFailsWhenANewLeaderLacksACommittedEntry() {
    RaftNode committer = server(N1);
    RaftNode lacking = server(N2);
    Invariant invariant = new LeaderCompleteness();
    follow(committer, N3, 1, 1, put(1, "a"));
    view.step(invariant, N1);
    follow(lacking, N3, 1, 0, put(1, "z"));
    elect(lacking, N3);
    view.step(invariant, N2);
    assertThat(view.failures)
        .singleElement()
        .asString()
        .contains("without the entry committed at index 1");
  }

  @Test
  void stateMachineSafetyFailsWhenTwoServersApplyDifferentEntries() {
    RaftNode one = server(N1);
    RaftNode two = server(N2);
    Invariant invariant = new StateMachineSafety();
    follow(one, N3, 1, 1, put(1, "a"));
    follow(two, N3, 1, 1, put(1, "b"));
    view.step(invariant, N1);
    view.step(invariant, N2);
    assertThat(view.failures).singleElement().asString().contains("a committed entry was lost");
  }

  @Test
  void percentilesUseTheNearestRank() {
    List<Long> sorted = List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L);
    assertThat(Percentiles.nearestRank(sorted, 50)).isEqualTo(50);
    assertThat(Percentiles.nearestRank(sorted, 99)).isEqualTo(100);
    assertThat(Percentiles.nearestRank(List.of(7L), 50)).isEqualTo(7);
  }
}
