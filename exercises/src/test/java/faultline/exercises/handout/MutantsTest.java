package faultline.exercises.handout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bug zoo for the graders: each case plants one classic student mistake in the reference
 * solution, compiles it, grades it, and names exactly the tests that must fail. So a test that a
 * half-done solution passes is one that really checks the other half (test 4 of e01 catches a clock
 * that is not persisted, and only that), and no check passes vacuously.
 */
class MutantsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final String SOURCES = "exercises/src/main/java/faultline/exercises/";
  private static final String SPLIT_BRAIN = "e08_split_brain/LeaderLease.java";
  private static final String PAXOS_ACCEPTOR = "e09_paxos/PaxosAcceptor.java";
  private static final String SWIM_RULES = "e10_swim/SuspicionRules.java";
  private static final String READ_INDEX = "e11_read_index/ReadIndex.java";
  private static final String SEARCH = "e12_linearizability/LinearizabilitySearch.java";
  private static final String SERVE_RULE =
      "return leader.confirmedRound() >= ticket.round() && leader.lastApplied() >= ticket.readIndex();";

  /** One textual change: every occurrence of {@code from} becomes {@code to}. */
  record Edit(String from, String to) {}

  /**
   * A mistake, as one or more edits of one file (some mistakes touch two methods); {@code
   * linearizabilityFailures}: for simulation tests that must fail by a history that is not
   * linearizable, the seed they must fail on (empty for the others).
   */
  record Mutant(
      String exercise,
      String file,
      List<Edit> edits,
      Set<Integer> failing,
      Map<Integer, Long> linearizabilityFailures) {
    Mutant(String exercise, String file, List<Edit> edits, Set<Integer> failing) {
      this(exercise, file, edits, failing, Map.of());
    }

    Mutant(String exercise, String file, String from, String to, Set<Integer> failing) {
      this(exercise, file, List.of(new Edit(from, to)), failing);
    }

    Mutant(
        String exercise,
        String file,
        String from,
        String to,
        Set<Integer> failing,
        Map<Integer, Long> linearizabilityFailures) {
      this(exercise, file, List.of(new Edit(from, to)), failing, linearizabilityFailures);
    }

    @Override
    public String toString() {
      return exercise + ": " + edits.getFirst().to().strip();
    }
  }

  static List<Mutant> mutants() {
    return List.of(
        new Mutant(
            "e01",
            "e01_lamport/LamportNode.java",
            "context.storage().put(CLOCK_KEY, time);",
            "// Forgot to persist the clock.",
            Set.of(4)),
        new Mutant(
            "e01",
            "e01_lamport/LamportNode.java",
            "return Math.max(current, messageTimestamp) + 1;",
            "return messageTimestamp + 1; // Forgot the receiver's own clock.",
            Set.of(1, 2, 3, 4)),
        new Mutant(
            "e02",
            "e02_vector/VectorNode.java",
            "return CausalOrder.CONCURRENT;",
            "return CausalOrder.BEFORE; // Never says concurrent.",
            Set.of(2, 3, 4, 5)),
        new Mutant(
            "e03",
            "e03_hlc/HlcNode.java",
            "long l = Math.max(Math.max(current.l(), remote.l()), pt);",
            "long l = Math.max(current.l(), pt); // Ignores the message's l.",
            Set.of(1, 2, 3, 4)),
        new Mutant(
            "e04",
            "e04_lww/LwwNode.java",
            "clock = clock.receive(remote, pt);",
            "// Learns nothing from messages.",
            Set.of(2, 3, 4)),
        new Mutant(
            "e04",
            "e04_lww/LwwNode.java",
            "clock = clock.sendOrLocal(pt);",
            "clock = clock.sendOrLocal(pt + 3_600_000_000_000L); // An hour ahead never loses.",
            Set.of(4)),
        new Mutant(
            "e05",
            "e05_election/RaftElection.java",
            "return freeToVote && logUpToDate;",
            "return freeToVote; // No up-to-date check: a stale log can win.",
            Set.of(1, 6, 7)),
        new Mutant(
            "e05",
            "e05_election/RaftElection.java",
            "voter.votedFor() == null || voter.votedFor().equals(request.candidate());",
            "true; // Votes for every candidate that asks, twice in a term.",
            Set.of(1, 4, 5, 6, 7)),
        new Mutant(
            "e05",
            "e05_election/RaftElection.java",
            "request.lastLogTerm() > voter.lastLogTerm()",
            "request.lastLogIndex() > voter.lastLogIndex() // The longer log wins.",
            Set.of(1)),
        new Mutant(
            "e05",
            "e05_election/RaftElection.java",
            "return random.nextLongBetween(minNanos, maxNanos);",
            "return minNanos; // The same timeout every time: split votes forever.",
            Set.of(2, 3, 4, 5, 7)),
        new Mutant(
            "e06",
            "e06_replication/LeaderCommit.java",
            "if (log.term(n) != currentTerm) {",
            "if (log.term(n) > currentTerm) { // Counts the replicas of earlier terms' entries.",
            Set.of(2, 5)),
        new Mutant(
            "e06",
            "e06_replication/FollowerAppend.java",
            "if (log.term(index) == entry.term()) {",
            "if (false) { // Deletes from the first entry the message carries, matching or not.",
            Set.of(1, 4, 6)),
        new Mutant(
            "e06",
            "e06_replication/FollowerAppend.java",
            "Math.min(append.leaderCommit(), index)",
            "append.leaderCommit() /* Trusts leaderCommit without the min. */",
            Set.of(1, 4, 6)),
        new Mutant(
            "e07",
            "e07_fencing/FencingCheck.java",
            "return token < highestToken;",
            "return token <= highestToken; // A holder may write only once.",
            Set.of(1)),
        new Mutant(
            "e07",
            "e07_fencing/FencingCheck.java",
            "return token < highestToken;",
            "return token > highestToken; // Backwards: refuses the newest lease.",
            Set.of(1, 2, 3)),
        new Mutant(
            "e08",
            SPLIT_BRAIN,
            "lease.requestSentMonoNanos() + lease.leaseNanos() - marginNanos;",
            "arrival.monoNanos() + lease.leaseNanos() - marginNanos; // From the grant's arrival.",
            Set.of(1, 2, 6)),
        new Mutant(
            "e08",
            SPLIT_BRAIN,
            List.of(
                new Edit("lease.requestSentMonoNanos()", "lease.requestSentWallNanos()"),
                new Edit("- arrival.monoNanos();", "- arrival.wallNanos(); // On the wall clock."),
                new Edit("return now.monoNanos() <", "return now.wallNanos() <")),
            Set.of(1, 3)),
        new Mutant(
            "e08",
            SPLIT_BRAIN,
            "lease.leaseNanos() - marginNanos;",
            "lease.leaseNanos(); // No margin for drift.",
            Set.of(1, 4, 6)),
        new Mutant(
            "e08",
            SPLIT_BRAIN,
            List.of(
                new Edit(
                    "return now.monoNanos() < actUntilMonoNanos;",
                    "return true; // Only the step-down timer ends the lease."),
                new Edit("return !mayAct(now);", "return now.monoNanos() >= actUntilMonoNanos;")),
            Set.of(1, 5, 6)),
        new Mutant(
            "e09",
            "e09_paxos/ProposerValue.java",
            "return highest == null ? own : highest.acceptedValue();",
            "return own; // Ignores the highest accepted value.",
            Set.of(2, 4, 5, 6, 7, 8)),
        new Mutant(
            "e09",
            PAXOS_ACCEPTOR,
            """
                if (ballot.isBelow(state.promised())) {
                  return new Decision(state, false, false);
                }
                return new Decision(state.accept(ballot, value), true, true);\
            """,
            "return new Decision(state.accept(ballot, value), true, true); // Even below a promise.",
            Set.of(1, 4, 6, 7, 8)),
        new Mutant(
            "e09",
            PAXOS_ACCEPTOR,
            "return new Decision(state.promise(ballot), true, true);",
            "return new Decision(state.promise(ballot), true, false); // Not on disk first.",
            Set.of(1, 6)),
        new Mutant(
            "e10",
            SWIM_RULES,
            "case ALIVE -> i > j;",
            "case ALIVE -> i > j || (i == j && local.status() == MemberStatus.SUSPECT); // Equal wins.",
            Set.of(1, 6, 7)),
        new Mutant(
            "e10",
            SWIM_RULES,
            "return aboutSelf.incarnation() + 1;",
            "return own; // Never refutes.",
            Set.of(2, 4, 5, 6, 7)),
        new Mutant(
            "e10",
            SWIM_RULES,
            "return overrides ? Entry.of(update) : local;",
            """
            return overrides && update.kind() == Update.Kind.SUSPECT
                    ? new Entry(MemberStatus.SUSPECT, i + 1) // Others raise its incarnation.
                    : overrides ? Entry.of(update) : local;\
            """,
            Set.of(1, 3, 4, 5, 6, 7)),
        // Exercise 11: each of ReadIndex's steps left out is caught by kv.linearizable on a seed.
        new Mutant(
            "e11",
            READ_INDEX,
            SERVE_RULE,
            "return true; // Serves from its own state at once.",
            Set.of(1, 3, 4, 5),
            Map.of(3, 1L, 4, 1L)),
        new Mutant(
            "e11",
            READ_INDEX,
            "return new ReadTicket(readIndex, leader.requestRound());",
            "return new ReadTicket(readIndex, 0); // Skips the heartbeat round.",
            Set.of(1, 3, 4),
            Map.of(3, 1L, 4, 1L)),
        new Mutant(
            "e11",
            READ_INDEX,
            SERVE_RULE,
            "return leader.confirmedRound() >= ticket.round(); // Does not wait for apply.",
            Set.of(1, 5),
            Map.of(5, 1L)),
        new Mutant(
            "e11",
            READ_INDEX,
            "long readIndex = Math.max(leader.commitIndex(), leader.firstIndexOfTerm());",
            "long readIndex = leader.commitIndex(); // From before its term's first commit.",
            Set.of(1, 5),
            Map.of(5, 1L)),
        // Exercise 12: the three classic mistakes of a linearizability checker.
        new Mutant(
            "e12",
            SEARCH,
            """
                  if (!explored.add(new Configuration(linearized.clone(), state))) {
                    return false; // Explored before, and it led nowhere.
                  }\
            """,
            "// No memo: explores the same configurations again and again.",
            Set.of(4, 5, 6)),
        new Mutant(
            "e12",
            SEARCH,
            "if (op.outcome() != Op.Outcome.FAIL && !unknownRead) {",
            "if (op.outcome() == Op.Outcome.OK) { // Treats info as failed.",
            Set.of(1, 3, 5, 6)),
        new Mutant(
            "e12",
            SEARCH,
            "for (int i = lowest; i < ops.length && ops[i].invokedAt() < deadline; i++) {",
            "for (int i = lowest; i < ops.length; i++) { // Ignores real time.",
            Set.of(1, 2, 3, 4, 5, 6)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutants")
  void exactlyTheTestsThatCheckTheMistakeFail(Mutant mutant, @TempDir Path temp) throws Exception {
    Path root = temp.resolve("mutant");
    copy(REPOSITORY.resolve("exercises/src/main"), root.resolve("exercises/src/main"));
    copy(REPOSITORY.resolve("exercises/scenarios"), root.resolve("exercises/scenarios"));
    Path file = root.resolve(SOURCES + mutant.file());
    String source = Files.readString(file);
    for (Edit edit : mutant.edits()) {
      assertThat(source).as("the mutant's anchor").contains(edit.from());
      source = source.replace(edit.from(), edit.to());
    }
    Files.writeString(file, source);
    HandoutBuild build = new HandoutBuild(root, Files.createDirectories(temp.resolve("classes")));
    assertThat(build.compile()).isEmpty();

    HandoutBuild.Run run =
        build.faultline(
            "grade", mutant.exercise(), "--json", "--traces", temp.resolve("t").toString());

    JsonNode report = JSON.readTree(run.out());
    Set<Integer> failing = new TreeSet<>();
    List<String> messages = new ArrayList<>();
    for (JsonNode test : report.get("tests")) {
      if (!test.get("passed").asBoolean()) {
        failing.add(test.get("number").asInt());
        messages.add(test.get("failure").get("message").asText());
      }
    }
    assertThat(failing).as("failing tests; messages: %s", messages).isEqualTo(mutant.failing());
    for (Map.Entry<Integer, Long> expected : mutant.linearizabilityFailures().entrySet()) {
      JsonNode failure = report.get("tests").get(expected.getKey() - 1).get("failure");
      assertThat(failure.get("invariant").asText())
          .as("test %s", expected.getKey())
          .isEqualTo("kv.linearizable");
      assertThat(failure.get("seed").asLong())
          .as("test %s", expected.getKey())
          .isEqualTo(expected.getValue());
    }
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
