package faultline.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the image tarball that {@code ./mvnw -Pimage package} built, without a container engine:
 * reads the OCI layout (index, manifest, config, layers) and asserts what a cluster relies on. The
 * entry point is the launcher, which runs the same jar {@code ./faultline} runs; the user is a
 * numeric non-root user (Kubernetes' {@code runAsNonRoot} needs a number to check); results go to
 * {@code /results}, the working folder, a volume anyone may write; every blob matches its digest;
 * and the application is the last layer, so a new build changes that layer only.
 */
class ImageTarballIT {
  private static OciTarball image;

  @BeforeAll
  static void readTarball() throws IOException {
    image = new OciTarball(Path.of(System.getProperty("image.tar")));
  }

  @Test
  void theEntryPointIsTheLauncherAndTheLauncherRunsTheOneJar() {
    JsonNode config = image.config.path("config");
    assertThat(texts(config.path("Entrypoint"))).containsExactly("/usr/local/bin/faultline");
    assertThat(config.path("Cmd").isMissingNode() || config.path("Cmd").isNull()).isTrue();

    OciTarball.Entry launcher = image.file("usr/local/bin/faultline");
    assertThat(launcher).as("the launcher in the image").isNotNull();
    assertThat(launcher.mode()).as("launcher mode").isEqualTo(0755);
    assertThat(launcher.text())
        .startsWith("#!/bin/sh")
        .contains("exec java ")
        .contains("-XX:MaxRAMPercentage=75")
        .contains("-jar /opt/faultline/faultline.jar \"$@\"");
  }

  @Test
  void theJarInTheImageIsTheJarTheBuildMade() throws IOException {
    byte[] jar = Files.readAllBytes(Path.of(System.getProperty("image.jar")));
    OciTarball.Entry inImage = image.file("opt/faultline/faultline.jar");
    assertThat(inImage).as("opt/faultline/faultline.jar in the image").isNotNull();
    assertThat(inImage.size()).isEqualTo(jar.length);
    assertThat(inImage.sha256()).isEqualTo(OciTarball.sha256(jar));
  }

  @Test
  void theContainerRunsAsANumericUserThatIsNotRoot() {
    String user = image.config.path("config").path("User").asText();
    assertThat(user).isEqualTo(System.getProperty("image.user"));
    assertThat(user).matches("[0-9]+:[0-9]+");
    assertThat(user).doesNotStartWith("0:");
  }

  @Test
  void resultsGoToAMountableWorkingFolder() {
    JsonNode config = image.config.path("config");
    assertThat(config.path("WorkingDir").asText()).isEqualTo("/results");
    assertThat(config.path("Volumes").has("/results")).isTrue();
    OciTarball.Entry results = image.file("results");
    assertThat(results).as("/results in the image").isNotNull();
    assertThat(results.directory()).isTrue();
    // The non-root user writes there when no volume is mounted (Jib makes every file root's).
    assertThat(results.mode()).isEqualTo(0777);
  }

  @Test
  void theBaseHasAJavaRuntimeAndAShell() {
    assertThat(texts(image.config.path("config").path("Env")))
        .anySatisfy(variable -> assertThat(variable).startsWith("PATH="))
        .anySatisfy(variable -> assertThat(variable).startsWith("JAVA_HOME="));
    assertThat(image.file("bin/sh")).as("/bin/sh, for the cluster examples").isNotNull();
  }

  @Test
  void everyBlobMatchesItsDigestAndEveryLayerItsDiffId() {
    image.blobs.forEach(
        (digest, bytes) -> assertThat("sha256:" + OciTarball.sha256(bytes)).isEqualTo(digest));
    List<String> diffIds = texts(image.config.path("rootfs").path("diff_ids"));
    assertThat(image.layers).hasSameSizeAs(diffIds);
    for (int i = 0; i < diffIds.size(); i++) {
      assertThat(image.layers.get(i).diffId()).as("layer %d", i).isEqualTo(diffIds.get(i));
    }
    assertThat(image.manifest.path("mediaType").asText())
        .isEqualTo("application/vnd.oci.image.manifest.v1+json");
  }

  @Test
  void theApplicationIsTheLastLayer() {
    OciTarball.Layer last = image.layers.getLast();
    assertThat(last.entries())
        .containsKeys("opt/faultline/faultline.jar", "usr/local/bin/faultline");
    for (OciTarball.Layer layer : image.layers.subList(0, image.layers.size() - 1)) {
      assertThat(layer.entries()).doesNotContainKey("opt/faultline/faultline.jar");
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
