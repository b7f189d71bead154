package faultline.exercises.course;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.scenarios.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grade e07 --submissions DIR} on a class of four, each a variant of the reference {@code
 * FencingCheck} (e07 is the cheapest exercise to grade): full marks; a partial solution; one that
 * does not compile; and one with an endless loop that only the third check's runs reach. The batch
 * grades all four, each in a JVM of its own, into a roster whose every cell is checked: the compile
 * error and the loop cost their own points, with their reason and seed, and nothing else.
 */
class SubmissionsBatchTest {
  private static final Path REFERENCE =
      Path.of("src/main/java/faultline/exercises/e07_fencing/FencingCheck.java");
  private static final String RULE = "return token < highestToken;";

  @TempDir static Path temp;
  static String roster;
  static String printed;
  static int exitCode;

  static String referenceSource() {
    try {
      String source = Files.readString(REFERENCE);
      assertThat(source).contains(RULE);
      return source;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @BeforeAll
  static void gradeAClassOfFour() throws IOException {
    Path submissions = temp.resolve("submissions");
    String reference = referenceSource();
    // A handout edition, with the grader's own exercise file edited: that edit must not count.
    Path handoutFolder =
        Files.createDirectories(
            submissions.resolve("alice/exercises/src/main/java/faultline/exercises/e07_fencing"));
    Files.writeString(handoutFolder.resolve("FencingCheck.java"), reference);
    Files.writeString(handoutFolder.resolve("FencingExercise.java"), "not Java: never compiled");
    write(submissions, "bob", reference.replace(RULE, "return token <= highestToken;"));
    write(submissions, "carol", reference.replace(RULE, "return token < highestToken"));
    write(
        submissions,
        "dave",
        reference.replace(RULE, "while (token + 1 < highestToken) {}\n    " + RULE));
    Files.createDirectories(submissions.resolve(".hidden-not-a-student"));

    Path csv = temp.resolve("grades.csv");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    exitCode =
        Main.execute(
            new PrintWriter(out),
            new PrintWriter(err),
            "grade",
            "e07",
            "--submissions",
            submissions.toString(),
            "--out",
            csv.toString(),
            "--traces",
            temp.resolve("work").toString());
    printed = out + err.toString();
    roster = Files.exists(csv) ? Files.readString(csv) : "";
  }

  private static void write(Path submissions, String student, String source) throws IOException {
    Path folder = Files.createDirectories(submissions.resolve(student));
    Files.writeString(folder.resolve("FencingCheck.java"), source);
  }

  private static List<String> rows() {
    return List.of(roster.split("\r\n"));
  }

  @Test
  void theBatchFinishesAndWritesOneRowPerStudentInNameOrder() {
    assertThat(exitCode).as(printed).isZero();
    assertThat(rows()).hasSize(5);
    assertThat(rows().getFirst())
        .isEqualTo(
            "student,points,max_points,test1 the token rule on chosen values (5 pts),"
                + "test2 Kleppmann's GC pause: the stale write is refused (10 pts),"
                + "\"test3 three clients, two long pauses, a slow network, 10 seeds (15 pts)\","
                + "first_failure_seed,duration_seconds,reason");
    assertThat(rows().stream().skip(1).map(row -> row.substring(0, row.indexOf(','))))
        .containsExactly("alice", "bob", "carol", "dave");
    assertThat(printed).contains("Grading 4 submissions of e07-fencing");
  }

  @Test
  void fullMarksOnlyForTheStudentsOwnFile() {
    assertThat(cells("alice")).startsWith("alice,30,30,5,10,15,,").endsWith(",");
  }

  @Test
  void aPartialSolutionLosesTheCheckItFails() {
    assertThat(cells("bob"))
        .startsWith("bob,25,30,0,10,15,,")
        .endsWith(",\"TEST 1: rejects(34, highest 34) returned true, expected false\"");
  }

  @Test
  void codeThatDoesNotCompileGetsZeroAndTheCompilersError() {
    assertThat(cells("carol"))
        .startsWith("carol,0,30,0,0,0,,")
        .contains(",does not compile: FencingCheck.java:24: ';' expected");
  }

  @Test
  void anEndlessLoopCostsTheCheckItHangsWithItsSeed() {
    assertThat(cells("dave"))
        .startsWith("dave,15,30,5,10,0,1,")
        .contains(
            ",TEST 3: seed 1: did not finish within 10.0 s of CPU time: a handler that never"
                + " returns (an endless loop?); it was at FencingCheck.java:24");
  }

  private static String cells(String student) {
    return rows().stream()
        .filter(row -> row.startsWith(student + ","))
        .findFirst()
        .orElseThrow(() -> new AssertionError(student + " missing from:\n" + roster + printed));
  }
}
