package faultline.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.trace.InMemoryTraceSink;
import faultline.engine.trace.TraceFingerprint;
import faultline.engine.trace.TraceHeader;
import faultline.engine.trace.TraceLines;
import faultline.engine.trace.TraceWriter;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.model.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled scenario's trace, read back by the codec, and its events, at its own seed, pinned
 * by the SHA-256 of its event lines (the trace without its header and end line, so that a change of
 * the trace format's framing shows up in {@link TraceGoldenTest} alone). A change to what any
 * bundled run does fails this test; after an intended change (a protocol fix, a new random draw),
 * refresh the file with {@code ./mvnw -pl scenarios -am test -Dtest=EveryScenarioGoldenTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfaultline.rewrite=true}, review which scenarios moved,
 * and say why in the commit.
 */
class EveryScenarioGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/every-scenario.sha256");

  @Test
  void everyBundledScenarioWritesItsGoldenEvents() throws IOException {
    Map<String, String> actual = new TreeMap<>();
    for (String name : Catalog.names()) {
      actual.put(name, eventLinesSha256(name));
    }
    GoldenHashes.check(GOLDEN, actual);
  }

  /**
   * The codec on every bundled run: each line read back into its typed event and written again from
   * the record gives the same bytes, so no field is lost or added on the way; and the fingerprint
   * recomputed from the JSON lines is the one the run computed from its Java values, so the binary
   * encoding and the JSON say the same.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("faultline.scenarios.catalog.Catalog#names")
  void everyBundledTraceReadsBackIntoEventsThatWriteTheSameBytes(String name) {
    List<String> lines = trace(name);
    TraceHeader header = TraceLines.header(TraceLines.object(lines.getFirst()));
    InMemoryTraceSink again = new InMemoryTraceSink();
    TraceWriter writer = new TraceWriter(again);
    writer.header(header.scenario(), header.seed(), header.nodes());
    for (String line : lines.subList(1, lines.size() - 1)) {
      writer.write(TraceLines.event(TraceLines.object(line)));
    }
    writer.end();
    assertThat(again.lines()).containsExactlyElementsOf(lines);

    TraceFingerprint fromFile = new TraceFingerprint(header);
    lines.subList(1, lines.size() - 1).forEach(line -> fromFile.add(TraceLines.object(line)));
    assertThat(fromFile.value())
        .isEqualTo(TraceLines.object(lines.getLast()).get("fingerprint").textValue());
  }

  static String eventLinesSha256(String name) {
    List<String> lines = trace(name);
    return sha256(lines.subList(1, lines.size() - 1));
  }

  private static List<String> trace(String name) {
    Scenario scenario = new Catalog(Protocols.scenarioLoader()).load(name);
    InMemoryTraceSink sink = new InMemoryTraceSink();
    ScenarioRunner.run(scenario, scenario.seed(), scenario.run().durationNanos(), sink);
    return sink.lines();
  }

  static String sha256(List<String> lines) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String line : lines) {
        digest.update(line.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A golden file of {@code name hash} lines, compared whole, rewritten on request. */
  static final class GoldenHashes {
    private GoldenHashes() {}

    static void check(Path golden, Map<String, String> actual) throws IOException {
      List<String> lines = new ArrayList<>();
      actual.forEach((name, hash) -> lines.add(name + " " + hash));
      if (Boolean.getBoolean("faultline.rewrite")) {
        Files.createDirectories(golden.getParent());
        Files.write(golden, lines);
      }
      assertThat(golden).as("golden hashes; create them with -Dfaultline.rewrite=true").exists();
      assertThat(lines).containsExactlyElementsOf(Files.readAllLines(golden));
    }
  }
}
