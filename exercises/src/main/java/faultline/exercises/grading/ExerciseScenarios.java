package faultline.exercises.grading;

import faultline.scenarios.bind.Protocols;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The exercises' scenario files. They live in {@code exercises/scenarios/}, where students run them
 * by path ({@code ./faultline run exercises/scenarios/e04-lww-skew.json --seed 9}), and are bundled
 * in the jar so that the grader does not depend on the working directory.
 */
public final class ExerciseScenarios {
  private static final String RESOURCE_ROOT = "/faultline/exercises/scenarios/";
  private static final String FOLDER = "exercises/scenarios/";

  private ExerciseScenarios() {}

  /** The path a student runs, relative to the repository root. */
  public static String path(String fileName) {
    return FOLDER + fileName;
  }

  /** Loads {@code exercises/scenarios/<fileName>} from the jar. */
  public static Scenario load(String fileName) {
    String text = read(fileName);
    ScenarioLoader loader = new ScenarioLoader(Protocols.invariantsByProtocol());
    return loader.load(path(fileName), path(fileName), path(fileName), text);
  }

  private static String read(String fileName) {
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
