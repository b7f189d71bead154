package faultline.scenarios.history;

import faultline.protocols.history.HistoryEvent;
import java.util.List;

/**
 * A client history read from a file: its events in order, and the line each came from, so that
 * reports can point back into the file.
 *
 * @param lines the 1-based line of each event, index for index
 */
public record ParsedHistory(String file, List<HistoryEvent> events, int[] lines) {
  /** The file line of event {@code index} (0-based), or 0 for an index past the end. */
  public int lineOf(int index) {
    return index >= 0 && index < lines.length ? lines[index] : 0;
  }
}
