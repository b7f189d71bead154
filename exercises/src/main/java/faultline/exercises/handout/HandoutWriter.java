package faultline.exercises.handout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * Writes the student edition: a copy of the whole reactor (so {@code ./faultline grade e01} builds
 * and grades it with one command, exactly as here), in which every solution region under {@code
 * exercises/src/main/java} is replaced by its stub, the exercises' own tests (which prove the
 * reference solutions pass) are left out, and the README is the student's.
 */
public final class HandoutWriter {
  private static final Set<String> SKIPPED_NAMES =
      Set.of(".git", "target", ".idea", ".vscode", ".jqwik-database", ".DS_Store");
  // The exercises' own packages (e01_lamport ...): only their files carry solution regions.
  private static final java.util.regex.Pattern EXERCISE_SOURCE =
      java.util.regex.Pattern.compile(
          "exercises/src/main/java/faultline/exercises/e\\d\\d_[^/]+/.+\\.java");
  private static final String EXERCISE_TESTS = "exercises/src/test";
  private static final String README_TEMPLATE = "/faultline/exercises/handout/README.md";

  private final Path source;
  private final Path out;
  private int stripped;
  private int regions;

  public HandoutWriter(Path source, Path out) {
    this.source = source.toAbsolutePath().normalize();
    this.out = out.toAbsolutePath().normalize();
  }

  /** What was written. */
  public record Summary(Path out, int filesStripped, int regionsReplaced) {}

  public Summary write() throws IOException {
    if (Files.exists(out)) {
      try (var entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new HandoutException(out + " is not empty: choose a new folder");
        }
      }
    }
    if (out.startsWith(source.resolve("exercises")) || out.equals(source)) {
      throw new HandoutException(out + " is inside the sources it would copy");
    }
    Files.createDirectories(out);
    Files.walkFileTree(source, new Copier());
    Path readme = out.resolve("README.md");
    if (Files.exists(readme)) {
      Files.move(readme, out.resolve("FAULTLINE.md"), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(readme, template());
    relaxFormatCheck(out.resolve("exercises/pom.xml"));
    return new Summary(out, stripped, regions);
  }

  /**
   * Students' code is graded, not formatted: in the handout, the exercises module skips the
   * formatter's check (stubs leave imports unused, and a student's style is not a build failure).
   */
  private static void relaxFormatCheck(Path pom) throws IOException {
    String text = Files.readString(pom, StandardCharsets.UTF_8);
    String anchor = "</description>\n";
    if (!text.contains(anchor)) {
      throw new HandoutException(pom + ": no </description> line to put the properties after");
    }
    String relaxed =
        text.replaceFirst(
            anchor,
            anchor
                + "\n  <!-- Handout: your code is graded, not formatted. -->\n"
                + "  <properties>\n"
                + "    <spotless.check.skip>true</spotless.check.skip>\n"
                + "  </properties>\n");
    Files.writeString(pom, relaxed, StandardCharsets.UTF_8);
  }

  private final class Copier extends SimpleFileVisitor<Path> {
    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
      String relative = relative(dir);
      if (dir.equals(out)
          || SKIPPED_NAMES.contains(dir.getFileName().toString())
          || relative.equals(EXERCISE_TESTS)) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
      String relative = relative(file);
      if (SKIPPED_NAMES.contains(file.getFileName().toString())
          || (!relative.contains("/") && relative.endsWith(".jsonl"))) {
        return FileVisitResult.CONTINUE;
      }
      Path target = out.resolve(relative);
      Files.createDirectories(target.getParent());
      if (EXERCISE_SOURCE.matcher(relative).matches()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (SolutionRegions.hasMarkers(text)) {
          String student = SolutionRegions.strip(relative, text);
          regions += countRegions(text);
          stripped++;
          Files.writeString(target, student, StandardCharsets.UTF_8);
          return FileVisitResult.CONTINUE;
        }
      }
      Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
      return FileVisitResult.CONTINUE;
    }
  }

  private String relative(Path path) {
    return source.relativize(path).toString().replace('\\', '/');
  }

  private static int countRegions(String text) {
    return (int) text.lines().filter(line -> line.strip().equals(SolutionRegions.BEGIN)).count();
  }

  private static String template() throws IOException {
    try (InputStream in = HandoutWriter.class.getResourceAsStream(README_TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("no handout README template in the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
