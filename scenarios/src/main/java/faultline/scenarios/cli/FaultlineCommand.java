package faultline.scenarios.cli;

import faultline.scenarios.parse.ScenarioException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level command: dispatches to subcommands and maps failures to exit codes. */
@Command(
    name = "faultline",
    mixinStandardHelpOptions = true,
    version = "faultline 0.1.0 (trace format faultline-trace 1)",
    description = "Deterministic distributed-systems simulator and teaching lab.",
    subcommands = {
      ListCommand.class,
      DescribeCommand.class,
      RunCommand.class,
      ReplayCommand.class,
      CheckCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 an invariant was violated (or a replay differed),",
      "2 bad usage or input, 3 internal error (add --verbose for the stack trace),",
      "4 check could not decide within --max-states."
    })
public final class FaultlineCommand implements Runnable {
  @Option(
      names = "--verbose",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces for internal errors.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new FaultlineCommand());
    commandLine.setParameterExceptionHandler(FaultlineCommand::onBadUsage);
    commandLine.setExecutionExceptionHandler(FaultlineCommand::onFailure);
    return commandLine;
  }

  private static int onBadUsage(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("faultline: " + e.getMessage());
    err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  private static int onFailure(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (e instanceof ScenarioException || e instanceof UserError) {
      err.println("faultline: " + e.getMessage());
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    boolean verbose =
        parseResult.hasMatchedOption("--verbose")
            || (parseResult.subcommand() != null
                && parseResult.subcommand().hasMatchedOption("--verbose"));
    err.println("faultline: internal error: " + e);
    if (verbose) {
      e.printStackTrace(err);
    } else {
      err.println("Run again with --verbose for the stack trace, and please report it.");
    }
    err.flush();
    return ExitCodes.INTERNAL_ERROR;
  }
}
