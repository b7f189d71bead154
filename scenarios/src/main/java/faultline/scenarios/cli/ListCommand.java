package faultline.scenarios.cli;

import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.model.Scenario;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the bundled scenarios, one line each.")
final class ListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Catalog catalog = new Catalog(ScenarioArgument.loader());
    int width = Catalog.names().stream().mapToInt(String::length).max().orElse(0);
    for (String name : Catalog.names()) {
      Scenario scenario = catalog.load(name);
      out.printf("%-" + width + "s  %s%n", name, Text.firstSentence(scenario.description(), 100));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
