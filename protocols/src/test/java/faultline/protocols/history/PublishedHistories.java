package faultline.protocols.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts other checkers' published test histories into ours, so that our verdicts can be compared
 * with theirs: Jepsen's etcd logs as Porcupine's tests read them ({@code INFO jepsen.util - 3
 * :invoke :cas [1 4]}), and Knossos's EDN histories ({@code {:process 3, :type :invoke, :f :cas,
 * :value [1 4]}}), one map per operation event. Nemesis events are left out; so is everything but
 * process, type, f, key and value.
 */
final class PublishedHistories {
  private static final Pattern JEPSEN_LOG =
      Pattern.compile(
          "^INFO\\s+jepsen\\.util\\s+-\\s+(\\d+)\\s+:(invoke|ok|fail|info)\\s+:(read|write|cas)"
              + "\\s+(.*)$");
  private static final Pattern EDN_MAP = Pattern.compile("\\{([^{}]*)}");
  private static final Pattern EDN_ENTRY =
      Pattern.compile(":(process|type|f|key|value)\\s+(\\[[^\\]]*]|\"[^\"]*\"|:?[\\w.-]+)");

  private PublishedHistories() {}

  /**
   * A Jepsen etcd log. A {@code :timed-out} completion has an unknown outcome ({@code info}),
   * whether Jepsen logged it as {@code :info} or, for a read, as {@code :fail}; a {@code :fail} cas
   * found another value and took no effect.
   */
  static List<HistoryEvent> fromJepsenLog(List<String> lines) {
    List<HistoryEvent> events = new ArrayList<>();
    for (String line : lines) {
      Matcher matcher = JEPSEN_LOG.matcher(line.strip());
      if (!matcher.matches()) {
        continue;
      }
      String text = matcher.group(4).strip();
      HistoryEvent.Type type =
          text.equals(":timed-out")
              ? HistoryEvent.Type.INFO
              : HistoryEvent.Type.valueOf(matcher.group(2).toUpperCase(Locale.ROOT));
      Object value = text.equals(":timed-out") ? null : ednValue(text);
      events.add(
          new HistoryEvent(
              Integer.parseInt(matcher.group(1)),
              type,
              matcher.group(3),
              null,
              value,
              events.size()));
    }
    return events;
  }

  /**
   * A Knossos EDN history (a vector of maps), without its nemesis events. Knossos's register
   * accepts a read of {@code nil} in any state (its {@code CASRegister} reads nil as "value not
   * known"), so with {@code nilReadUnknown} such a read's outcome is made unknown, which our
   * checker reads the same way; Porcupine's key-value histories mean what they say and keep it off.
   */
  static List<HistoryEvent> fromEdn(String text, boolean nilReadUnknown) {
    String withoutComments = text.replaceAll("(?m);.*$", "");
    List<HistoryEvent> events = new ArrayList<>();
    Matcher map = EDN_MAP.matcher(withoutComments);
    while (map.find()) {
      String process = null;
      String type = null;
      String f = null;
      String key = null;
      Object value = null;
      Matcher entry = EDN_ENTRY.matcher(map.group(1));
      while (entry.find()) {
        String raw = entry.group(2);
        switch (entry.group(1)) {
          case "process" -> process = raw;
          case "type" -> type = raw.substring(1);
          case "f" -> f = raw.substring(1);
          case "key" -> key = (String) ednValue(raw);
          default -> value = ednValue(raw);
        }
      }
      if (process == null || process.startsWith(":")) {
        continue; // The nemesis.
      }
      HistoryEvent.Type completion = HistoryEvent.Type.valueOf(type.toUpperCase(Locale.ROOT));
      if (nilReadUnknown
          && completion == HistoryEvent.Type.OK
          && f.equals("read")
          && value == null) {
        completion = HistoryEvent.Type.INFO;
      }
      events.add(
          new HistoryEvent(Integer.parseInt(process), completion, f, key, value, events.size()));
    }
    return events;
  }

  /** {@code nil}, an integer, a string, or a vector of those. */
  private static Object ednValue(String raw) {
    if (raw.startsWith("[")) {
      return Arrays.stream(raw.substring(1, raw.length() - 1).trim().split("[\\s,]+"))
          .map(PublishedHistories::ednValue)
          .toList();
    }
    if (raw.equals("nil")) {
      return null;
    }
    if (raw.startsWith("\"")) {
      return raw.substring(1, raw.length() - 1);
    }
    return Long.parseLong(raw);
  }

  /**
   * The history with a write of {@code initial} by a process of its own, completed before anything
   * else begins: a register that starts at {@code initial} instead of empty.
   */
  static List<HistoryEvent> startingAt(Object initial, List<HistoryEvent> history) {
    int process = history.stream().mapToInt(HistoryEvent::process).max().orElse(0) + 1;
    List<HistoryEvent> events = new ArrayList<>();
    events.add(new HistoryEvent(process, HistoryEvent.Type.INVOKE, "write", null, initial, 0));
    events.add(new HistoryEvent(process, HistoryEvent.Type.OK, "write", null, initial, 0));
    events.addAll(history);
    return events;
  }
}
