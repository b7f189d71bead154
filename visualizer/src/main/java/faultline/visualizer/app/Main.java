package faultline.visualizer.app;

import faultline.scenarios.cli.FaultlineCommand;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of {@code ./faultline}: the scenarios module's command line plus {@code viz} and
 * {@code export}. It does not extend {@code Application} and touches no JavaFX class unless one of
 * those two commands runs, so {@code run}, {@code list} and the rest work without a display.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  public static CommandLine commandLine() {
    CommandLine commandLine = FaultlineCommand.commandLine();
    commandLine.addSubcommand("viz", new VizCommand());
    commandLine.addSubcommand("export", new ExportCommand());
    return commandLine;
  }

  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = commandLine();
    commandLine.setOut(out);
    commandLine.setErr(err);
    return commandLine.execute(args);
  }
}
