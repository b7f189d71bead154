package faultline.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The engine's README documents the trace format with one table row per event type. This test keeps
 * that table equal to the registry derived from the sealed {@link TraceEvent} family: every engine
 * type has its row, in the family's order, no row names a type that does not exist, and every field
 * a written line of that type carries is named in its row. A record added to the family, or a field
 * added to a record, fails here until the README says what it is.
 */
class TraceTypesDocTest {
  private static final Path README = Path.of("README.md");
  private static final String HEADER = "| `type` | Fields | Written when |";
  private static final Set<String> COMMON = Set.of("seq", "t", "type", "node", "wall", "mono");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  @Test
  void theReadmeHasARowPerEngineTypeInTheFamilysOrder() throws IOException {
    assertThat(List.copyOf(rows().keySet())).isEqualTo(TraceEventTypes.NAMES);
  }

  @Test
  void eachRowNamesEveryFieldItsLinesCarry() throws IOException {
    Map<String, String> rows = rows();
    InMemoryTraceSink sink = new InMemoryTraceSink();
    TraceWriter writer = new TraceWriter(sink);
    writer.header(Map.of("name", "docs"), 1, List.of("n1", "n2"));
    TraceCodecTest.writeOneOfEach(writer);
    writer.end();
    List<String> lines = sink.lines();
    List<String> missing = new ArrayList<>();
    for (String line : lines.subList(1, lines.size() - 1)) {
      ObjectNode event = TraceLines.object(line);
      String type = event.get("type").textValue();
      if (!TraceEventTypes.isEngineType(type)) {
        continue;
      }
      Set<String> named = codeWords(rows.get(type));
      event
          .fieldNames()
          .forEachRemaining(
              field -> {
                if (!COMMON.contains(field) && !named.contains(field)) {
                  missing.add(type + "." + field);
                }
              });
    }
    assertThat(missing).as("fields written but not named in %s", README).isEmpty();
  }

  /** Type name to the text of its row's Fields cell, in the table's order. */
  private static Map<String, String> rows() throws IOException {
    List<String> lines = Files.readAllLines(README);
    int start = lines.indexOf(HEADER);
    assertThat(start).as("the table of event types in %s", README).isNotNegative();
    Map<String, String> rows = new LinkedHashMap<>();
    for (String line : lines.subList(start + 2, lines.size())) {
      if (!line.startsWith("|")) {
        break;
      }
      String[] cells = line.split("\\|", -1);
      String fields = cells.length > 2 ? cells[2] : "";
      for (String type : codeWords(cells[1])) {
        rows.put(type, fields);
      }
    }
    return rows;
  }

  private static Set<String> codeWords(String text) {
    Set<String> words = new TreeSet<>();
    for (Matcher matcher = CODE.matcher(text); matcher.find(); ) {
      words.add(matcher.group(1));
    }
    return words;
  }
}
