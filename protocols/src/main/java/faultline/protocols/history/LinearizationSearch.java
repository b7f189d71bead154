package faultline.protocols.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Searches for a linearization of one key's operations: the memoized tree search of Wing and Gong
 * (1993) as improved by Lowe ("Testing for linearizability", 2017, §3–§4), with a just-in-time
 * order of exploration.
 *
 * <p>A configuration is the set of operations linearized so far and the model state they leave. An
 * operation may be linearized next only if every operation that returned before it was invoked is
 * already linearized; equivalently, if it was invoked before the earliest return among the
 * operations still open. That earliest-returning operation is the <em>forced</em> one: the search
 * tries it first, then the operations that would let it happen, then the rest by return order.
 * Configurations already visited are not searched again (the memo). Four reductions keep the tree
 * small; each keeps a linearization whenever one exists, for the reason given, and {@code
 * BruteForceProperties} checks them against linearizability by its definition:
 *
 * <ol>
 *   <li><b>Reads at once.</b> A read-only operation that fits the current state is linearized at
 *       once, with no alternative tried: moving a read earlier, to a point where it is allowed and
 *       sees the same state, changes no other operation's view.
 *   <li><b>Unseen operations only before a blind write.</b> An operation whose effect nobody can
 *       have seen ({@link UnseenEffects}) is tried only when it is the forced one, or placed just
 *       before a blind write: the unseen cas that fits and returns first, then every unseen blind
 *       write. {@link UnseenEffects} has the exchange argument; the rule for the cas is what makes
 *       two unseen cas operations that expect the same value come out right in either order.
 *   <li><b>Lost states.</b> A step that leaves a state which a completed operation not yet
 *       linearized must still see, when nothing left can write it again, is cut at once ({@link
 *       StateDemand}): no continuation can produce that state.
 *   <li><b>Unreachable reads.</b> For models whose writes are not all known in advance (an {@code
 *       append}), a configuration from which an open read can no longer reach the value it returned
 *       is cut at once ({@link ReachDemand}), for the same reason.
 * </ol>
 *
 * <p>Before the search, {@link LinearizabilityChecker} drops what cannot matter: {@code fail}
 * operations (they did not happen), reads whose outcome is unknown (they constrain nothing), and
 * unseen operations whose outcome is unknown (they may as well never have happened).
 *
 * <p>Operations with an unknown outcome ({@code info}) may be linearized at any point after their
 * invocation, or never: the search succeeds once every completed operation is linearized. It stops
 * after a fixed number of memoized configurations, the same on every machine, with {@link
 * Outcome#GAVE_UP}.
 */
final class LinearizationSearch {
  enum Outcome {
    LINEARIZABLE,
    NOT_LINEARIZABLE,
    GAVE_UP
  }

  /**
   * The deepest dead end seen: a linearizable prefix, the state it leaves, and what cannot follow.
   *
   * @param stranded false when {@code blocked} is the operation that had to take effect next and no
   *     order of {@code concurrent} ones lets it; true when the prefix left the state {@code
   *     needed} that the {@code blocked} operations still had to see and that nothing left can
   *     write again
   */
  record DeadEnd(
      List<Operation> prefix,
      Object state,
      List<Operation> blocked,
      List<Operation> concurrent,
      boolean stranded,
      Object needed) {}

  /**
   * How many operations past those open {@link ReachDemand} also looks at: a read about to open can
   * already doom a configuration, and catching it before it opens saves backtracking over
   * everything placed in between.
   */
  private static final int REACH_LOOKAHEAD = 128;

  private final Model model;
  private final Operation[] operations;
  private final int operationCount;
  private final int[] byReturn;
  private final int[] openBoundOf;
  private final boolean[] readOnly;
  private final boolean[] blindWrite;
  private final boolean[] unseen;
  private final long statesMax;

  private final long[] linearized;
  private final int[] order;
  private final int[] openScratch; // What open() found; read before open() is called again.
  private final long[] rankScratch;
  private int orderLength;
  private int fullWords; // Every operation below fullWords * 64 is linearized: open() starts there.
  private Object state;
  private final SearchMemo memo = new SearchMemo();
  private final StateDemand demand;
  private final ReachDemand reach;
  private final List<Frame> stack = new ArrayList<>();

  private SearchProgress progress = new SearchProgress();
  private long statesBefore;

  private DeadEnd deepest;
  private int deepestLength = -1;
  private int deepestBlockedComplete = -1;

  /** One level of the search: how we got here, and what is left to try. */
  private static final class Frame {
    final Object stateBefore;
    final int applied;
    final int forcedPosition;
    final int[] candidates;
    int next;

    Frame(Object stateBefore, int applied, int forcedPosition, int[] candidates) {
      this.stateBefore = stateBefore;
      this.applied = applied;
      this.forcedPosition = forcedPosition;
      this.candidates = candidates;
    }
  }

  /**
   * @param operations one key's operations, none failed, sorted by invocation
   * @param unseen which operations have effects nobody can have seen ({@link UnseenEffects})
   * @param statesMax give up after memoizing this many configurations
   */
  LinearizationSearch(Model model, List<Operation> operations, boolean[] unseen, long statesMax) {
    this.model = model;
    this.operations = operations.toArray(Operation[]::new);
    this.operationCount = this.operations.length;
    this.statesMax = statesMax;
    this.linearized = new long[(operationCount + 63) / 64 + 1];
    this.order = new int[operationCount];
    this.openScratch = new int[operationCount];
    this.rankScratch = new long[operationCount];
    this.readOnly = new boolean[operationCount];
    this.blindWrite = new boolean[operationCount];
    this.unseen = unseen.clone();
    int[] invokes = new int[operationCount];
    // The completed operations as (completeIndex, operation) packed in longs, which sort in return
    // order without a boxed index each and a comparator.
    long[] returns = new long[operationCount];
    int completedCount = 0;
    for (int i = 0; i < operationCount; i++) {
      readOnly[i] = model.isReadOnly(this.operations[i]);
      blindWrite[i] = model.isBlindWrite(this.operations[i]);
      invokes[i] = this.operations[i].invokeIndex();
      if (this.operations[i].completed()) {
        returns[completedCount++] = (long) this.operations[i].completeIndex() << 32 | i;
      }
    }
    sortNearlySorted(returns, completedCount);
    this.byReturn = new int[completedCount];
    for (int k = 0; k < completedCount; k++) {
      byReturn[k] = (int) returns[k]; // The low half: the operation.
    }
    this.demand = new StateDemand(model, this.operations);
    this.reach = new ReachDemand(model, this.operations, readOnly);
    this.openBoundOf = new int[operationCount];
    for (int i : byReturn) {
      int bound = Arrays.binarySearch(invokes, this.operations[i].completeIndex());
      openBoundOf[i] = bound < 0 ? -bound - 1 : bound;
    }
  }

  /**
   * Sorts the first {@code count} {@code keys} ascending by insertion, for keys that come almost in
   * order: operations come in invocation order, and one returns out of that order only after an
   * operation nested in its span, invoked later and returned sooner. Each operation is nested in at
   * most as many others as were outstanding at its invocation, so this costs at most the number of
   * operations times the concurrency, and about one comparison per operation when few overlap (the
   * Raft workload: a quicksort here was 5% of its check).
   */
  static void sortNearlySorted(long[] keys, int count) {
    for (int i = 1; i < count; i++) {
      long key = keys[i];
      int j = i - 1;
      while (j >= 0 && keys[j] > key) {
        keys[j + 1] = keys[j];
        j--;
      }
      keys[j + 1] = key;
    }
  }

  /** Publishes the states explored to {@code progress}, counted from {@code statesBefore}. */
  void reportTo(SearchProgress progress, long statesBefore) {
    this.progress = progress;
    this.statesBefore = statesBefore;
  }

  long statesExplored() {
    return memo.size();
  }

  Outcome run() {
    state = model.initialState();
    Outcome root = enter(-1, state, 0);
    if (root != null) {
      return root;
    }
    while (!stack.isEmpty()) {
      Frame frame = stack.getLast();
      if (frame.next < frame.candidates.length) {
        int candidate = frame.candidates[frame.next++];
        Object after = model.step(state, operations[candidate]);
        if (after == Model.IMPOSSIBLE) {
          continue;
        }
        Outcome outcome = enter(candidate, after, frame.forcedPosition);
        if (outcome != null) {
          return outcome;
        }
        continue;
      }
      recordIfDeepest(frame);
      stack.removeLast();
      undo(frame.applied, frame.stateBefore);
    }
    return Outcome.NOT_LINEARIZABLE;
  }

  /**
   * Linearizes {@code operation} (none for the root), preceded by the open unseen writes if it is a
   * blind write and followed by every read-only operation that fits, and pushes the new
   * configuration unless it was visited before. Returns a final outcome, or null to continue.
   */
  private Outcome enter(int operation, Object after, int forcedPosition) {
    Object before = state;
    int orderLengthBefore = orderLength;
    if (operation >= 0) {
      if (blindWrite[operation]) {
        hoistUnseen(openBound(forcedPosition), operation);
      }
      apply(operation);
    }
    state = after;
    if (!Objects.equals(before, after) && demand.isLostOnLeaving(before)) {
      recordStranded(before);
      undo(orderLength - orderLengthBefore, before);
      return null;
    }
    int position = advance(forcedPosition);
    while (true) {
      int found = absorbReadOnly(openBound(position));
      if (found == 0) {
        break;
      }
      int moved = advance(position);
      if (moved == position) {
        break;
      }
      position = moved;
    }
    if (position == byReturn.length) {
      return Outcome.LINEARIZABLE;
    }
    if (reach.enabled()) {
      int openCount = open(Math.min(operationCount, openBound(position) + REACH_LOOKAHEAD));
      int unreachable = reach.unreachable(openScratch, openCount, state, linearized);
      if (unreachable >= 0) {
        recordUnreachable(unreachable);
        undo(orderLength - orderLengthBefore, before);
        return null;
      }
    }
    if (memo.size() >= statesMax && !memo.contains(linearized, state)) {
      // The budget is full and this configuration is new: exploring it would be state
      // statesMax + 1, so the search stops having explored exactly statesMax.
      return Outcome.GAVE_UP;
    }
    if (!memo.add(linearized, state)) {
      undo(orderLength - orderLengthBefore, before);
      return null;
    }
    if (memo.size() % SearchProgress.PUBLISH_EVERY_STATES == 0) {
      progress.explored(statesBefore + memo.size());
    }
    stack.add(new Frame(before, orderLength - orderLengthBefore, position, candidates(position)));
    return null;
  }

  /**
   * Places open unseen operations just before {@code blindWrite}, which hides their effects: first
   * the unseen cas that finds the state it needs and returns first, if any, then every unseen blind
   * write. At most one cas can go there (it leaves a state nobody expects), and the one that
   * returns first is the one that cannot wait: any linearization that puts another fitting cas
   * here, or none, stays a linearization when this one takes that place and the other moves to
   * where this one was ({@link UnseenEffects} has the argument).
   */
  private void hoistUnseen(int bound, int blindWrite) {
    int openCount = open(bound);
    int earliestCas = -1;
    for (int k = 0; k < openCount; k++) {
      int operation = openScratch[k];
      if (unseen[operation]
          && !this.blindWrite[operation]
          && (earliestCas < 0
              || operations[operation].completeIndex() < operations[earliestCas].completeIndex())
          && model.step(state, operations[operation]) != Model.IMPOSSIBLE) {
        earliestCas = operation;
      }
    }
    if (earliestCas >= 0) {
      state = model.step(state, operations[earliestCas]);
      apply(earliestCas);
    }
    for (int k = 0; k < openCount; k++) {
      int operation = openScratch[k];
      if (unseen[operation] && this.blindWrite[operation] && operation != blindWrite) {
        apply(operation);
      }
    }
  }

  private void apply(int operation) {
    linearized[operation >>> 6] |= 1L << operation;
    order[orderLength++] = operation;
    demand.linearized(operation);
  }

  private void undo(int count, Object stateBefore) {
    for (int i = 0; i < count; i++) {
      int undone = order[--orderLength];
      linearized[undone >>> 6] &= ~(1L << undone);
      fullWords = Math.min(fullWords, undone >>> 6);
      demand.unlinearized(undone);
    }
    state = stateBefore;
  }

  private boolean isLinearized(int operation) {
    return (linearized[operation >>> 6] & (1L << operation)) != 0;
  }

  /** The first position in return order, from {@code position} on, not yet linearized. */
  private int advance(int position) {
    int at = position;
    while (at < byReturn.length && isLinearized(byReturn[at])) {
      at++;
    }
    return at;
  }

  /** Operations below this index (in invocation order) may be linearized next. */
  private int openBound(int forcedPosition) {
    return forcedPosition < byReturn.length
        ? openBoundOf[byReturn[forcedPosition]]
        : operationCount;
  }

  /**
   * Finds the open operations below {@code bound} (invoked, not yet linearized), in ascending
   * order, into {@link #openScratch}, and returns how many there are: one array for the whole
   * search rather than a copy per call, which this search makes several times per state.
   */
  private int open(int bound) {
    int[] found = openScratch; // Large enough for every operation.
    int count = 0;
    // The words below are full: with 10,000 operations of one key, starting from the first word
    // was most of this scan.
    while (fullWords * 64 < bound && linearized[fullWords] == -1L) {
      fullWords++;
    }
    for (int word = fullWords; word * 64 < bound; word++) {
      long clear = ~linearized[word];
      while (clear != 0) {
        int operation = word * 64 + Long.numberOfTrailingZeros(clear);
        if (operation >= bound) {
          break;
        }
        found[count++] = operation;
        clear &= clear - 1;
      }
    }
    return count;
  }

  private int absorbReadOnly(int bound) {
    int absorbed = 0;
    int openCount = open(bound);
    for (int k = 0; k < openCount; k++) {
      int operation = openScratch[k];
      if (readOnly[operation] && model.step(state, operations[operation]) != Model.IMPOSSIBLE) {
        apply(operation);
        absorbed++;
      }
    }
    return absorbed;
  }

  /**
   * What to try next, best first: the forced operation, then operations after which it could
   * happen, then the others by return (unknown outcomes last). Read-only operations are left out:
   * any that fit were linearized already.
   */
  private int[] candidates(int forcedPosition) {
    int forced = byReturn[forcedPosition];
    int openCount = open(openBound(forcedPosition));
    long[] ranked = rankScratch;
    int count = 0;
    for (int k = 0; k < openCount; k++) {
      int operation = openScratch[k];
      if (readOnly[operation] || (unseen[operation] && operation != forced)) {
        continue; // Read-only ones that fit are placed already; unseen ones go with blind writes.
      }
      Object after = model.step(state, operations[operation]);
      if (after == Model.IMPOSSIBLE) {
        continue;
      }
      int rank;
      if (operation == forced) {
        rank = 0;
      } else if (model.step(after, operations[forced]) != Model.IMPOSSIBLE) {
        rank = 1;
      } else {
        rank = 2;
      }
      ranked[count++] = sortKey(rank, operations[operation].completeIndex(), operation);
    }
    Arrays.sort(ranked, 0, count);
    int[] candidates = new int[count];
    for (int i = 0; i < count; i++) {
      candidates[i] = (int) (ranked[i] & Integer.MAX_VALUE);
    }
    return candidates;
  }

  /**
   * One long that sorts as (rank, completeIndex, operation) do, so that candidates sort without a
   * comparator or a boxed triple each: the rank (0 to 2) in the top two bits, the two non-negative
   * ints in 31 bits each; the sign bit is flipped so that signed order is that unsigned order.
   */
  static long sortKey(int rank, int completeIndex, int operation) {
    return ((long) rank << 62 | (long) completeIndex << 31 | operation) ^ Long.MIN_VALUE;
  }

  /**
   * Whether a dead end here beats the one kept: a longer prefix, or as long a prefix blocked by an
   * operation that completed later (the search got further through the history before failing).
   */
  private boolean isDeeper(int blockedCompleteIndex) {
    return orderLength > deepestLength
        || (orderLength == deepestLength && blockedCompleteIndex > deepestBlockedComplete);
  }

  private void recordIfDeepest(Frame frame) {
    int forced = byReturn[frame.forcedPosition];
    if (!isDeeper(operations[forced].completeIndex())) {
      return;
    }
    List<Operation> concurrent = new ArrayList<>();
    int openCount = open(openBound(frame.forcedPosition));
    for (int k = 0; k < openCount; k++) {
      int operation = openScratch[k];
      if (operation != forced) {
        concurrent.add(operations[operation]);
      }
    }
    record(List.of(operations[forced]), concurrent, false, null);
  }

  /** The prefix just left {@code lost}, which operations not yet linearized still need to see. */
  private void recordStranded(Object lost) {
    if (orderLength < deepestLength) {
      return;
    }
    List<Operation> blocked = new ArrayList<>();
    for (int operation : byReturn) {
      if (!isLinearized(operation) && demand.requires(operation, lost)) {
        blocked.add(operations[operation]);
      }
    }
    if (!blocked.isEmpty() && isDeeper(blocked.getFirst().completeIndex())) {
      record(blocked, List.of(), true, lost);
    }
  }

  /** The prefix leaves a state from which {@code operation} can no longer see its result. */
  private void recordUnreachable(int operation) {
    Operation read = operations[operation];
    if (!isDeeper(read.completeIndex())) {
      return;
    }
    record(List.of(read), List.of(), true, model.statesObserved(read).iterator().next());
  }

  private void record(
      List<Operation> blocked, List<Operation> concurrent, boolean stranded, Object needed) {
    deepestLength = orderLength;
    deepestBlockedComplete = blocked.getFirst().completeIndex();
    List<Operation> prefix = new ArrayList<>(orderLength);
    for (int i = 0; i < orderLength; i++) {
      prefix.add(operations[order[i]]);
    }
    deepest = new DeadEnd(prefix, state, blocked, concurrent, stranded, needed);
  }

  /** The deepest dead end, for the witness of a history that is not linearizable; or null. */
  DeadEnd deepestDeadEnd() {
    return deepest;
  }
}
