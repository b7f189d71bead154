package faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ADDING_A_PROTOCOL.md} stays true: every file and folder it names exists (its placeholder
 * protocol {@code echo} read as {@code paxos}, a real one, and {@code eNN_name} as a real
 * exercise), and every test it says will fail exists, down to the test method.
 */
class AddingAProtocolGuideTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String GUIDE = "ADDING_A_PROTOCOL.md";
  private static final Pattern PATH =
      Pattern.compile("`((?:sim-engine|protocols|scenarios|exercises|app)/[^`\\s]*)`");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#]+)\\)");
  private static final Pattern TEST =
      Pattern.compile("\\b([A-Z][A-Za-z]*Test)(?:\\.([a-z][A-Za-z]*))?\\b");

  @Test
  void everyPathItNamesExists() throws IOException {
    String guide = Files.readString(ROOT.resolve(GUIDE));
    List<String> paths = new ArrayList<>();
    for (Matcher matcher = PATH.matcher(guide); matcher.find(); ) {
      paths.add(matcher.group(1));
    }
    for (Matcher matcher = LINK.matcher(guide); matcher.find(); ) {
      paths.add(matcher.group(1));
    }
    assertThat(paths).as("the paths in %s", GUIDE).hasSizeGreaterThan(15);
    List<String> missing = new ArrayList<>();
    for (String path : paths) {
      if (!exists(realized(path))) {
        missing.add(path + " (read as " + realized(path) + ")");
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyTestItNamesExists() throws IOException {
    String guide = Files.readString(ROOT.resolve(GUIDE));
    List<String> tests = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Matcher matcher = TEST.matcher(guide); matcher.find(); ) {
      String name = matcher.group(1);
      tests.add(name);
      List<Path> sources = testSources(name + ".java");
      if (sources.isEmpty()) {
        missing.add(name);
      } else if (matcher.group(2) != null && !declares(sources, matcher.group(2))) {
        missing.add(name + "." + matcher.group(2));
      }
    }
    assertThat(tests).as("the tests %s names", GUIDE).hasSizeGreaterThan(8);
    assertThat(missing).isEmpty();
  }

  /** The path with the guide's placeholders replaced by a real protocol and exercise. */
  private static String realized(String path) {
    return path.replace("echo", "paxos").replace("Echo", "Paxos").replace("eNN_name", "e09_paxos");
  }

  /** Whether the path exists; a last segment with {@code *} needs a matching file. */
  private static boolean exists(String path) throws IOException {
    if (!path.contains("*")) {
      return Files.exists(ROOT.resolve(path));
    }
    Path folder = ROOT.resolve(path.substring(0, path.lastIndexOf('/')));
    String glob = path.substring(path.lastIndexOf('/') + 1);
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (var files = Files.newDirectoryStream(folder, glob)) {
      return files.iterator().hasNext();
    }
  }

  /** The test sources of every module with this file name. */
  private static List<Path> testSources(String fileName) throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path module : modules.sorted().toList()) {
        Path tests = module.resolve("src/test/java");
        if (Files.isDirectory(tests)) {
          try (Stream<Path> files = Files.walk(tests)) {
            files
                .filter(file -> file.getFileName().toString().equals(fileName))
                .forEach(found::add);
          }
        }
      }
    }
    return found;
  }

  private static boolean declares(List<Path> sources, String method) throws IOException {
    for (Path source : sources) {
      if (Files.readString(source).contains(" " + method + "(")) {
        return true;
      }
    }
    return false;
  }
}
