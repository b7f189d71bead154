package faultline.scenarios.bind;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.node.NodeId;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.parse.JsonParamReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The scenario format's README documents every built-in protocol binding from its declarations: the
 * table of protocols (name, the catalog folders of its scenarios, summary) and each binding's table
 * of parameters sit between {@code <!-- ... -->} markers and must equal what this test generates,
 * so a binding added without its row, or a parameter changed without its docs, fails here. After an
 * intended change, {@code -Dfaultline.rewrite=true} writes the generated tables into the README;
 * review the diff. The root README's example of Raft parameters must also be parameters the binding
 * accepts.
 */
class ProtocolDocsTest {
  private static final Path README = Path.of("README.md");
  private static final Path ROOT_README = Path.of("../README.md");
  private static final boolean REWRITE = Boolean.getBoolean("faultline.rewrite");
  private static final Catalog CATALOG = new Catalog(Protocols.scenarioLoader());

  @Test
  void theReadmeHasEveryBindingsTablesAsDeclared() throws IOException {
    String readme = Files.readString(README);
    String generated = replaceBlock(readme, "protocols", "end protocols", protocolsTable());
    for (ProtocolBinding binding : Protocols.all()) {
      String start = "parameters: " + binding.name();
      assertThat(generated)
          .as("a section with <!-- %s --> and <!-- end parameters --> in %s", start, README)
          .contains("<!-- " + start + " -->");
      generated = replaceBlock(generated, start, "end parameters", parametersTable(binding));
    }
    if (REWRITE) {
      Files.writeString(README, generated);
      readme = generated;
    }
    assertThat(readme).as("refresh with -Dfaultline.rewrite=true").isEqualTo(generated);
  }

  @Test
  void everyDocumentedBindingIsRegistered() throws IOException {
    Matcher sections =
        Pattern.compile("<!-- parameters: ([a-z0-9-]+) -->").matcher(Files.readString(README));
    List<String> documented = new ArrayList<>();
    while (sections.find()) {
      documented.add(sections.group(1));
    }
    assertThat(documented)
        .containsExactlyInAnyOrderElementsOf(
            Protocols.all().stream().map(ProtocolBinding::name).toList());
  }

  @Test
  void theRootReadmesRaftExampleIsAcceptedByTheBinding() throws IOException {
    String readme = Files.readString(ROOT_README);
    Matcher example =
        Pattern.compile("```jsonc\n\"params\": (\\{.*?\n\\})\n```", Pattern.DOTALL).matcher(readme);
    assertThat(example.find()).as("the jsonc block of Raft parameters in README.md").isTrue();
    List<NodeId> nodes = List.of("n1", "n2", "n3", "c1").stream().map(NodeId::of).toList();
    JsonParamReader params =
        JsonParamReader.fromText("README.md", "params", example.group(1), nodes);
    RaftParams.read(params, nodes, 10_000_000_000L); // Throws on a field the binding refuses.
  }

  private static String protocolsTable() {
    StringBuilder table = new StringBuilder("| protocol | scenarios | what |\n|---|---|---|\n");
    for (ProtocolBinding binding : Protocols.all()) {
      Set<String> folders = new LinkedHashSet<>();
      for (String name : CATALOG.namesOf(binding.name())) {
        folders.add("`" + name.substring(0, name.indexOf('/') + 1) + "`");
      }
      table
          .append("| `")
          .append(binding.name())
          .append("` | ")
          .append(String.join(", ", folders))
          .append(" | ")
          .append(binding.summary())
          .append(" |\n");
    }
    return table.toString();
  }

  private static String parametersTable(ProtocolBinding binding) {
    StringBuilder table =
        new StringBuilder("| param | type | default | meaning |\n|---|---|---|---|\n");
    for (Parameter parameter : binding.parameters().all()) {
      table
          .append("| `")
          .append(parameter.path())
          .append("` | ")
          .append(parameter.typeText())
          .append(" | ")
          .append(
              switch (parameter.defaultKind()) {
                case REQUIRED -> "required";
                case FIXED -> "`" + parameter.defaultText() + "`";
                case COMPUTED -> parameter.defaultText();
              })
          .append(" | ")
          .append(parameter.meaning())
          .append(" |\n");
    }
    return table.toString();
  }

  /** {@code text} with what stands between the two markers replaced by {@code content}. */
  private static String replaceBlock(String text, String start, String end, String content) {
    String open = "<!-- " + start + " -->\n";
    int from = text.indexOf(open);
    assertThat(from).as("the marker %s", open.strip()).isNotNegative();
    int to = text.indexOf("<!-- " + end + " -->", from);
    assertThat(to).as("the marker <!-- %s --> after %s", end, open.strip()).isNotNegative();
    return text.substring(0, from + open.length()) + content + text.substring(to);
  }
}
