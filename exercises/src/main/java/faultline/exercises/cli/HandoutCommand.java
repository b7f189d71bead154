package faultline.exercises.cli;

import faultline.exercises.handout.HandoutException;
import faultline.exercises.handout.HandoutWriter;
import faultline.scenarios.cli.OutputPaths;
import faultline.scenarios.cli.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "handout",
    mixinStandardHelpOptions = true,
    description = {
      "Write the student edition: every solution replaced by its stub.",
      "The student edition is a copy of this repository in which every solution region of the"
          + " exercises is replaced by its stub. Students build and grade it with one command,"
          + " ./faultline grade e01 (its README says so)."
    })
final class HandoutCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      required = true,
      description = "A new (or empty) folder for the handout.")
  Path out;

  @Option(
      names = "--source",
      paramLabel = "DIR",
      description = "The repository to copy (default: the one this faultline was built from).")
  Path source;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Path root = source != null ? source : findSourceRoot();
    if (root == null || !Files.isRegularFile(root.resolve("exercises/pom.xml"))) {
      err.println(
          "faultline: handout: "
              + (root == null ? "cannot find the Faultline sources" : root + " has no exercises/")
              + "; pass --source DIR (the repository's root)");
      err.flush();
      return 2;
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UserError("--out: " + out + " is a file; name a new (or empty) folder");
    }
    HandoutWriter.Summary summary;
    try {
      summary = new HandoutWriter(root, out).write();
    } catch (IOException e) {
      throw OutputPaths.cannotWrite("--out", out, e);
    } catch (HandoutException e) {
      err.println("faultline: handout: " + e.getMessage());
      err.flush();
      return 2;
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(
        "Wrote the student edition to %s: %d solution regions in %d files replaced by stubs.%n",
        summary.out(), summary.regionsReplaced(), summary.filesStripped());
    stdout.printf("Students start with: cd %s && ./faultline grade e01%n", summary.out());
    stdout.flush();
    return 0;
  }

  /** The repository above the running jar (app/target/faultline.jar), or above the working dir. */
  private static Path findSourceRoot() {
    try {
      Path jar =
          Path.of(HandoutCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path found = upwards(jar);
      return found != null ? found : upwards(Path.of("").toAbsolutePath());
    } catch (URISyntaxException | SecurityException e) {
      return upwards(Path.of("").toAbsolutePath());
    }
  }

  private static Path upwards(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("exercises/pom.xml"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    return null;
  }
}
