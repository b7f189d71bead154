package faultline.exercises.handout;

import java.util.Map;

/** The helper classes of the student's that {@link Delegations} use, by edition. */
final class HelperSources {
  private HelperSources() {}

  /** e12's search handed to the simulator's checker; reused by the interface edition. */
  private static final String REFERENCE_SEARCH =
      """
      package faultline.exercises.e12_linearizability;

      import faultline.protocols.history.HistoryEvent;
      import faultline.protocols.history.LinearizabilityChecker;
      import faultline.protocols.history.Model;
      import java.util.ArrayList;
      import java.util.List;

      final class ReferenceSearch {
        private ReferenceSearch() {}

        static boolean linearizable(History history) {
          List<HistoryEvent> events = new ArrayList<>();
          for (int at = 0; at < history.events(); at++) {
            for (Op op : history.ops()) {
              String f = op.kind().name().toLowerCase(java.util.Locale.ROOT);
              Object input =
                  op.kind() == Op.Kind.CAS ? List.of(op.value(), op.newValue()) : op.value();
              if (op.invokedAt() == at) {
                events.add(new HistoryEvent(op.process(), HistoryEvent.Type.INVOKE, f, null,
                    op.kind() == Op.Kind.READ ? null : input, at));
              } else if (op.completedAt() == at) {
                HistoryEvent.Type type = op.outcome() == Op.Outcome.OK
                    ? HistoryEvent.Type.OK : HistoryEvent.Type.FAIL;
                events.add(new HistoryEvent(op.process(), type, f, null, input, at));
              }
            }
          }
          return LinearizabilityChecker.check(events, Model.register(), 10_000_000)
              .isLinearizable();
        }
      }
      """;

  static final Map<String, String> DIRECT =
      Map.of(
          "e12_linearizability/ReferenceSearch.java",
          REFERENCE_SEARCH,
          "e06_replication/Shortcut.java",
          """
          package faultline.exercises.e06_replication;

          import faultline.protocols.raft.CommitRule;
          import faultline.protocols.raft.ReplicationRules;

          final class Shortcut {
            // The simulator's pair of rules wraps the reference commit rule.
            static final CommitRule COMMIT = ReplicationRules.PAPER.commit();

            private Shortcut() {}
          }
          """);

