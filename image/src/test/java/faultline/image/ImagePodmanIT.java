package faultline.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the image tarball into podman and runs it as a cluster would: with no network, as the
 * image's non-root user, results written to a mounted folder. A 10-seed sweep in the container must
 * write the same bytes as the same sweep run by the jar outside it. Skipped when podman is not on
 * PATH (or with {@code -Dimage.podman.skip=true}); a podman that is there but fails is a failure.
 */
class ImagePodmanIT {
  private static final long TIMEOUT_SECONDS = 600;
  private static String imageName;

  @BeforeAll
  static void loadImage() throws Exception {
    assumeTrue(!Boolean.getBoolean("image.podman.skip"), "image.podman.skip is set");
    assumeTrue(podmanOnPath(), "podman is not on PATH; ImageTarballIT still checks the tarball");
    Result loaded = run(List.of("podman", "load", "-i", System.getProperty("image.tar")));
    assertThat(loaded.status()).as(loaded.output()).isZero();
    imageName = "localhost/" + System.getProperty("image.name");
    assertThat(loaded.output()).contains(imageName);
  }

  @AfterAll
  static void removeImage() throws Exception {
    if (imageName != null) {
      run(List.of("podman", "rmi", "--force", imageName));
    }
  }

  @Test
  void listsTheBundledScenarios() throws Exception {
    Result list = run(List.of("podman", "run", "--rm", "--network=none", imageName, "list"));
    assertThat(list.status()).as(list.output()).isZero();
    assertThat(list.output()).contains("clocks/lww-skew").contains("raft/random-faults");
  }

  @Test
  void aSweepInTheContainerWritesWhatTheJarWritesOutsideIt(@TempDir Path folder) throws Exception {
    Path mounted = Files.createDirectory(folder.resolve("results"));
    // The image's user is not root and not the owner of this folder: let it write, as fsGroup does.
    Files.setPosixFilePermissions(mounted, PosixFilePermissions.fromString("rwxrwxrwx"));
    List<String> sweep = List.of("sweep", "clocks/hlc-faults", "--seeds", "1..10", "--jobs", "2");

    List<String> inContainer = new ArrayList<>(List.of("podman", "run", "--rm", "--network=none"));
    inContainer.addAll(List.of("-v", mounted + ":/results", imageName));
    inContainer.addAll(sweep);
    inContainer.addAll(List.of("--out", "container.jsonl"));
    Result container = run(inContainer);
    assertThat(container.status()).as(container.output()).isZero();
    assertThat(container.output()).contains("10 passed");

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> outside = new ArrayList<>(List.of(java.toString(), "-jar"));
    outside.add(System.getProperty("image.jar"));
    outside.addAll(sweep);
    outside.addAll(List.of("--out", folder.resolve("host.jsonl").toString()));
    Result host = run(outside);
    assertThat(host.status()).as(host.output()).isZero();

    Path written = mounted.resolve("container.jsonl");
    assertThat(Files.readAllLines(written)).hasSize(10);
    assertThat(Files.readAllBytes(written))
        .isEqualTo(Files.readAllBytes(folder.resolve("host.jsonl")));
    if (isRoot()) {
      // Rootful podman maps no user ids: the file's owner is the image's user, not root.
      String uid = System.getProperty("image.user").split(":")[0];
      assertThat(Files.getAttribute(written, "unix:uid")).isEqualTo(Integer.parseInt(uid));
    }
  }

  @Test
  void exportDrawsSvgWithJavaFxAsModulesAndExplainsThatPngNeedsFreeType(@TempDir Path folder)
      throws Exception {
    Path mounted = Files.createDirectory(folder.resolve("results"));
    Files.setPosixFilePermissions(mounted, PosixFilePermissions.fromString("rwxrwxrwx"));
    List<String> export =
        List.of("podman", "run", "--rm", "--network=none", "-v", mounted + ":/results", imageName);
    List<String> svg = new ArrayList<>(export);
    svg.addAll(List.of("export", "clocks/lww-skew", "--format", "svg", "--out", "run.svg"));
    Result drawn = run(svg);
    assertThat(drawn.status()).as(drawn.output()).isZero();
    assertThat(drawn.output()).doesNotContain("Unsupported JavaFX configuration");
    assertThat(Files.readString(mounted.resolve("run.svg"))).contains("<svg xmlns=");

    // The base has no FreeType, which JavaFX draws text with: one line that says so, exit 2.
    List<String> png = new ArrayList<>(export);
    png.addAll(List.of("export", "clocks/lww-skew", "--format", "png", "--out", "run.png"));
    Result refused = run(png);
    assertThat(refused.status()).as(refused.output()).isEqualTo(2);
    assertThat(refused.output())
        .contains("PNG export draws text with the FreeType library")
        .doesNotContain("Exception");
  }

  private record Result(int status, String output) {}

  private static Result run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          String.join(" ", command) + ": no exit in " + TIMEOUT_SECONDS + " s");
    }
    return new Result(process.exitValue(), String.join(" ", command) + "\n" + new String(output));
  }

  private static boolean podmanOnPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String folder : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(folder, "podman"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isRoot() throws IOException {
    return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
  }
}
