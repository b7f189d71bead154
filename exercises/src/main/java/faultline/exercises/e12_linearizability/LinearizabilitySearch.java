package faultline.exercises.e12_linearizability;

// BEGIN SOLUTION
import faultline.engine.lookup.LookupSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

// END SOLUTION
/**
 * Exercise 12: is a register's history linearizable (Herlihy and Wing, 1990)? The search of Wing
 * and Gong (1993), with the memo of Lowe ("Testing for linearizability", 2017, §3 and §4): a
 * configuration is the set of operations linearized so far and the value they leave in the
 * register, and a configuration already explored is not explored again.
 *
 * <p>{@link Register} says whether an operation can take effect in a state, and what it leaves. You
 * decide which operations may take effect next (real time: an operation that completed before
 * another was invoked takes effect first), what {@code FAIL} and {@code INFO} operations may do,
 * when the search has succeeded, and which operation to blame when it cannot.
 */
public final class LinearizabilitySearch {
  /**
   * Whether {@code history} is linearizable, and if it is not, the witness: the operation whose
   * completion ends its shortest prefix that is not linearizable ({@link History#prefix}, {@link
   * Verdict}).
   */
  public Verdict check(History history) {
    // BEGIN SOLUTION
    if (linearizable(history)) {
      return Verdict.LINEARIZABLE;
    }
    // Only an ok or a fail can turn a linearizable prefix into one that is not: an invocation or an
    // info adds an operation that may or may not take effect, which rules nothing out. Prefixes
    // ending at later completions stay not linearizable once one is, so a binary search finds the
    // first completion whose prefix is not.
    List<Op> completions = new ArrayList<>();
    for (Op op : history.ops()) {
      if (op.outcome() != Op.Outcome.INFO) {
        completions.add(op);
      }
    }
    completions.sort((a, b) -> Integer.compare(a.completedAt(), b.completedAt()));
    int low = 0;
    int high = completions.size() - 1; // The whole history is not linearizable.
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (linearizable(history.prefix(completions.get(middle).completedAt() + 1))) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return Verdict.notLinearizable(completions.get(low));
    // END SOLUTION
    // STUB: // Your code here: the verdict, and for a history that is not linearizable, the
    // STUB: // operation whose completion ends its shortest prefix that is not.
    // STUB: return Verdict.LINEARIZABLE;
  }

  /**
   * Whether some order of {@code history}'s operations explains it: every {@code OK} operation
   * takes effect, each at one instant between its invocation and its completion, and the register,
   * run one operation at a time in that order, gives the results the clients saw.
   */
  public boolean linearizable(History history) {
    // BEGIN SOLUTION
    return new Search(history).succeeds();
    // END SOLUTION
    // STUB: // Your code here: the search, with its memo.
    // STUB: return true;
  }

  // BEGIN SOLUTION

  /** One search, depth first, over configurations (operations linearized, register value). */
  private static final class Search {
    private final long initialValue;
    private final Op[] ops;
    private final int[] byCompletion;
    private final long[] linearized;
    private final LookupSet<Configuration> explored = new LookupSet<>();

    Search(History history) {
      this.initialValue = history.initialValue();
      List<Op> kept = new ArrayList<>();
      for (Op op : history.ops()) {
        // A failed operation did not take effect. A read whose outcome is unknown returned
        // nothing, so it constrains nothing. An info write or cas may take effect, or not: kept.
        boolean unknownRead = op.kind() == Op.Kind.READ && op.outcome() == Op.Outcome.INFO;
        if (op.outcome() != Op.Outcome.FAIL && !unknownRead) {
          kept.add(op);
        }
      }
      this.ops = kept.toArray(Op[]::new);
      this.linearized = new long[(ops.length + 63) / 64];
      List<Integer> completed = new ArrayList<>();
      for (int i = 0; i < ops.length; i++) {
        if (ops[i].outcome() == Op.Outcome.OK) {
          completed.add(i);
        }
      }
      completed.sort((a, b) -> Integer.compare(ops[a].completedAt(), ops[b].completedAt()));
      this.byCompletion = completed.stream().mapToInt(Integer::intValue).toArray();
    }

    boolean succeeds() {
      return from(initialValue, 0, 0);
    }

    /**
     * Whether the operations not yet linearized can follow, from register value {@code state}.
     * Every operation in {@code byCompletion} before {@code pending} and every one before {@code
     * lowest} (by invocation) is linearized, except info ones that may never take effect.
     */
    private boolean from(long state, int pending, int lowest) {
      while (pending < byCompletion.length && isLinearized(byCompletion[pending])) {
        pending++;
      }
      if (pending == byCompletion.length) {
        return true; // Every ok operation took effect; the info ones left never did.
      }
      if (!explored.add(new Configuration(linearized.clone(), state))) {
        return false; // Explored before, and it led nowhere.
      }
      while (lowest < ops.length && isLinearized(lowest)) {
        lowest++;
      }
      // Real time: the next operation must have been invoked before the first completion among
      // the ok operations still to place, or that one would have to take effect after it.
      int deadline = ops[byCompletion[pending]].completedAt();
      for (int i = lowest; i < ops.length && ops[i].invokedAt() < deadline; i++) {
        if (isLinearized(i) || !Register.fits(state, ops[i])) {
          continue;
        }
        flip(i);
        boolean works = from(Register.after(state, ops[i]), pending, lowest);
        flip(i);
        if (works) {
          return true;
        }
      }
      return false;
    }

    private boolean isLinearized(int op) {
      return (linearized[op >>> 6] & (1L << op)) != 0;
    }

    private void flip(int op) {
      linearized[op >>> 6] ^= 1L << op;
    }
  }

  /** A set of linearized operations and the register value they leave. */
  private record Configuration(long[] linearized, long state) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Configuration that
          && that.state == state
          && Arrays.equals(that.linearized, linearized);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(linearized) * 31 + Long.hashCode(state);
    }
  }
  // END SOLUTION
}
