package faultline.protocols.kv;

import faultline.engine.lookup.LookupMap;

/**
 * The replicated state machine: a map from key to string, plus one session per client process that
 * remembers the last request applied and its result, so that a retried command is applied at most
 * once (Raft §8). Volatile: a restarted server rebuilds it by applying its log again.
 */
public final class KvStore {
  private final LookupMap<String, String> values = new LookupMap<>(); // Only looked up.
  private final LookupMap<Integer, Session> sessions = new LookupMap<>();
  private final AppendedValues appends;

  /** A store that makes its appended values itself. */
  public KvStore() {
    this(new AppendedValues());
  }

  /** A store that shares its appended values through {@code appends} with its cluster's others. */
  public KvStore(AppendedValues appends) {
    this.appends = appends;
  }

  /** What applying (or reading) an operation gave. */
  public record Outcome(long sequence, ReplyStatus status, String value) {}

  /**
   * A client process's session: the last request applied and what it gave, changed in place. Every
   * server applies every command, and an outcome object per command and server was 2% of a run's
   * garbage, though only a leader answers, and only now and then a retry.
   */
  static final class Session {
    private long sequence = Long.MIN_VALUE; // No request applied yet.
    private ReplyStatus status;
    private String value;

    ReplyStatus status() {
      return status;
    }

    String value() {
      return value;
    }

    private void set(long sequence, ReplyStatus status, String value) {
      this.sequence = sequence;
      this.status = status;
      this.value = value;
    }
  }

  /** Applies a committed command, or returns the remembered outcome of a retried one. */
  public Outcome apply(ClientCommand command) {
    Session session = applyToSession(command);
    return new Outcome(session.sequence, session.status, session.value);
  }

  /**
   * {@link #apply}, leaving the outcome in the command's session (valid until the session's next
   * command) rather than in a new object.
   */
  Session applyToSession(ClientCommand command) {
    Session session = sessions.get(command.process());
    if (session == null) {
      session = new Session();
      sessions.put(command.process(), session);
    } else if (command.sequence() <= session.sequence) {
      return session; // A retry: the first copy was applied already.
    }
    execute(session, command.sequence(), command.operation());
    return session;
  }

  /** A read of the current state, for reads served without a log entry. */
  public String read(String key) {
    return values.getOrDefault(key, "");
  }

  private void execute(Session session, long sequence, KvOperation operation) {
    String key = operation.key();
    String current = read(key);
    switch (operation.f()) {
      case "get" -> session.set(sequence, ReplyStatus.OK, current);
      case "put" -> {
        values.put(key, operation.value());
        session.set(sequence, ReplyStatus.OK, operation.value());
      }
      case "append" -> {
        values.put(key, appends.append(key, current, operation.value()));
        session.set(sequence, ReplyStatus.OK, operation.value());
      }
      case "cas" -> {
        if (!current.equals(operation.expected())) {
          session.set(sequence, ReplyStatus.CAS_MISMATCH, current);
        } else {
          values.put(key, operation.value());
          session.set(sequence, ReplyStatus.OK, operation.value());
        }
      }
      default -> throw new IllegalStateException("unknown operation " + operation.f());
    }
  }
}
