package faultline.engine.trace;

/**
 * A trace line that is not what the format says: names the field (empty for the line as a whole)
 * and the column when the JSON parser knows it (else 1). The reader of a file adds its name and the
 * line number.
 */
public final class MalformedTraceException extends RuntimeException {
  private final String field;
  private final int column;

  public MalformedTraceException(String field, int column, String reason) {
    super(reason);
    this.field = field;
    this.column = column;
  }

  public MalformedTraceException(String field, String reason) {
    this(field, 1, reason);
  }

  public String field() {
    return field;
  }

  public int column() {
    return column;
  }
}
