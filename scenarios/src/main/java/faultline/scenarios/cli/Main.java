package faultline.scenarios.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of {@code ./faultline}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Interrupts.install(System.err);
    OutOfMemory.installForEveryThread(System.err);
    if (ProgressLine.wanted()) {
      ProgressLine.start(System.err);
    }
    int code;
    try {
      code = execute(args);
    } catch (OutOfMemoryError e) {
      code = OutOfMemory.report(new PrintWriter(System.err, true));
    } finally {
      ProgressLine.stop();
    }
    if (Interrupts.requested()) {
      code = ExitCodes.INTERRUPTED;
    }
    Interrupts.commandDone();
    System.exit(code); // After Ctrl-C this waits for the shutdown, which exits with 130.
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
