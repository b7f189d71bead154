package faultline.scenarios.cli;

import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.LoadProgress;
import faultline.scenarios.parse.Messages;
import faultline.scenarios.parse.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a {@code <scenario>} argument: a bundled name such as {@code raft/split-brain}, or a
 * file. A name that is neither gets the closest bundled name as a suggestion.
 */
public final class ScenarioArgument {
  private ScenarioArgument() {}

  public static ScenarioLoader loader() {
    return Protocols.scenarioLoader();
  }

  public static Scenario load(String argument) {
    // On a terminal, a large file shows how far its loading has got (LoadProgress).
    // Left set on a failure, so that an interrupt or running out of memory says where it was.
    Activity.set(() -> "loading " + argument + LoadProgress.describe());
    Scenario scenario = loadQuietly(argument);
    Activity.clear();
    return scenario;
  }

  private static Scenario loadQuietly(String argument) {
    ScenarioLoader loader = loader();
    if (Catalog.contains(argument)) {
      return new Catalog(loader).load(argument);
    }
    Path path = PathArguments.of("<scenario>", argument);
    if (Files.isDirectory(path)) {
      throw new UserError(
          quoted(argument)
              + " is a folder; give a scenario file inside it, or a bundled name"
              + " (./faultline list shows them)");
    }
    if (Files.exists(path)) {
      return loader.loadFile(path);
    }
    throw new UserError(
        "no bundled scenario or file named "
            + quoted(argument)
            + suggestion(argument).map(name -> "; did you mean '" + name + "'?").orElse("")
            + " (./faultline list shows the bundled ones)");
  }

  /** The bundled name closest to a misspelled one, or the one a bare file name belongs to. */
  static Optional<String> suggestion(String argument) {
    List<String> names = Catalog.names();
    Optional<String> close = Messages.closest(argument, names);
    if (close.isPresent()) {
      return close;
    }
    String bare =
        argument.endsWith(".json") ? argument.substring(0, argument.length() - 5) : argument;
    List<String> sameLastPart = names.stream().filter(name -> name.endsWith("/" + bare)).toList();
    if (sameLastPart.size() == 1) {
      return Optional.of(sameLastPart.getFirst());
    }
    String lastPart = bare.substring(bare.lastIndexOf('/') + 1);
    return Messages.closest(
            lastPart, names.stream().map(name -> name.substring(name.indexOf('/') + 1)).toList())
        .flatMap(
            nearest -> names.stream().filter(name -> name.endsWith("/" + nearest)).findFirst());
  }

  private static String quoted(String text) {
    return "'" + Messages.oneLine(text) + "'";
  }
}
