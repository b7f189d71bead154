package faultline.exercises.e12_linearizability;

import faultline.protocols.history.HistoryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One register history the grader asks about, as the simulator records histories ({@code read},
 * {@code write}, {@code cas} events of model {@code register}, one key, the register empty at
 * first): where it comes from, and the events. {@link #toHistory} is what the student's search is
 * given, the empty register being value 0 (no history here writes 0).
 *
 * @param name how a student finds it again: {@code generated seed 17}, {@code raft/stale-read seed
 *     12 key k0}
 * @param seed the seed it was made with, when it was
 */
record RegisterCase(String name, Long seed, List<HistoryEvent> events) {
  RegisterCase {
    events = List.copyOf(events);
  }

  /** The student's view: operations paired and numbered by invocation, values as numbers. */
  History toHistory() {
    List<Op> ops = new ArrayList<>();
    Map<Integer, Integer> outstanding = new TreeMap<>();
    List<HistoryEvent> invocations = new ArrayList<>();
    List<Integer> invokedAt = new ArrayList<>();
    List<HistoryEvent> completions = new ArrayList<>();
    List<Integer> completedAt = new ArrayList<>();
    for (int at = 0; at < events.size(); at++) {
      HistoryEvent event = events.get(at);
      if (event.type() == HistoryEvent.Type.INVOKE) {
        outstanding.put(event.process(), invocations.size());
        invocations.add(event);
        invokedAt.add(at);
        completions.add(null);
        completedAt.add(Op.NEVER);
      } else {
        int op = outstanding.remove(event.process());
        completions.set(op, event);
        completedAt.set(op, at);
      }
    }
    for (int id = 0; id < invocations.size(); id++) {
      ops.add(op(id, invocations.get(id), invokedAt.get(id), completions.get(id), completedAt));
    }
    return new History(0, events.size(), ops);
  }

  private static Op op(
      int id, HistoryEvent invoke, int invokedAt, HistoryEvent completion, List<Integer> at) {
    Op.Outcome outcome =
        completion == null || completion.type() == HistoryEvent.Type.INFO
            ? Op.Outcome.INFO
            : completion.type() == HistoryEvent.Type.OK ? Op.Outcome.OK : Op.Outcome.FAIL;
    int completedAt = outcome == Op.Outcome.INFO ? Op.NEVER : at.get(id);
    return switch (invoke.f()) {
      case "read" ->
          new Op(
              id,
              invoke.process(),
              Op.Kind.READ,
              outcome == Op.Outcome.OK ? number(completion.value()) : 0,
              0,
              outcome,
              invokedAt,
              completedAt);
      case "write" ->
          new Op(
              id,
              invoke.process(),
              Op.Kind.WRITE,
              number(invoke.value()),
              0,
              outcome,
              invokedAt,
              completedAt);
      case "cas" -> {
        List<?> swap = (List<?>) invoke.value();
        yield new Op(
            id,
            invoke.process(),
            Op.Kind.CAS,
            number(swap.get(0)),
            number(swap.get(1)),
            outcome,
            invokedAt,
            completedAt);
      }
      default -> throw new IllegalArgumentException("not a register operation: " + invoke.f());
    };
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  /** How many operations it has. */
  int operations() {
    return (int) events.stream().filter(e -> e.type() == HistoryEvent.Type.INVOKE).count();
  }
}
