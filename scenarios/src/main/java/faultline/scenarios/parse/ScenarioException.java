package faultline.scenarios.parse;

/**
 * A user's mistake in an input file, located precisely. Its message is the one line the command
 * line prints: {@code file:line:column: path: reason}.
 */
public final class ScenarioException extends RuntimeException {
  private final String file;
  private final int line;
  private final int column;
  private final String path;
  private final String reason;

  public ScenarioException(String file, int line, int column, String path, String reason) {
    super(format(file, line, column, path, reason));
    this.file = file;
    this.line = line;
    this.column = column;
    this.path = path;
    this.reason = reason;
  }

  private static String format(String file, int line, int column, String path, String reason) {
    StringBuilder text = new StringBuilder(file);
    if (line > 0) {
      text.append(':').append(line);
      if (column > 0) {
        text.append(':').append(column);
      }
    }
    text.append(": ");
    if (path != null && !path.isEmpty()) {
      text.append(path).append(": ");
    }
    return text.append(reason).toString();
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The JSON path of the offending field, like {@code faults[2].at}; empty for the document. */
  public String path() {
    return path;
  }

  public String reason() {
    return reason;
  }
}
