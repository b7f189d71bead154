package faultline.exercises.e12_linearizability;

/**
 * Linearizability by its definition, for small histories: some order of a set of operations that
 * holds every {@code OK} one and any {@code INFO} ones, respects real time (an operation that
 * completed before another was invoked comes first) and that the register accepts one operation at
 * a time. Tries every such order, with no memo and no pruning but the register's; shares nothing
 * with the simulator's checker or with the exercise's solution.
 */
final class BruteForce {
  private final Op[] ops;
  private final boolean[] placed;

  private BruteForce(History history) {
    this.ops = history.ops().toArray(Op[]::new);
    this.placed = new boolean[ops.length];
  }

  static boolean linearizable(History history) {
    return new BruteForce(history).extend(history.initialValue());
  }

  /**
   * The id of the operation whose completion ends the shortest prefix that is not linearizable,
   * found by trying every prefix in turn; -1 when the whole history is linearizable.
   */
  static int witness(History history) {
    for (int length = 1; length <= history.events(); length++) {
      if (!linearizable(history.prefix(length))) {
        for (Op op : history.ops()) {
          if (op.completedAt() == length - 1) {
            return op.id();
          }
        }
        throw new AssertionError("no operation completes at " + (length - 1));
      }
    }
    return -1;
  }

  private boolean extend(long state) {
    boolean done = true;
    for (int i = 0; i < ops.length; i++) {
      done &= placed[i] || ops[i].outcome() != Op.Outcome.OK;
    }
    if (done) {
      return true;
    }
    for (int i = 0; i < ops.length; i++) {
      Op op = ops[i];
      if (placed[i] || op.outcome() == Op.Outcome.FAIL || !mayGoNext(op) || !fits(state, op)) {
        continue;
      }
      placed[i] = true;
      boolean works = extend(after(state, op));
      placed[i] = false;
      if (works) {
        return true;
      }
    }
    return false;
  }

  private boolean mayGoNext(Op next) {
    for (int i = 0; i < ops.length; i++) {
      if (!placed[i]
          && ops[i].outcome() == Op.Outcome.OK
          && ops[i].completedAt() < next.invokedAt()) {
        return false;
      }
    }
    return true;
  }

  private static boolean fits(long state, Op op) {
    return switch (op.kind()) {
      case READ -> op.outcome() != Op.Outcome.OK || op.value() == state;
      case WRITE -> true;
      case CAS -> op.value() == state;
    };
  }

  private static long after(long state, Op op) {
    return switch (op.kind()) {
      case READ -> state;
      case WRITE -> op.value();
      case CAS -> op.newValue();
    };
  }
}
