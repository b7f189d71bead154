package faultline.exercises.handout;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cheapest wrong answers to each exercise: code that hands the work to the simulator's own
 * implementation, which the repository ships, by each route the reference guard follows. Each
 * edition is one copy of the reference solutions with one delegating edit per exercise, and the
 * helper files of the student's that those edits use.
 */
final class Delegations {
  private Delegations() {}

  /** Directly, through a wrapping class of the simulator or the student, or by reflection. */
  static final String DIRECT = "direct";

  /** Through an interface call to a class of the student's that delegates. */
  static final String INTERFACE = "through an interface";

  /** Through a configuration whose default rule is the reference, or an inherited default. */
  static final String CONFIGURATION = "through a configuration or an inherited default";

  /**
   * One delegating edit: {@code anchor} in {@code file} becomes {@code replacement}; the refusal
   * must contain {@code said}, and the checks numbered in {@code graded}, which do not run the
   * delegating code, are graded as usual (and pass).
   */
  record Delegation(
      String edition,
      String exercise,
      String file,
      String anchor,
      String replacement,
      String said,
      Set<Integer> graded) {
    @Override
    public String toString() {
      return exercise + " " + edition + ": " + said;
    }
  }

  /** {@code anchor} (a return statement) replaced by {@code code}. */
  private static Delegation replacing(
      String edition,
      String exercise,
      String file,
      String anchor,
      String code,
      String said,
      Integer... graded) {
    return new Delegation(edition, exercise, file, anchor, code, said, Set.of(graded));
  }

  /** {@code code} inserted after {@code anchor} (a method's first line). */
  private static Delegation after(
      String edition,
      String exercise,
      String file,
      String anchor,
      String code,
      String said,
      Integer... graded) {
    return new Delegation(
        edition, exercise, file, anchor, anchor + "\n" + code, said, Set.of(graded));
  }

  static List<Delegation> all() {
    return java.util.stream.Stream.of(direct(), throughAnInterface(), throughAConfiguration())
        .flatMap(List::stream)
        .toList();
  }

  private static List<Delegation> direct() {
    String e = DIRECT;
    return List.of(
        replacing(
            e,
            "e01",
            "e01_lamport/LamportNode.java",
            "return Math.max(current, messageTimestamp) + 1;",
            "return new LamportClock(current).receive(new LamportClock(messageTimestamp)).time();",
            "LamportNode.receive uses faultline.protocols.clocks.LamportClock.receive"),
        after(
            e,
            "e02",
            "e02_vector/VectorNode.java",
            "static CausalOrder compare(SortedMap<String, Long> a, SortedMap<String, Long> b) {",
            "if (true) { return VectorClock.of(a).compare(VectorClock.of(b)); }",
            "VectorNode.compare uses faultline.protocols.clocks.VectorClock.compare"),
        after(
            e,
            "e03",
            "e03_hlc/HlcNode.java",
            "static Hlc sendOrLocal(Hlc current, long pt) {",
            "if (true) { var next = current.toTimestamp().sendOrLocal(pt);"
                + " return new Hlc(next.wallNanos(), next.logical()); }",
            "HlcNode.sendOrLocal uses faultline.protocols.clocks.HybridTimestamp.sendOrLocal"),
        replacing(
            e,
            "e05",
            "e05_election/RaftElection.java",
            "return freeToVote && logUpToDate;",
            "return ElectionRules.paper().grantsVote(request, voter);",
            "RaftElection.grantsVote uses faultline.protocols.raft.ElectionRules.paper",
            2),
        after(
            e,
            "e06",
            "e06_replication/LeaderCommit.java",
            "LogView log, long currentTerm, long commitIndex, List<Long> matchIndexes) {",
            "if (true) { return Shortcut.COMMIT.commitIndex(log, currentTerm, commitIndex,"
                + " matchIndexes); }",
            "LeaderCommit.commitIndex -> Shortcut (its static fields) -> ReplicationRules (its"
                + " static fields) uses faultline.protocols.raft.AppendRule.PAPER",
            1),
        replacing(
            e,
            "e07",
            "e07_fencing/FencingCheck.java",
            "return token < highestToken;",
            """
            try {
              Object fencing =
                  Class.forName("faultline.protocols.locks.Fencing").getEnumConstants()[0];
              return (boolean) fencing.getClass().getMethod("rejects", long.class, long.class)
                  .invoke(fencing, token, highestToken);
            } catch (ReflectiveOperationException e) {
              throw new IllegalStateException(e);
            }""",
            "FencingCheck.rejects uses java.lang.Class.forName: reflection"),
        after(
            e,
            "e08",
            "e08_split_brain/LeaderLease.java",
            "public boolean mayAct(Now now) {",
            "if (true) { return LeaseGuard.configured(null).mayAct(now); }",
            "LeaderLease.mayAct uses faultline.protocols.leases.LeaseGuard.configured"),
        after(
            e,
            "e09",
            "e09_paxos/ProposerValue.java",
            "public String choose(List<Promise> promises, String own) {",
            "if (true) { return ValueChoice.HIGHEST_ACCEPTED.choose(promises, own); }",
            "ProposerValue.choose uses faultline.protocols.paxos.ValueChoice.HIGHEST_ACCEPTED",
            1),
        after(
            e,
            "e10",
            "e10_swim/SuspicionRules.java",
            "public long ownIncarnation(long own, Update aboutSelf) {",
            "if (true) { return MergeRules.PAPER.ownIncarnation(own, aboutSelf); }",
            "SuspicionRules.ownIncarnation uses faultline.protocols.swim.MergeRules.PAPER",
            1),
        after(
            e,
            "e11",
            "e11_read_index/ReadIndex.java",
            "public ReadTicket admit(ReadLeader leader) {",
            "if (true) { return ReadRule.PAPER.admit(leader); }",
            "ReadIndex.admit uses faultline.protocols.raft.ReadRule.PAPER"),
        after(
            e,
            "e12",
            "e12_linearizability/LinearizabilitySearch.java",
            "public boolean linearizable(History history) {",
            "if (true) { return ReferenceSearch.linearizable(history); }",
            "-> ReferenceSearch.linearizable uses faultline.protocols.history."));
  }

