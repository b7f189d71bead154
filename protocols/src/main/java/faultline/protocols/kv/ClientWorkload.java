package faultline.protocols.kv;

import static faultline.engine.time.Nanos.MILLI;

import faultline.engine.Check;
import faultline.engine.node.NodeId;
import java.util.List;

/**
 * What the client nodes of a replicated key-value store do, whatever protocol the servers run: each
 * runs {@code processes} client processes (Jepsen's term), each of which has at most one operation
 * outstanding. A process thinks for a random interval, issues a random operation on one of {@code
 * keys} keys by the weights of {@code mix}, retries it at another server when no answer came within
 * {@code attemptTimeoutNanos}, and gives up after {@code operationTimeoutNanos} (an {@code info}
 * outcome for a write: it may or may not have happened). No new operation starts after {@code
 * untilNanos}. When there is a script, there are no random operations: each client runs its
 * scripted ones, in order, on its first process.
 */
public record ClientWorkload(
    List<NodeId> clients,
    int processes,
    long intervalMinNanos,
    long intervalMaxNanos,
    int keys,
    Mix mix,
    long attemptTimeoutNanos,
    long operationTimeoutNanos,
    long untilNanos,
    List<ScriptedOperation> script) {
  public ClientWorkload {
    clients = List.copyOf(clients);
    script = List.copyOf(script);
    Check.argument(processes >= 1, "a client needs at least one process");
    Check.argument(
        0 < intervalMinNanos && intervalMinNanos <= intervalMaxNanos,
        "think times must satisfy 0 < min <= max");
    Check.argument(keys >= 1, "the workload needs at least one key");
    Check.argument(attemptTimeoutNanos > 0, "the attempt timeout must be positive");
    Check.argument(
        operationTimeoutNanos >= attemptTimeoutNanos,
        "the operation timeout must not be shorter than one attempt");
  }

  /** No clients at all. */
  public static ClientWorkload none() {
    return new ClientWorkload(
        List.of(),
        1,
        50 * MILLI,
        50 * MILLI,
        1,
        Mix.DEFAULT,
        100 * MILLI,
        1000 * MILLI,
        0,
        List.of());
  }

  /** Relative weights of the four operations. */
  public record Mix(int get, int put, int append, int cas) {
    public static final Mix DEFAULT = new Mix(2, 1, 1, 1);

    public Mix {
      Check.argument(
          get >= 0 && put >= 0 && append >= 0 && cas >= 0 && get + put + append + cas > 0,
          "operation weights must not be negative, and not all zero");
    }

    /** The sum of the weights. */
    public int total() {
      return get + put + append + cas;
    }

    /** The operation for a draw in {@code [0, total())}. */
    public String pick(long draw) {
      if (draw < get) {
        return "get";
      }
      if (draw < get + put) {
        return "put";
      }
      return draw < get + put + append ? "append" : "cas";
    }
  }

  /** One operation a client issues at a given time (on its monotonic clock). */
  public record ScriptedOperation(long atNanos, NodeId client, KvOperation operation) {}
}
