package faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Durations are {@code long} nanoseconds everywhere, and how many nanoseconds a millisecond or a
 * second holds is written once, in {@code faultline.engine.time.Nanos}. This test reads every Java
 * source of the repository and fails on a constant of its own for a unit ({@code MILLI}, {@code
 * MS}, {@code SECOND}, {@code NANOS_PER_MILLI}, ...), so that a new class imports the shared one
 * instead of writing {@code 1_000_000L} again.
 */
class UnitConstantsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path SHARED =
      Path.of("sim-engine/src/main/java/faultline/engine/time/Nanos.java");
  private static final Pattern UNIT_CONSTANT =
      Pattern.compile(
          "^\\s*(?:(?:public|protected|private|static|final)\\s+)+(?:long|int)\\s+"
              + "((?:ONE_)?(?:MICROS?|MILLIS?|MS|US|S|SECONDS?|MINUTES?|HOURS?)(?:_NANOS)?"
              + "|NANOS_PER_\\w+|\\w+_PER_(?:MICRO|MILLI|SECOND)S?)\\s*=");

  @Test
  void noClassDefinesItsOwnTimeUnit() throws IOException {
    List<Path> sources = javaSources();
    assertThat(sources).as("the repository's Java sources").hasSizeGreaterThan(100);
    assertThat(sources).contains(ROOT.resolve(SHARED));
    List<String> found = new ArrayList<>();
    for (Path source : sources) {
      if (source.equals(ROOT.resolve(SHARED))) {
        continue;
      }
      List<String> lines = Files.readAllLines(source);
      for (int i = 0; i < lines.size(); i++) {
        if (UNIT_CONSTANT.matcher(lines.get(i)).find()) {
          found.add(ROOT.relativize(source) + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    assertThat(found).as("import the constants of " + SHARED + " instead").isEmpty();
  }

  @Test
  void thePatternRecognizesHomeMadeUnits() {
    assertThat(UNIT_CONSTANT.matcher("  private static final long MILLI = 1_000_000L;").find())
        .isTrue();
    assertThat(UNIT_CONSTANT.matcher("  static final long MS = 1_000_000;").find()).isTrue();
    assertThat(UNIT_CONSTANT.matcher("  private static final long ONE_SECOND_NANOS = 1L;").find())
        .isTrue();
    assertThat(UNIT_CONSTANT.matcher("  static final long NANOS_PER_MILLI = 1_000_000;").find())
        .isTrue();
    assertThat(UNIT_CONSTANT.matcher("  public static final long TTL_MIN_NANOS = 1L;").find())
        .isFalse();
  }

  private static List<Path> javaSources() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files
          .filter(file -> file.toString().endsWith(".java"))
          .filter(file -> ROOT.relativize(file).toString().contains("/src/"))
          .filter(file -> !ROOT.relativize(file).toString().contains("/target/"))
          .sorted()
          .toList();
    }
  }
}