  /**
   * A class of the student's that delegates, called through an interface: the protocol's own, or
   * one of the JDK's where the reference is a record's method.
   */
  private static List<Delegation> throughAnInterface() {
    String e = INTERFACE;
    return List.of(
        replacing(
            e,
            "e01",
            "e01_lamport/LamportNode.java",
            "return Math.max(current, messageTimestamp) + 1;",
            "java.util.function.LongBinaryOperator next = new Borrowed();"
                + " return next.applyAsLong(current, messageTimestamp);",
            "LamportNode.receive -> Borrowed.applyAsLong uses"
                + " faultline.protocols.clocks.LamportClock.receive"),
        after(
            e,
            "e02",
            "e02_vector/VectorNode.java",
            "static CausalOrder compare(SortedMap<String, Long> a, SortedMap<String, Long> b) {",
            "java.util.function.BiFunction<SortedMap<String, Long>, SortedMap<String, Long>,"
                + " CausalOrder> borrowed = new Borrowed(); if (true) { return borrowed.apply(a, b); }",
            "VectorNode.compare -> Borrowed.apply"),
        after(
            e,
            "e03",
            "e03_hlc/HlcNode.java",
            "static Hlc sendOrLocal(Hlc current, long pt) {",
            "java.util.function.BiFunction<Hlc, Long, Hlc> borrowed = new Borrowed();"
                + " if (true) { return borrowed.apply(current, pt); }",
            "HlcNode.sendOrLocal -> Borrowed.apply"),
        replacing(
            e,
            "e05",
            "e05_election/RaftElection.java",
            "return freeToVote && logUpToDate;",
            "ElectionRules rules = new Borrowed(); return rules.grantsVote(request, voter);",
            "RaftElection.grantsVote -> Borrowed.grantsVote uses"
                + " faultline.protocols.raft.ElectionRules.paper",
            2),
        after(
            e,
            "e06",
            "e06_replication/LeaderCommit.java",
            "LogView log, long currentTerm, long commitIndex, List<Long> matchIndexes) {",
            "CommitRule rule = new Borrowed();"
                + " if (true) { return rule.commitIndex(log, currentTerm, commitIndex, matchIndexes); }",
            "LeaderCommit.commitIndex -> Borrowed.commitIndex uses"
                + " faultline.protocols.raft.CommitRule.PAPER",
            1),
        replacing(
            e,
            "e07",
            "e07_fencing/FencingCheck.java",
            "return token < highestToken;",
            "StorageResourceNode.TokenCheck check = new Borrowed();"
                + " return check.rejects(token, highestToken);",
            "FencingCheck.rejects -> Borrowed.rejects"),
        after(
            e,
            "e08",
            "e08_split_brain/LeaderLease.java",
            "public boolean mayAct(Now now) {",
            "LeaseGuard guard = new Borrowed(); if (true) { return guard.mayAct(now); }",
            "LeaderLease.mayAct -> Borrowed.mayAct uses"
                + " faultline.protocols.leases.LeaseGuard.configured"),
        after(
            e,
            "e09",
            "e09_paxos/ProposerValue.java",
            "public String choose(List<Promise> promises, String own) {",
            "ValueChoice choice = new Borrowed(); if (true) { return choice.choose(promises, own); }",
            "ProposerValue.choose -> Borrowed.choose uses"
                + " faultline.protocols.paxos.ValueChoice.HIGHEST_ACCEPTED",
            1),
        after(
            e,
            "e10",
            "e10_swim/SuspicionRules.java",
            "public long ownIncarnation(long own, Update aboutSelf) {",
            "MergeRules rules = new Borrowed();"
                + " if (true) { return rules.ownIncarnation(own, aboutSelf); }",
            "SuspicionRules.ownIncarnation -> Borrowed.ownIncarnation uses"
                + " faultline.protocols.swim.MergeRules.PAPER",
            1),
        after(
            e,
            "e11",
            "e11_read_index/ReadIndex.java",
            "public ReadTicket admit(ReadLeader leader) {",
            "ReadRule rule = new Borrowed(); if (true) { return rule.admit(leader); }",
            "ReadIndex.admit -> Borrowed.admit uses faultline.protocols.raft.ReadRule.PAPER"),
        after(
            e,
            "e12",
            "e12_linearizability/LinearizabilitySearch.java",
            "public boolean linearizable(History history) {",
            "java.util.function.Predicate<History> borrowed = new Borrowed();"
                + " if (true) { return borrowed.test(history); }",
            "LinearizabilitySearch.linearizable -> Borrowed.test"));
  }

