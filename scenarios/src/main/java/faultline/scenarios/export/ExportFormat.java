package faultline.scenarios.export;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The formats {@code export} converts a run to, besides pictures, each with its other names. */
public enum ExportFormat {
  SHIVIZ(List.of("shiviz"), "log", out -> new ShivizExport()),
  PERFETTO(List.of("perfetto", "chrome"), "json", out -> new PerfettoExport()),
  EDN(List.of("edn"), "edn", out -> new EdnHistoryExport()),
  HISTORY(List.of("history", "jsonl"), "jsonl", HistoryExport::new);

  private final List<String> names;
  private final String extension;
  private final Function<Path, RunExport> exporter;

  ExportFormat(List<String> names, String extension, Function<Path, RunExport> exporter) {
    this.names = names;
    this.extension = extension;
    this.exporter = exporter;
  }

  /**
   * The format a file name's extension stands for ({@code run.json} is Perfetto's, {@code run.log}
   * ShiViz's), so that {@code --out} alone says what to write.
   */
  public static Optional<ExportFormat> forFile(Path file) {
    String name = file.getFileName().toString();
    return Arrays.stream(values())
        .filter(format -> name.endsWith("." + format.extension))
        .findFirst();
  }

  /** The format a {@code --format} value names, if any. */
  public static Optional<ExportFormat> named(String name) {
    return Arrays.stream(values()).filter(format -> format.names.contains(name)).findFirst();
  }

  /** Every name, for a usage message: {@code shiviz, edn, history (or jsonl)}. */
  public static String choices() {
    return Arrays.stream(values()).map(ExportFormat::describe).collect(Collectors.joining(", "));
  }

  /** The main name. */
  public String label() {
    return names.getFirst();
  }

  /** A new exporter writing to {@code out} (null: standard output). */
  RunExport exporter(Path out) {
    return exporter.apply(out);
  }

  private String describe() {
    return names.size() == 1
        ? names.getFirst()
        : names.getFirst() + " (or " + String.join(", ", names.subList(1, names.size())) + ")";
  }
}
