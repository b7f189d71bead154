package faultline.exercises.handout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.exercises.Exercise;
import faultline.exercises.Exercises;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cheapest wrong answer to each exercise: hand the work to the simulator's own implementation,
 * which the repository ships. One copy of the reference solutions is edited so that every exercise
 * delegates (directly, through a helper class of the student's, through a simulator class that
 * wraps the reference, or through reflection), compiled once, and graded: every check that runs the
 * delegating code must score zero and say why, and the checks that do not run it (a unit check of
 * another class or method) are graded as usual, and pass.
 */
class ReferenceMutantsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final String SOURCES = "exercises/src/main/java/faultline/exercises/";

  /**
   * Where it delegates, the words the refusal must contain, and the checks that do not run the
   * delegating code and are graded (and pass) all the same.
   */
  record Delegation(
      String exercise,
      String file,
      String anchor,
      String inserted,
      String said,
      Set<Integer> graded) {
    Delegation(String exercise, String file, String anchor, String inserted, String said) {
      this(exercise, file, anchor, inserted, said, Set.of());
    }

    @Override
    public String toString() {
      return exercise + " via " + said;
    }
  }

  /** A helper class of the student's that wraps the reference (e06 uses it). */
  private static final Map<String, String> HELPERS =
      Map.of(
          "e12_linearizability/ReferenceSearch.java",
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
          """,
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

  static List<Delegation> delegations() {
    return List.of(
        new Delegation(
            "e01",
            "e01_lamport/LamportNode.java",
            "return Math.max(current, messageTimestamp) + 1;",
            "return new LamportClock(current).receive(new LamportClock(messageTimestamp)).time();",
            "LamportNode.receive uses faultline.protocols.clocks.LamportClock.receive"),
        new Delegation(
            "e02",
            "e02_vector/VectorNode.java",
            "static CausalOrder compare(SortedMap<String, Long> a, SortedMap<String, Long> b) {",
            "if (true) { return VectorClock.of(a).compare(VectorClock.of(b)); }",
            "VectorNode.compare uses faultline.protocols.clocks.VectorClock.compare"),
        new Delegation(
            "e03",
            "e03_hlc/HlcNode.java",
            "static Hlc sendOrLocal(Hlc current, long pt) {",
            "if (true) { var next = current.toTimestamp().sendOrLocal(pt);"
                + " return new Hlc(next.wallNanos(), next.logical()); }",
            "HlcNode.sendOrLocal uses faultline.protocols.clocks.HybridTimestamp.sendOrLocal"),
        new Delegation(
            "e05",
            "e05_election/RaftElection.java",
            "return freeToVote && logUpToDate;",
            "return ElectionRules.paper().grantsVote(request, voter);",
            "RaftElection.grantsVote uses faultline.protocols.raft.ElectionRules.paper"),
        new Delegation(
            "e06",
            "e06_replication/LeaderCommit.java",
            "LogView log, long currentTerm, long commitIndex, List<Long> matchIndexes) {",
            "if (true) { return Shortcut.COMMIT.commitIndex(log, currentTerm, commitIndex,"
                + " matchIndexes); }",
            "LeaderCommit.commitIndex -> Shortcut (its static fields) -> ReplicationRules (its"
                + " static fields) uses faultline.protocols.raft.AppendRule.PAPER",
            Set.of(1)),
        new Delegation(
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
        new Delegation(
            "e08",
            "e08_split_brain/LeaderLease.java",
            "public boolean mayAct(Now now) {",
            "if (true) { return LeaseGuard.configured(null).mayAct(now); }",
            "LeaderLease.mayAct uses faultline.protocols.leases.LeaseGuard.configured"),
        new Delegation(
            "e09",
            "e09_paxos/ProposerValue.java",
            "public String choose(List<Promise> promises, String own) {",
            "if (true) { return ValueChoice.HIGHEST_ACCEPTED.choose(promises, own); }",
            "ProposerValue.choose uses faultline.protocols.paxos.ValueChoice.HIGHEST_ACCEPTED",
            Set.of(1)),
        new Delegation(
            "e10",
            "e10_swim/SuspicionRules.java",
            "public long ownIncarnation(long own, Update aboutSelf) {",
            "if (true) { return MergeRules.PAPER.ownIncarnation(own, aboutSelf); }",
            "SuspicionRules.ownIncarnation uses faultline.protocols.swim.MergeRules.PAPER",
            Set.of(1)),
        new Delegation(
            "e11",
            "e11_read_index/ReadIndex.java",
            "public ReadTicket admit(ReadLeader leader) {",
            "if (true) { return ReadRule.PAPER.admit(leader); }",
            "ReadIndex.admit uses faultline.protocols.raft.ReadRule.PAPER"),
        new Delegation(
            "e12",
            "e12_linearizability/LinearizabilitySearch.java",
            "public boolean linearizable(History history) {",
            "if (true) { return ReferenceSearch.linearizable(history); }",
            "-> ReferenceSearch.linearizable uses faultline.protocols.history."));
  }

  @TempDir static Path temp;
  static HandoutBuild build;

  @BeforeAll
  static void compileEveryExerciseDelegating() throws IOException {
    Path root = temp.resolve("delegating");
    copy(REPOSITORY.resolve("exercises/src/main"), root.resolve("exercises/src/main"));
    copy(REPOSITORY.resolve("exercises/scenarios"), root.resolve("exercises/scenarios"));
    for (Delegation delegation : delegations()) {
      Path file = root.resolve(SOURCES + delegation.file());
      String source = Files.readString(file);
      assertThat(source).as("the delegation's anchor").contains(delegation.anchor());
      String replacement =
          delegation.anchor().startsWith("return ")
              ? delegation.inserted()
              : delegation.anchor() + "\n" + delegation.inserted();
      Files.writeString(file, source.replace(delegation.anchor(), replacement));
    }
    for (Map.Entry<String, String> helper : HELPERS.entrySet()) {
      Files.writeString(root.resolve(SOURCES + helper.getKey()), helper.getValue());
    }
    build = new HandoutBuild(root, Files.createDirectories(temp.resolve("classes")));
    assertThat(build.compile()).isEmpty();
  }

  @Test
  void everyExerciseWithAReferenceHasADelegatingMutant() {
    List<String> covered = delegations().stream().map(Delegation::exercise).toList();
    for (Exercise exercise : Exercises.all()) {
      boolean hasReference =
          !exercise.referenceCode().classes().isEmpty()
              || !exercise.referenceCode().members().isEmpty();
      assertThat(covered.contains(exercise.id())).as(exercise.id()).isEqualTo(hasReference);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("delegations")
  void everyCheckThatRunsItScoresZeroAndSaysWhy(Delegation delegation) throws Exception {
    HandoutBuild.Run run =
        build.faultline(
            "grade", delegation.exercise(), "--json", "--traces", temp.resolve("t").toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode report = JSON.readTree(run.out());
    int gradedPoints = 0;
    for (JsonNode test : report.get("tests")) {
      if (delegation.graded().contains(test.get("number").asInt())) {
        assertThat(test.get("passed").asBoolean()).as("%s, which does not run it", test).isTrue();
        gradedPoints += test.get("points").asInt();
        continue;
      }
      assertThat(test.get("passed").asBoolean()).as("%s", test).isFalse();
      assertThat(test.get("failure").get("message").asText())
          .startsWith("refused without running: ")
          .contains(delegation.said());
    }
    assertThat(report.get("points").asInt()).isEqualTo(gradedPoints);
  }

  @Test
  void theTextReportSaysWhyBesideEachCheck() throws Exception {
    HandoutBuild.Run run =
        build.faultline("grade", "e05", "--traces", temp.resolve("text").toString());

    assertThat(run.out())
        .contains("refused without running: RaftElection.grantsVote uses")
        .contains("ElectionRules.paper, the reference implementation")
        .contains("Points: 0/45");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path path : walk.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        Files.createDirectories(target.getParent());
        Files.copy(path, target);
      }
    }
  }
}
