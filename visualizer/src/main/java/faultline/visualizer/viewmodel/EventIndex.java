package faultline.visualizer.viewmodel;

import faultline.visualizer.trace.Message;
import faultline.visualizer.trace.Spans.StateSegment;
import faultline.visualizer.trace.Timeline;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Sets of events the navigation jumps between: role changes and search matches. */
final class EventIndex {
  private EventIndex() {}

  /** State events whose role (or, without roles, whole state) differs from the lane's last one. */
  static BitSet roleChanges(Timeline run) {
    BitSet changes = new BitSet();
    String[] previous = new String[run.nodes().size()];
    for (StateSegment segment : run.segments()) {
      String key = segment.role() != null ? segment.role() : segment.label();
      if (!key.equals(previous[segment.lane()])) {
        changes.set(segment.eventIndex());
      }
      previous[segment.lane()] = key;
    }
    return changes;
  }

  /**
   * Events whose record matches {@code query} as a case-insensitive regular expression, or as plain
   * text when it is not one.
   */
  static BitSet matching(Timeline run, String query) {
    Pattern pattern;
    try {
      pattern = Pattern.compile(query, Pattern.CASE_INSENSITIVE);
    } catch (PatternSyntaxException e) {
      pattern = Pattern.compile(Pattern.quote(query), Pattern.CASE_INSENSITIVE);
    }
    BitSet found = new BitSet(run.eventCount());
    for (int event = 0; event < run.eventCount(); event++) {
      if (pattern.matcher(run.line(event)).find()) {
        found.set(event);
      }
    }
    return found;
  }

  /** Message types that occur in the run (the first 200), sorted, for the filter pane. */
  static List<String> messageTypes(Timeline run) {
    TreeSet<String> types = new TreeSet<>();
    if (run != null) {
      for (Message message : run.messages()) {
        types.add(message.type());
        if (types.size() > 200) {
          break;
        }
      }
    }
    return List.copyOf(types);
  }
}
