package faultline.scenarios.cli;

import faultline.engine.NodeFailure;
import faultline.engine.trace.TraceFormat;
import faultline.scenarios.parse.InputFiles;
import faultline.scenarios.parse.ScenarioException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level command: dispatches to subcommands and maps failures to exit codes. */
@Command(
    name = "faultline",
    mixinStandardHelpOptions = true,
    // From the trace format's own constants, so that a new format version cannot leave it behind.
    version =
        "faultline 0.1.0 (trace format "
            + TraceFormat.FORMAT_NAME
            + " "
            + TraceFormat.VERSION
            + ")",
    description = "Deterministic distributed-systems simulator and teaching lab.",
    subcommands = {
      ListCommand.class,
      DescribeCommand.class,
      RunCommand.class,
      ReplayCommand.class,
      CheckCommand.class,
      SweepCommand.class,
      ShrinkCommand.class,
      ProtocolsCommand.class,
      CompareCommand.class,
      AnalyzeCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 an invariant was violated (or a replay differed), 2 bad usage or"
          + " input, 3 internal error (add --verbose for the stack trace), 4 check could not"
          + " decide within --max-states, 5 inconclusive (a run stopped by a limit before its"
          + " end, or a check undecided), 6 out of memory, 130 interrupted (Ctrl-C)."
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

  /** The whole command line: the built-in commands plus every {@link CommandExtension} found. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new FaultlineCommand());
    ServiceLoader.load(CommandExtension.class).stream()
        .map(ServiceLoader.Provider::get)
        .sorted(Comparator.comparing(CommandExtension::name))
        .forEach(extension -> extension.register(commandLine));
    CommandLine help = new CommandLine(new CommandLine.HelpCommand());
    help.getCommandSpec()
        .usageMessage()
        .description("Show the help of a command, like ./faultline help run.");
    commandLine.addSubcommand("help", help); // Listed last.
    commandLine.registerConverter(Path.class, new PathArguments.Converter());
    commandLine.setParameterExceptionHandler(FaultlineCommand::onBadUsage);
    commandLine.setExecutionExceptionHandler(FaultlineCommand::onFailure);
    return commandLine;
  }

  private static int onBadUsage(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("faultline: " + UsageErrors.message(e));
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
    if (OutOfMemory.isCause(e)) {
      return OutOfMemory.report(err); // From a worker thread: a sweep's, say.
    }
    if (e instanceof UncheckedIOException io) {
      // A file that could be opened but not written to the end (a full disk, a lost mount): the
      // machine's state, not a bug, so it is said plainly.
      err.println("faultline: " + io.getMessage() + ": " + InputFiles.reason(io.getCause()));
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    boolean verbose =
        parseResult.hasMatchedOption("--verbose")
            || (parseResult.subcommand() != null
                && parseResult.subcommand().hasMatchedOption("--verbose"));
    if (e instanceof NodeFailure failure) {
      // A bug in protocol code (a student's node, say), not in faultline: say where it happened.
      err.println("faultline: " + failure.getMessage());
      err.println(
          verbose
              ? "The protocol's stack trace:"
              : "This is a bug in the protocol's code; add --verbose for its stack trace.");
      if (verbose) {
        failure.getCause().printStackTrace(err);
      }
      err.flush();
      return ExitCodes.INTERNAL_ERROR;
    }
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
