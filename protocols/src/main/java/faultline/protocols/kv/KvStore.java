package faultline.protocols.kv;

import faultline.engine.lookup.LookupMap;

/**
 * The replicated state machine: a map from key to string, plus one session per client process that
 * remembers the last request applied and its result, so that a retried command is applied at most
 * once (Raft §8). Volatile: a restarted server rebuilds it by applying its log again.
 */
public final class KvStore {
  private final LookupMap<String, String> values = new LookupMap<>(); // Only looked up.
  private final LookupMap<Integer, Outcome> sessions = new LookupMap<>();

  /** What applying (or reading) an operation gave. */
  public record Outcome(long sequence, ReplyStatus status, String value) {}

  /** Applies a committed command, or returns the remembered outcome of a retried one. */
  public Outcome apply(ClientCommand command) {
    Outcome previous = sessions.get(command.process());
    if (previous != null && command.sequence() <= previous.sequence()) {
      return previous; // A retry: the first copy was applied already.
    }
    Outcome outcome = execute(command.sequence(), command.operation());
    sessions.put(command.process(), outcome);
    return outcome;
  }

  /** A read of the current state, for reads served without a log entry. */
  public String read(String key) {
    return values.getOrDefault(key, "");
  }

  private Outcome execute(long sequence, KvOperation operation) {
    String key = operation.key();
    String current = read(key);
    return switch (operation.f()) {
      case "get" -> new Outcome(sequence, ReplyStatus.OK, current);
      case "put" -> {
        values.put(key, operation.value());
        yield new Outcome(sequence, ReplyStatus.OK, operation.value());
      }
      case "append" -> {
        values.put(key, current + operation.value());
        yield new Outcome(sequence, ReplyStatus.OK, operation.value());
      }
      case "cas" -> {
        if (!current.equals(operation.expected())) {
          yield new Outcome(sequence, ReplyStatus.CAS_MISMATCH, current);
        }
        values.put(key, operation.value());
        yield new Outcome(sequence, ReplyStatus.OK, operation.value());
      }
      default -> throw new IllegalStateException("unknown operation " + operation.f());
    };
  }
}
