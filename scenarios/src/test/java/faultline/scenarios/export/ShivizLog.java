package faultline.scenarios.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a ShiViz log file the way ShiViz's documentation and parser describe, and fails on anything
 * ShiViz would refuse: the file's first line is the parser expression, the second the execution
 * delimiter (empty for one execution), the rest the log; the expression must have the named groups
 * {@code host}, {@code clock} and {@code event} and, applied in multi-line mode over the whole log,
 * must capture every line; a clock is a JSON object of whole numbers that holds its own host; a
 * host's own entries, in order, are 1, 2, 3 ... ("must start at 1", "must increase monotonically by
 * 1"); an entry names a host that has events and is between 1 and that host's number of events.
 * ShiViz turns named groups into plain JavaScript groups by rewriting the expression with regular
 * expressions of its own, which misread a group holding parentheses, so the expression must have
 * none but the named groups' own.
 */
record ShivizLog(String parser, String delimiter, List<Event> events) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One log event: the groups ShiViz reads, and the clock parsed. */
  record Event(String host, Map<String, Long> clock, Map<String, String> fields, String text) {
    long ownTime() {
      return clock.get(host);
    }

    /** ShiViz's happens-before on clocks: every entry at most the other's, one strictly less. */
    boolean happenedBefore(Event other) {
      boolean strictlyLess = false;
      for (Map.Entry<String, Long> entry : clock.entrySet()) {
        long theirs = other.clock.getOrDefault(entry.getKey(), 0L);
        if (entry.getValue() > theirs) {
          return false;
        }
        strictlyLess |= entry.getValue() < theirs;
      }
      for (Map.Entry<String, Long> entry : other.clock.entrySet()) {
        strictlyLess |= !clock.containsKey(entry.getKey()) && entry.getValue() > 0;
      }
      return strictlyLess;
    }
  }

  static ShivizLog parse(String file) throws Exception {
    String[] lines = file.split("\n", -1);
    assertThat(lines.length).as("parser, delimiter, log").isGreaterThanOrEqualTo(3);
    String parser = lines[0];
    String delimiter = lines[1];
    assertThat(delimiter).as("one execution: no delimiter").isEmpty();
    checkRewritable(parser);
    Pattern pattern = Pattern.compile(parser, Pattern.MULTILINE);
    List<String> names = groupNames(parser);
    assertThat(names).contains("host", "clock", "event");
    String log = String.join("\n", List.of(lines).subList(2, lines.length)).strip();
    List<Event> events = new ArrayList<>();
    Matcher matcher = pattern.matcher(log);
    while (matcher.find()) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String name : names) {
        if (!List.of("host", "clock", "event").contains(name)) {
          fields.put(name, matcher.group(name));
        }
      }
      events.add(
          new Event(
              matcher.group("host"),
              clock(matcher.group("clock")),
              fields,
              matcher.group("event")));
    }
    long logLines = log.lines().filter(line -> !line.isBlank()).count();
    assertThat(events).as("every log line is one event").hasSize((int) logLines);
    ShivizLog parsed = new ShivizLog(parser, delimiter, events);
    parsed.checkClocks();
    return parsed;
  }

  private static Map<String, Long> clock(String text) throws Exception {
    JsonNode node = JSON.readTree(text);
    assertThat(node.isObject()).as(text).isTrue();
    Map<String, Long> clock = new TreeMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      assertThat(entry.getValue().isIntegralNumber()).as(text).isTrue();
      assertThat(entry.getValue().longValue())
          .as("no zero or negative entries: " + text)
          .isPositive();
      clock.put(entry.getKey(), entry.getValue().longValue());
    }
    return clock;
  }

  private void checkClocks() {
    Map<String, Long> eventsOfHost = new TreeMap<>();
    for (Event event : events) {
      assertThat(event.clock()).as("own host in its clock").containsKey(event.host());
      long expected = eventsOfHost.merge(event.host(), 1L, Long::sum);
      assertThat(event.ownTime())
          .as("host %s's clock counts 1, 2, 3 ...", event.host())
          .isEqualTo(expected);
    }
    for (Event event : events) {
      for (Map.Entry<String, Long> entry : event.clock().entrySet()) {
        assertThat(eventsOfHost).as("a known host").containsKey(entry.getKey());
        assertThat(entry.getValue()).isBetween(1L, eventsOfHost.get(entry.getKey()));
      }
    }
  }

  /** Only named groups open parentheses, and none holds a parenthesis of its own. */
  private static void checkRewritable(String parser) {
    String withoutOpeners = parser.replaceAll("\\(\\?<\\w+>", "");
    assertThat(withoutOpeners.replace("\\(", "").replace("\\)", ""))
        .as("no parentheses besides the named groups'")
        .doesNotContain("(");
    Matcher group = Pattern.compile("\\(\\?<\\w+>([^)]*)\\)").matcher(parser);
    int groups = 0;
    while (group.find()) {
      groups++;
    }
    assertThat(groups).isEqualTo(groupNames(parser).size());
  }

  private static List<String> groupNames(String parser) {
    List<String> names = new ArrayList<>();
    Matcher name = Pattern.compile("\\(\\?<(\\w+)>").matcher(parser);
    while (name.find()) {
      names.add(name.group(1));
    }
    return names;
  }
}
