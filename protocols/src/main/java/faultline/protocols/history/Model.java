package faultline.protocols.history;

import java.util.Collection;
import java.util.List;

/**
 * A sequential specification: what one operation does to an object when operations run one at a
 * time. The linearizability checker asks whether a concurrent history can be explained by some
 * order of its operations that this specification accepts.
 *
 * <p>States are immutable values with {@code equals} and {@code hashCode} (they are memoized with
 * the set of operations already linearized); {@code null} is a legal state, for the empty register.
 * Each key of a history is checked separately (P-compositionality, Horn and Kroening 2015), so a
 * model describes one key's object.
 */
public interface Model {
  /** What {@link #step} returns when the operation cannot happen in the given state. */
  Object IMPOSSIBLE =
      new Object() {
        @Override
        public String toString() {
          return "impossible";
        }
      };

  /** The name used on the command line, like {@code register}. */
  String name();

  /** The operation names ({@code f}) this model understands. */
  List<String> functions();

  Object initialState();

  /**
   * The state after {@code operation} runs atomically in {@code state}, or {@link #IMPOSSIBLE} when
   * its recorded result cannot come out of {@code state}. For an operation whose outcome is unknown
   * ({@code completed} false) only its input counts: it must take effect as invoked.
   */
  Object step(Object state, Operation operation);

  /**
   * True when {@code operation} never changes any state: {@link #step} returns the state itself or
   * {@link #IMPOSSIBLE}. The checker places such an operation as soon as it fits, without trying
   * alternatives, and drops it altogether when its outcome is unknown.
   */
  boolean isReadOnly(Operation operation);

  /**
   * True when {@code operation} leaves the same state whatever the state was (a blind write, like
   * {@code write} or {@code put}). With {@link #statesObserved} this lets the checker recognise
   * writes nobody can have seen and spare itself the orders that differ only in where those go.
   */
  default boolean isBlindWrite(Operation operation) {
    return false;
  }

  /**
   * The states {@code operation} can leave when it takes effect, like the value a write or a cas
   * stores; empty for a read-only operation; null when it may leave states not known in advance (an
   * {@code append}), which turns the unseen-write reduction off for the key.
   */
  default Collection<Object> statesWritten(Operation operation) {
    return null;
  }

  /**
   * The states whose presence {@code operation}'s result reveals, like the value a read returned or
   * the value a cas expected; empty for a blind write; null when the result may depend on any state
   * (an {@code append}), which turns the unseen-write reduction off for the key.
   */
  default Collection<Object> statesObserved(Operation operation) {
    return null;
  }

  /**
   * False when no sequence of this model's operations other than blind writes can turn state {@code
   * from} into {@code to}, which lets the checker cut a search that can no longer produce what a
   * read returned. True when unsure; the default, which cuts nothing.
   */
  default boolean mayReach(Object from, Object to) {
    return true;
  }

  /** A state as a student reads it, like {@code 3} or {@code "ab"}. */
  default String describe(Object state) {
    return Values.describe(state);
  }

  /**
   * A read/write/compare-and-set register: {@code read} returns the value, {@code write} sets it,
   * {@code cas} with value {@code [expected, new]} sets it to new when it holds expected (an {@code
   * ok} cas took effect; a cas that found another value is recorded as {@code fail}). Initially
   * {@code null}. Values are compared with {@code equals}.
   */
  static Model register() {
    return RegisterModel.INSTANCE;
  }

  /**
   * A string cell per key: {@code get} returns it, {@code put} replaces it, {@code append} adds to
   * its end, {@code cas} with value {@code [expected, new]} replaces it when it holds expected (as
   * for the register, an {@code ok} cas took effect). Initially the empty string.
   */
  static Model kv() {
    return KeyValueModel.INSTANCE;
  }

  /** The model called {@code name} ({@code register} or {@code kv}), or null. */
  static Model named(String name) {
    for (Model model : List.of(register(), kv())) {
      if (model.name().equals(name)) {
        return model;
      }
    }
    return null;
  }
}
