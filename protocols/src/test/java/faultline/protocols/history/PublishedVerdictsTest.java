package faultline.protocols.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Our verdicts against other checkers' published ones, on their own test histories converted to our
 * format ({@link PublishedHistories}). Porcupine's key-value histories are MIT-licensed and ship
 * with the tests ({@code src/test/resources/published/porcupine-kv}). The others are not ours to
 * redistribute (the etcd logs carry no licence; Knossos's are under the EPL), so they are read from
 * checkouts of the public repositories, named by system properties, and those tests are skipped
 * without them:
 *
 * <ul>
 *   <li>{@code -Dfaultline.porcupine=DIR}, a checkout of github.com/anishathalye/porcupine: the 103
 *       Jepsen etcd logs of {@code test_data/jepsen} (collected by Horn and Kroening for their
 *       FORTE'15 checker), whose verdicts Porcupine's {@code porcupine_test.go} asserts (23
 *       linearizable, listed below; the other 80 not);
 *   <li>{@code -Dfaultline.knossos=DIR}, a checkout of github.com/jepsen-io/knossos: the {@code
 *       data/cas-register} histories, {@code good} linearizable and {@code bad} not, for a register
 *       that starts at 0, as Knossos's {@code core_test.clj} checks them.
 * </ul>
 *
 * The README's section on the checker gives the command and what it printed.
 */
class PublishedVerdictsTest {
  /** The etcd logs Porcupine's tests assert to be linearizable; the other 80 are not. */
  private static final Set<Integer> ETCD_LINEARIZABLE =
      Set.of(
          2, 5, 7, 18, 25, 31, 38, 45, 48, 49, 51, 53, 56, 67, 75, 76, 80, 87, 92, 98, 100, 101,
          102);

  private static final long STATES_MAX = 20_000_000;

  @Test
  void porcupinesEtcdLogs() {
    Path dir = checkout("faultline.porcupine");
    List<String> disagreements = new ArrayList<>();
    IntStream.rangeClosed(0, 102)
        .forEach(
            log -> {
              Path file = dir.resolve("test_data/jepsen/etcd_%03d.log".formatted(log));
              List<HistoryEvent> history = PublishedHistories.fromJepsenLog(lines(file));
              if (history.isEmpty()) {
                System.out.printf("%s is empty in this checkout: skipped%n", file.getFileName());
                return;
              }
              compare(
                  file, history, Model.register(), ETCD_LINEARIZABLE.contains(log), disagreements);
            });
    assertThat(disagreements).isEmpty();
  }

  /**
   * Porcupine's own key-value histories are MIT-licensed: they ship with the tests and always run.
   */
  @Test
  void porcupinesKeyValueHistories() throws IOException {
    List<String> disagreements = new ArrayList<>();
    for (String clients : List.of("c01", "c10", "c50")) {
      for (boolean linearizable : new boolean[] {true, false}) {
        String name = "%s-%s.txt".formatted(clients, linearizable ? "ok" : "bad");
        String text;
        try (InputStream in = getClass().getResourceAsStream("/published/porcupine-kv/" + name)) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<HistoryEvent> history = PublishedHistories.fromEdn(text, false);
        compare(Path.of(name), history, Model.kv(), linearizable, disagreements);
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void knossossCasRegisterHistories() throws IOException {
    Path dir = checkout("faultline.knossos").resolve("data/cas-register");
    List<String> disagreements = new ArrayList<>();
    for (boolean linearizable : new boolean[] {true, false}) {
      try (Stream<Path> files = Files.list(dir.resolve(linearizable ? "good" : "bad"))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".edn")).sorted().toList()) {
          List<HistoryEvent> history =
              PublishedHistories.startingAt(
                  0L, PublishedHistories.fromEdn(String.join("\n", lines(file)), true));
          compare(file, history, Model.register(), linearizable, disagreements);
        }
      }
    }
    assertThat(disagreements).isEmpty();
  }

  private static void compare(
      Path file,
      List<HistoryEvent> history,
      Model model,
      boolean published,
      List<String> disagreements) {
    long start = System.nanoTime();
    CheckResult result = LinearizabilityChecker.check(history, model, STATES_MAX);
    long millis = (System.nanoTime() - start) / 1_000_000;
    boolean agrees =
        result.verdict()
            == (published
                ? CheckResult.Verdict.LINEARIZABLE
                : CheckResult.Verdict.NOT_LINEARIZABLE);
    System.out.printf(
        "%-60s %5d events  published %-16s ours %-16s %8d states %6d ms%s%n",
        file.getFileName(),
        history.size(),
        published ? "linearizable" : "not",
        result.verdict(),
        result.statesExplored(),
        millis,
        agrees ? "" : "  DISAGREES");
    if (!agrees) {
      disagreements.add(file.getFileName() + ": " + result.verdict());
    }
  }

  private static Path checkout(String property) {
    String dir = System.getProperty(property);
    assumeTrue(dir != null, "-D" + property + "=DIR names a checkout of the published histories");
    return Path.of(dir);
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