  /**
   * The rule a configuration holds by default, and (e05, whose protocol has one) a default method
   * the student's class inherits from an interface of theirs.
   */
  private static List<Delegation> throughAConfiguration() {
    String e = CONFIGURATION;
    return List.of(
        new Delegation(
            e,
            "e05",
            "e05_election/RaftElection.java",
            "public final class RaftElection implements ElectionRules {",
            "public final class RaftElection implements Borrowing {",
            "RaftElection.grantsPreVote (inherited from Borrowing) uses"
                + " faultline.protocols.raft.ElectionRules.paper",
            Set.of(1, 2)),
        after(
            e,
            "e06",
            "e06_replication/LeaderCommit.java",
            "LogView log, long currentTerm, long commitIndex, List<Long> matchIndexes) {",
            "if (true) { return faultline.protocols.raft.RaftConfig.defaults(List.of())"
                + ".replicationRules().commit().commitIndex(log, currentTerm, commitIndex,"
                + " matchIndexes); }",
            "LeaderCommit.commitIndex -> RaftConfig.defaults",
            1),
        replacing(
            e,
            "e07",
            "e07_fencing/FencingCheck.java",
            "return token < highestToken;",
            "return faultline.protocols.locks.LockServiceConfig.defaults().fencing()"
                + ".rejects(token, highestToken);",
            "FencingCheck.rejects -> LockServiceConfig.defaults"),
        after(
            e,
            "e09",
            "e09_paxos/ProposerValue.java",
            "public String choose(List<Promise> promises, String own) {",
            "if (true) { return faultline.protocols.paxos.PaxosConfig.builder(List.of()).build()"
                + ".valueChoice().choose(promises, own); }",
            "ProposerValue.choose -> PaxosConfig.builder",
            1),
        after(
            e,
            "e10",
            "e10_swim/SuspicionRules.java",
            "public long ownIncarnation(long own, Update aboutSelf) {",
            "if (true) { return faultline.protocols.swim.SwimConfig.defaults(java.util.List.of())"
                + ".rules().ownIncarnation(own, aboutSelf); }",
            "SuspicionRules.ownIncarnation -> SwimConfig.defaults",
            1),
        after(
            e,
            "e11",
            "e11_read_index/ReadIndex.java",
            "public ReadTicket admit(ReadLeader leader) {",
            "if (true) { return faultline.protocols.raft.RaftConfig.defaults(java.util.List.of())"
                + ".readRule().admit(leader); }",
            "ReadIndex.admit -> RaftConfig.defaults"));
  }

  /** The helper files of each edition, by path under the exercises' sources. */
  static Map<String, String> helpers(String edition) {
    return switch (edition) {
      case DIRECT -> HelperSources.DIRECT;
      case INTERFACE -> HelperSources.INTERFACE;
      case CONFIGURATION -> HelperSources.CONFIGURATION;
      default -> throw new IllegalArgumentException(edition);
    };
  }
}
