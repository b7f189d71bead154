package faultline.exercises.grading;

import faultline.scenarios.bind.Protocols;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The exercises' scenario files. They live in {@code exercises/scenarios/}, where students can
 * read, copy and run them by path, and are bundled in the jar, listed by {@code index.txt} beside
 * them, so that the catalog knows each as {@code exercises/<file name without .json>} ({@link
 * ExerciseCatalog}) and the grader does not depend on the working directory.
 */
public final class ExerciseScenarios {
  private static final String RESOURCE_ROOT = "/faultline/exercises/scenarios/";

  private ExerciseScenarios() {}

  /**
   * The catalog name a student runs from any directory, like {@code exercises/e04-lww-skew}; each
   * file declares the same name, so that reproduce commands printed by {@code run} use it too.
   */
  public static String name(String fileName) {
    return ExerciseCatalog.PREFIX + fileName.substring(0, fileName.length() - ".json".length());
  }

  /** Loads {@code exercises/scenarios/<fileName>} from the jar. */
  public static Scenario load(String fileName) {
    String text = read(fileName);
    ScenarioLoader loader = Protocols.scenarioLoader();
    String file = "exercises/scenarios/" + fileName;
    return loader.load(file, "bundled:" + name(fileName), name(fileName), text);
  }

  /**
   * Loads {@code exercises/scenarios/<fileName>} with {@code protocol} in place of its own: for a
   * grader that needs the run and not the student's part in it (exercise 12 grades a checker on the
   * histories of the simulator's own Raft, which its scenario runs with the student's checker
   * judging them).
   */
  public static Scenario loadWithProtocol(String fileName, String protocol) {
    String text =
        read(fileName)
            .replaceFirst("\"protocol\":\\s*\"[^\"]*\"", "\"protocol\": \"" + protocol + "\"");
    ScenarioLoader loader = Protocols.scenarioLoader();
    String file = "exercises/scenarios/" + fileName;
    return loader.load(file, "bundled:" + name(fileName), name(fileName), text);
  }

  static String read(String fileName) {
    try (InputStream in = ExerciseScenarios.class.getResourceAsStream(RESOURCE_ROOT + fileName)) {
      if (in == null) {
        throw new IllegalStateException("no exercise scenario " + fileName + " in the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