  static final Map<String, String> INTERFACE =
      Map.ofEntries(
          Map.entry(
              "e01_lamport/Borrowed.java",
              """
              package faultline.exercises.e01_lamport;

              import faultline.protocols.clocks.LamportClock;

              final class Borrowed implements java.util.function.LongBinaryOperator {
                @Override
                public long applyAsLong(long current, long received) {
                  return new LamportClock(current).receive(new LamportClock(received)).time();
                }
              }
              """),
          Map.entry(
              "e02_vector/Borrowed.java",
              """
              package faultline.exercises.e02_vector;

              import faultline.protocols.clocks.CausalOrder;
              import faultline.protocols.clocks.VectorClock;
              import java.util.SortedMap;
              import java.util.function.BiFunction;

              final class Borrowed implements
                  BiFunction<SortedMap<String, Long>, SortedMap<String, Long>, CausalOrder> {
                @Override
                public CausalOrder apply(SortedMap<String, Long> a, SortedMap<String, Long> b) {
                  return VectorClock.of(a).compare(VectorClock.of(b));
                }
              }
              """),
          Map.entry(
              "e03_hlc/Borrowed.java",
              """
              package faultline.exercises.e03_hlc;

              final class Borrowed implements java.util.function.BiFunction<Hlc, Long, Hlc> {
                @Override
                public Hlc apply(Hlc current, Long pt) {
                  var next = current.toTimestamp().sendOrLocal(pt);
                  return new Hlc(next.wallNanos(), next.logical());
                }
              }
              """),
          Map.entry(
              "e05_election/Borrowed.java",
              """
              package faultline.exercises.e05_election;

              import faultline.engine.random.SimRandom;
              import faultline.protocols.raft.ElectionRules;

              final class Borrowed implements ElectionRules {
                @Override
                public boolean grantsVote(VoteRequest request, Voter voter) {
                  return ElectionRules.paper().grantsVote(request, voter);
                }

                @Override
                public long electionTimeoutNanos(long minNanos, long maxNanos, SimRandom random) {
                  return minNanos;
                }
              }
              """),
          Map.entry(
              "e06_replication/Borrowed.java",
              """
              package faultline.exercises.e06_replication;

              import faultline.protocols.raft.CommitRule;
              import faultline.protocols.raft.LogView;
              import java.util.List;

              final class Borrowed implements CommitRule {
                @Override
                public long commitIndex(
                    LogView log, long currentTerm, long commitIndex, List<Long> matchIndexes) {
                  return CommitRule.PAPER.commitIndex(log, currentTerm, commitIndex, matchIndexes);
                }
              }
              """),
          Map.entry(
              "e07_fencing/Borrowed.java",
              """
              package faultline.exercises.e07_fencing;

              import faultline.protocols.locks.Fencing;
              import faultline.protocols.locks.StorageResourceNode;

              final class Borrowed implements StorageResourceNode.TokenCheck {
                @Override
                public boolean rejects(long token, long highestToken) {
                  return Fencing.REJECT_BELOW_HIGHEST.rejects(token, highestToken);
                }
              }
              """),
          Map.entry(
              "e08_split_brain/Borrowed.java",
              """
              package faultline.exercises.e08_split_brain;

              import faultline.protocols.leases.LeaseGuard;

              final class Borrowed implements LeaseGuard {
                @Override
                public long granted(Lease lease, Now arrival) {
                  return NO_TIMER;
                }

                @Override
                public boolean mayAct(Now now) {
                  return LeaseGuard.configured(null).mayAct(now);
                }
              }
              """),
          Map.entry(
              "e09_paxos/Borrowed.java",
              """
              package faultline.exercises.e09_paxos;

              import faultline.protocols.paxos.PaxosMessage.Promise;
              import faultline.protocols.paxos.ValueChoice;
              import java.util.List;

              final class Borrowed implements ValueChoice {
                @Override
                public String choose(List<Promise> promises, String own) {
                  return ValueChoice.HIGHEST_ACCEPTED.choose(promises, own);
                }
              }
              """),
          Map.entry(
              "e10_swim/Borrowed.java",
              """
              package faultline.exercises.e10_swim;

              import faultline.protocols.swim.Entry;
              import faultline.protocols.swim.MergeRules;
              import faultline.protocols.swim.Update;

              final class Borrowed implements MergeRules {
                @Override
                public Entry merge(Entry local, Update update) {
                  return local;
                }

                @Override
                public long ownIncarnation(long own, Update aboutSelf) {
                  return MergeRules.PAPER.ownIncarnation(own, aboutSelf);
                }
              }
              """),
          Map.entry(
              "e11_read_index/Borrowed.java",
              """
              package faultline.exercises.e11_read_index;

              import faultline.protocols.raft.ReadLeader;
              import faultline.protocols.raft.ReadRule;
              import faultline.protocols.raft.ReadTicket;

              final class Borrowed implements ReadRule {
                @Override
                public ReadTicket admit(ReadLeader leader) {
                  return ReadRule.PAPER.admit(leader);
                }

                @Override
                public boolean mayServe(ReadLeader leader, ReadTicket ticket) {
                  return false;
                }
              }
              """),
          Map.entry(
              "e12_linearizability/Borrowed.java",
              """
              package faultline.exercises.e12_linearizability;

              final class Borrowed implements java.util.function.Predicate<History> {
                @Override
                public boolean test(History history) {
                  return ReferenceSearch.linearizable(history);
                }
              }
              """),
          Map.entry("e12_linearizability/ReferenceSearch.java", REFERENCE_SEARCH));

  static final Map<String, String> CONFIGURATION =
      Map.of(
          "e05_election/Borrowing.java",
          """
          package faultline.exercises.e05_election;

          import faultline.protocols.raft.ElectionRules;

          interface Borrowing extends ElectionRules {
            @Override
            default boolean grantsPreVote(VoteRequest request, Voter voter) {
              return ElectionRules.paper().grantsPreVote(request, voter);
            }
          }
          """);
}
