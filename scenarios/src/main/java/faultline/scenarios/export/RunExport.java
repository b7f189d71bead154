package faultline.scenarios.export;

import faultline.engine.trace.TraceEvent;
import faultline.engine.trace.TraceHeader;
import java.io.IOException;
import java.io.Writer;

/**
 * Converts one run, event by event, into a file another tool reads. {@link #begin} comes first,
 * then {@link #accept} for every event in trace order, then {@link #finish}, which returns what to
 * tell the user.
 */
public interface RunExport {
  /** Why a history export is empty: said instead of "0 operations", which looks like a fault. */
  String NO_CLIENTS =
      "no client operations in this run (a history needs a scenario with \"clients\", such as"
          + " raft/stale-read)";

  void begin(TraceHeader header, Writer out) throws IOException;

  void accept(TraceEvent event) throws IOException;

  /** Completes the file and says, in one line, what it holds (without the file's name). */
  String finish() throws IOException;
}
