package faultline.protocols.register;

import java.util.Comparator;

/**
 * The last-writer-wins rule: the write with the larger timestamp wins; equal timestamps are broken
 * by writer name, then by write number, so that every replica picks the same winner.
 */
final class LastWriterWins {
  private static final Comparator<Write> TIE_BREAK =
      Comparator.comparing((Write write) -> write.origin()).thenComparingLong(Write::sequence);

  private LastWriterWins() {}

  static Comparator<Write> order(Timestamping timestamping) {
    Comparator<Write> byStamp =
        switch (timestamping) {
          case WALL -> Comparator.comparingLong(write -> write.stamps().physicalNanos());
          case LAMPORT -> Comparator.comparing(write -> write.stamps().lamport());
          case HLC -> Comparator.comparing(write -> write.stamps().hlc());
        };
    return byStamp.thenComparing(TIE_BREAK);
  }

  /** The write that wins between the current one (may be null) and an incoming one. */
  static Write winner(Timestamping timestamping, Write current, Write incoming) {
    if (current == null) {
      return incoming;
    }
    return order(timestamping).compare(incoming, current) > 0 ? incoming : current;
  }
}
