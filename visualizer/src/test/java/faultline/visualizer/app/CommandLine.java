package faultline.visualizer.app;

import faultline.scenarios.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** The real command line, run in this JVM, with what it wrote to each stream and its exit code. */
record CommandLine(int code, String out, String err) {
  static CommandLine execute(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new CommandLine(code, out.toString(), err.toString());
  }
}
