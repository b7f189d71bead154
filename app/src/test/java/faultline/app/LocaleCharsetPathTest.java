package faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A path the platform's charset cannot encode is a usage error, not an internal one: under the C
 * locale (ASCII file names, as on a bare server or in a minimal container) a file named with an
 * accent cannot even be named. How it works: each command runs in a fresh JVM started with {@code
 * LC_ALL=C}, since the charset of file names is fixed when a JVM starts, and must exit 2 with one
 * line that says why and how to fix it.
 */
class LocaleCharsetPathTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"run", "replay", "check", "describe", "sweep"})
  void aPathTheLocaleCannotEncodeIsABadInputWithOneLine(String command)
      throws IOException, InterruptedException {
    String accented = dir.resolve("sc\u00e9nario.jsonl").toString();
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    line.add("-cp");
    line.add(System.getProperty("java.class.path"));
    line.add("faultline.scenarios.cli.Main");
    line.add(command);
    line.add(accented);
    switch (command) {
      case "check" -> line.addAll(List.of("--model", "kv"));
      case "sweep" -> line.addAll(List.of("--seeds", "1..2"));
      default -> {}
    }
    ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG"));
    builder.environment().put("LC_ALL", "C");
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished within a minute").isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(output).isEqualTo(2);
    assertThat(output.lines().findFirst().orElse(""))
        .contains("has characters that file names cannot hold under this locale's charset")
        .contains("LANG=C.UTF-8");
    assertThat(output).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(output.lines().filter(l -> !l.startsWith("Try '")).count()).isEqualTo(1);
  }
}
