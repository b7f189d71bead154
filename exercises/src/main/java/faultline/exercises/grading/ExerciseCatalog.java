package faultline.exercises.grading;

import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.catalog.CatalogSource;
import java.util.List;
import java.util.Optional;

/**
 * Puts the exercises' scenario files in the catalog as {@code exercises/<file name>}, so that
 * {@code ./faultline list} shows them and {@code run exercises/e04-lww-skew} works from any
 * directory, the handout's included; the files stay runnable by path as well.
 */
public final class ExerciseCatalog implements CatalogSource {
  static final String PREFIX = "exercises/";

  private final List<String> names =
      Catalog.indexLines(ExerciseScenarios.read("index.txt")).stream()
          .map(fileName -> PREFIX + fileName)
          .toList();

  @Override
  public List<String> names() {
    return names;
  }

  @Override
  public Optional<String> read(String name) {
    if (!names.contains(name)) {
      return Optional.empty();
    }
    return Optional.of(ExerciseScenarios.read(name.substring(PREFIX.length()) + ".json"));
  }

  @Override
  public String toString() {
    return "the exercises";
  }
}
