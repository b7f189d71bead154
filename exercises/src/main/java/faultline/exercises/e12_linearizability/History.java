package faultline.exercises.e12_linearizability;

import java.util.ArrayList;
import java.util.List;

/**
 * The history of one register, as its clients saw it: the register's value before anything
 * happened, and every operation, ordered by invocation.
 *
 * @param initialValue the register's value before the first operation
 * @param events how many events (invocations and completions) the history has; every {@code
 *     invokedAt} and {@code completedAt} other than {@link Op#NEVER} is below it
 * @param ops the operations, by invocation: {@code ops.get(i).id() == i}
 */
public record History(long initialValue, int events, List<Op> ops) {
  public History {
    ops = List.copyOf(ops);
    for (int i = 0; i < ops.size(); i++) {
      if (ops.get(i).id() != i) {
        throw new IllegalArgumentException("operation " + i + " has id " + ops.get(i).id());
      }
    }
  }

  /**
   * The history as it stood after its first {@code length} events: the operations invoked by then,
   * those that had not completed by then with an unknown outcome ({@code INFO}; a later {@code ok}
   * or {@code fail} had not happened yet). A history that is not linearizable has a shortest prefix
   * that is not linearizable already, and every longer prefix is not linearizable either.
   */
  public History prefix(int length) {
    if (length < 0 || length > events) {
      throw new IllegalArgumentException("a prefix of 0 to " + events + " events: " + length);
    }
    List<Op> kept = new ArrayList<>();
    for (Op op : ops) {
      if (op.invokedAt() >= length) {
        break;
      }
      boolean done = op.completedAt() < length;
      kept.add(
          done
              ? op
              : new Op(
                  op.id(),
                  op.process(),
                  op.kind(),
                  op.kind() == Op.Kind.READ ? 0 : op.value(),
                  op.newValue(),
                  Op.Outcome.INFO,
                  op.invokedAt(),
                  Op.NEVER));
    }
    return new History(initialValue, length, kept);
  }
}
