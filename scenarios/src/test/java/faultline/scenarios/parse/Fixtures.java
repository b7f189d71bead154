package faultline.scenarios.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Test protocols and the scenario files under {@code src/test/resources/parse}. */
final class Fixtures {
  static final Path MODULE = Path.of("").toAbsolutePath();
  static final Path VALID = MODULE.resolve("src/test/resources/parse/valid");
  static final Path INVALID = MODULE.resolve("src/test/resources/parse/invalid");
  static final Path BUNDLED = MODULE.resolve("src/main/resources/scenarios");
  static final Path WITNESSES = MODULE.resolve("src/test/resources/witnesses");
  static final Path SCHEMA = MODULE.resolve("src/main/resources/faultline/scenario.schema.json");

  private Fixtures() {}

  /** Two made-up protocols; the loader only needs their names and invariant names. */
  static Map<String, SortedSet<String>> protocols() {
    return Map.of(
        "clocks-register",
        new TreeSet<>(List.of("clocks.lamport-clock-condition", "clocks.lww-converges")),
        "raft",
        new TreeSet<>(List.of("raft.election-safety", "raft.log-matching")));
  }

  /** The made-up raft's one eventually property. */
  static Map<String, SortedSet<String>> eventually() {
    return Map.of("raft", new TreeSet<>(List.of("raft.leader-exists")));
  }

  static ScenarioLoader loader() {
    return new ScenarioLoader(protocols(), eventually());
  }

  /** The {@code *.json} files under {@code dir}, sorted; none when it does not exist. */
  static List<Path> jsonFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
