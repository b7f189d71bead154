package faultline.scenarios.cli;

import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves a {@code <scenario>} argument: a bundled name such as {@code raft/split-brain}, or a
 * file.
 */
public final class ScenarioArgument {
  private ScenarioArgument() {}

  public static ScenarioLoader loader() {
    return new ScenarioLoader(Protocols.invariantsByProtocol());
  }

  public static Scenario load(String argument) {
    ScenarioLoader loader = loader();
    if (Catalog.contains(argument)) {
      return new Catalog(loader).load(argument);
    }
    Path path = Path.of(argument);
    if (Files.isRegularFile(path)) {
      return loader.loadFile(path);
    }
    throw new UserError(
        "no bundled scenario or file named '"
            + argument
            + "' (./faultline list shows the bundled ones)");
  }
}
