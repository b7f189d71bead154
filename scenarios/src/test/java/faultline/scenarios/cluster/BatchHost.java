package faultline.scenarios.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for one node of a batch system: runs the example scripts as real processes, with the
 * environment a pod or an array task would get and {@code faultline} on PATH (a two-line script
 * that runs this build's command line on the test's class path, as the image's launcher runs the
 * jar). Variables a real batch system may have set around the test are removed, so that a shard
 * reads only the index its test gives it.
 */
final class BatchHost {
  private static final long TIMEOUT_SECONDS = 600;

  /** The repository's root: the examples live there. */
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  final Path bin;

  BatchHost(Path folder) throws IOException {
    bin = Files.createDirectories(folder.resolve("bin"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    executable(
        "faultline",
        "#!/bin/sh\nexec '"
            + java
            + "' -cp '"
            + System.getProperty("java.class.path")
            + "' faultline.scenarios.cli.Main \"$@\"\n");
  }

  /** Writes an executable script into {@link #bin}. */
  Path executable(String name, String text) throws IOException {
    Path script = bin.resolve(name);
    Files.writeString(script, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  record Result(int status, String output) {}

  /** Starts {@code command} with the host's environment plus {@code environment}. */
  Process start(List<String> command, Map<String, String> environment, Path workingFolder)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.directory(workingFolder.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("SLURM_") || name.equals("JOB_COMPLETION_INDEX"));
    env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
    env.putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    return process;
  }

  /** Waits for a started process and returns its exit status and everything it printed. */
  static Result finish(Process process, String what) throws IOException, InterruptedException {
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(what + ": no exit within " + TIMEOUT_SECONDS + " s");
    }
    return new Result(
        process.exitValue(), what + "\n" + new String(output, StandardCharsets.UTF_8));
  }

  Result run(List<String> command, Map<String, String> environment, Path workingFolder)
      throws IOException, InterruptedException {
    return finish(start(command, environment, workingFolder), String.join(" ", command));
  }

  /** The single-machine sweep the shards must reproduce byte for byte. */
  Result wholeSweep(String scenario, String seeds, Path out, Path workingFolder)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(bin.resolve("faultline").toString(), "sweep"));
    command.addAll(List.of(scenario, "--seeds", seeds, "--out", out.toString()));
    return run(command, Map.of(), workingFolder);
  }
}
