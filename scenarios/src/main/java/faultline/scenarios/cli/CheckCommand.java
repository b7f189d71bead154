package faultline.scenarios.cli;

import faultline.protocols.history.CheckResult;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.history.Model;
import faultline.protocols.history.SearchProgress;
import faultline.scenarios.history.HistoryParser;
import faultline.scenarios.history.ParsedHistory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check that a client history of reads and writes is linearizable.",
      "Linearizable: each operation can be given one instant between its invocation and its"
          + " completion such that, run one at a time in that order, the operations give the"
          + " results the clients saw.",
      "",
      "The history is JSON Lines, one event per line, in real-time order:",
      "  {\"process\":0,\"type\":\"invoke\",\"f\":\"write\",\"key\":\"x\",\"value\":3}",
      "  {\"process\":0,\"type\":\"ok\",\"f\":\"write\",\"key\":\"x\",\"value\":3}",
      "type is invoke, ok, fail (certainly did not take effect) or info (unknown: it may take"
          + " effect at any point after its invocation, or never). process is a whole number"
          + " from 0 to 2147483647; a process has at most one operation outstanding. Each key is checked on its own.",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 linearizable; 1 not linearizable (prints the operations that cannot be"
          + " placed and the longest linearizable prefix found); 2 bad usage or a bad history"
          + " file (one line: file:line:column: field: reason); 3 internal error; 4 undecided:"
          + " the search gave up after --max-states states (raise it, or check a shorter"
          + " history)."
    })
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "<history.jsonl>", description = "The client history to check.")
  Path historyPath;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "register|kv",
      description = {
        "register: read, write, cas with value [expected, new]; initially null.",
        "kv: get, put, append, cas on strings; initially \"\"."
      })
  String modelName;

  @Option(
      names = "--max-states",
      paramLabel = "N",
      description =
          "Give up (exit 4) after this many search states; memory grows with it, a few hundred"
              + " bytes a state. Default: ${DEFAULT-VALUE}.")
  long statesMax = LinearizabilityChecker.DEFAULT_STATES_MAX;

  @Option(names = "--json", description = "Print one JSON object instead of the human report.")
  boolean json;

  @Override
  public Integer call() {
    Model model = Model.named(modelName);
    if (model == null) {
      throw new UserError(
          "--model: expected register or kv, got " + modelName.replaceAll("\\p{Cntrl}", "?"));
    }
    if (statesMax < 1) {
      throw new UserError("--max-states: must be at least 1, got " + statesMax);
    }
    Activity.set("reading " + historyPath);
    ParsedHistory history = HistoryParser.parse(historyPath, model);
    SearchProgress progress = new SearchProgress();
    Activity.set(() -> describe(progress));
    long startNanos = System.nanoTime();
    CheckResult result = LinearizabilityChecker.check(history.events(), model, statesMax, progress);
    long elapsedNanos = System.nanoTime() - startNanos;
    Activity.clear();
    ProgressLine.clearNow();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(CheckReport.json(history, model, result));
    } else {
      out.print(CheckReport.human(history, model, result, elapsedNanos));
    }
    out.flush();
    return switch (result.verdict()) {
      case LINEARIZABLE -> ExitCodes.OK;
      case NOT_LINEARIZABLE -> ExitCodes.FAILED_CHECK;
      case UNKNOWN -> ExitCodes.UNDECIDED;
    };
  }

  /** Where the search is, for the progress line and for a message when it is interrupted. */
  private String describe(SearchProgress progress) {
    String key = progress.key();
    return String.format(
        Locale.ROOT,
        "checking %s (%s model%s, %,d operations): %,d of at most %,d states searched",
        historyPath,
        modelName,
        key == null ? "" : ", key \"" + key.replaceAll("\\p{Cntrl}", "?") + "\"",
        progress.keyOperations(),
        progress.statesExplored(),
        statesMax);
  }
}
