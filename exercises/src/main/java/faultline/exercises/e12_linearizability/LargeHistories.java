package faultline.exercises.e12_linearizability;

import java.util.List;

/**
 * Histories too large for a search that does not remember where it has been. In the rounds history,
 * four processes write at once, round after round, and a read at the end returns a value of the
 * first round: not linearizable, and every one of the 24 orders of every round leads to the same
 * dead end, which a search without a memo tries 24 to the power of the rounds times. With the memo,
 * a round ends in one of four configurations (the same operations done, one of four values left),
 * and each is explored once.
 */
final class LargeHistories {
  private static final int ROUNDS = 12;
  private static final int WRITERS = 4;

  private LargeHistories() {}

  static List<RegisterCase> all() {
    return List.of(
        rounds(false),
        rounds(true),
        GeneratedHistories.history(1_000_001, 8, 1500, 0.02, false),
        GeneratedHistories.history(1_000_002, 6, 1200, 0.02, true));
  }

  /**
   * {@value #ROUNDS} rounds of {@value #WRITERS} overlapping writes, each round with a read that
   * overlaps them; at the end a read of the last round's second value ({@code stale} false:
   * linearizable) or of the first round's first value ({@code stale}: not).
   */
  static RegisterCase rounds(boolean stale) {
    Events events = new Events();
    long value = 1;
    for (int round = 0; round < ROUNDS; round++) {
      long first = value;
      for (int writer = 0; writer < WRITERS; writer++) {
        events.invoke(writer, "write", value++);
      }
      events.invoke(WRITERS, "read", null).ok(WRITERS, "read", first + round % WRITERS);
      for (int writer = 0; writer < WRITERS; writer++) {
        events.ok(writer, "write", first + writer);
      }
    }
    long last = stale ? 1 : value - WRITERS + 1;
    events.read(WRITERS, last);
    String name =
        "rounds: "
            + ROUNDS
            + " rounds of "
            + WRITERS
            + " overlapping writes, then a read of "
            + (stale ? "the first round's value" : "one of the last round's values");
    return new RegisterCase(name, null, events.build());
  }
}
