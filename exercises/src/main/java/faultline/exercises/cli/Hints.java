package faultline.exercises.cli;

import faultline.exercises.Exercise;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An exercise's hints, read from the {@code ### Hint N} sections of its README (bundled in the
 * jar). Hints unlock in order: asking for hint N prints hints 1 to N, so no one skips to the answer
 * without the steps before it.
 */
final class Hints {
  private static final String HEADING = "### Hint ";

  private Hints() {}

  static int print(Exercise exercise, int upTo, PrintWriter out, PrintWriter err) {
    List<String> hints = of(exercise);
    if (upTo < 1 || upTo > hints.size()) {
      err.printf(
          "faultline: --hint: %s has hints 1 to %d, not %d%n", exercise.id(), hints.size(), upTo);
      err.flush();
      return 2;
    }
    for (int i = 0; i < upTo; i++) {
      out.printf("Hint %d:%n%s%n%n", i + 1, hints.get(i).strip());
    }
    if (upTo < hints.size()) {
      out.printf("(%d more: --hint %d)%n", hints.size() - upTo, upTo + 1);
    }
    out.flush();
    return 0;
  }

  static List<String> of(Exercise exercise) {
    String readme = read("/" + exercise.folder() + "/README.md");
    List<String> hints = new ArrayList<>();
    StringBuilder current = null;
    for (String line : readme.lines().toList()) {
      if (line.startsWith(HEADING)) {
        if (current != null) {
          hints.add(current.toString());
        }
        current = new StringBuilder();
      } else if (line.startsWith("#") && current != null) {
        hints.add(current.toString());
        current = null;
      } else if (current != null) {
        current.append(line).append('\n');
      }
    }
    if (current != null) {
      hints.add(current.toString());
    }
    return hints;
  }

  private static String read(String resource) {
    try (InputStream in = Hints.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no README " + resource + " in the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
