package faultline.scenarios.export;

import faultline.engine.trace.TraceEvent;
import faultline.engine.trace.TraceHeader;
import faultline.scenarios.history.ClientHistorySink;
import faultline.scenarios.run.Shell;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The clients' history as JSON Lines, the file {@code check} reads: exactly what {@code run
 * --history} writes for the same run, written by the same {@link ClientHistorySink}.
 */
public final class HistoryExport implements RunExport {
  private final Path path;
  private ClientHistorySink history;
  private long operations;

  /**
   * {@code path} names the output in the summary's {@code check} command; null for standard output,
   * which {@code check} cannot read back, so the summary leaves the command out.
   */
  public HistoryExport(Path path) {
    this.path = path;
  }

  @Override
  public void begin(TraceHeader header, Writer out) {
    this.history = new ClientHistorySink(path, out);
  }

  @Override
  public void accept(TraceEvent event) {
    var operation = ClientHistorySink.operationOf(event);
    if (operation.isPresent()) {
      history.write(operation.get());
      operations++;
    }
  }

  @Override
  public String finish() {
    if (operations == 0) {
      return "history (JSON Lines), empty: " + RunExport.NO_CLIENTS;
    }
    String summary =
        String.format(
            Locale.ROOT,
            "history (JSON Lines), %,d operations, %,d invoked",
            operations,
            history.invocations());
    if (path == null) {
      return summary;
    }
    return summary
        + history
            .model()
            .map(
                model ->
                    "; check it with: ./faultline check "
                        + Shell.quote(path.toString())
                        + " --model "
                        + model)
            .orElse("");
  }
}
