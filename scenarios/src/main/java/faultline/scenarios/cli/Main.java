package faultline.scenarios.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of {@code ./faultline}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code (tests call this directly). */
  public static int execute(String... args) {
    CommandLine commandLine = FaultlineCommand.commandLine();
    return commandLine.execute(args);
  }

  /** Runs the command line with its output captured (for tests and embedding). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = FaultlineCommand.commandLine();
    commandLine.setOut(out);
    commandLine.setErr(err);
    return commandLine.execute(args);
  }
}
