package faultline.protocols.history;

import java.util.Arrays;

/**
 * Finds which of a fixed array of states are prefixes of a string: for the key-value model, the
 * states from which the string may be reached ({@link KeyValueModel#mayReach}). Asked for every
 * distinct value a key's reads returned, a scan of every written state cost a string comparison per
 * pair (12% of the Raft workload's check); this walks the target's own prefixes instead, each
 * looked up by its hash code, which {@link String#hashCode} defines as {@code 31 * h + c} over the
 * characters, so the hash of each longer prefix follows from the last. A state found by its hash is
 * still compared with the target, so a collision cannot make a false match.
 */
final class PrefixIndex {
  private final Object[] states;
  private final int[] slots; // A string state's position plus one, by hash code; 0 when empty.
  private final int mask;

  /** Indexes the strings among {@code states}; other states are prefixes of nothing. */
  PrefixIndex(Object[] states) {
    this.states = states;
    slots = new int[Integer.highestOneBit(Math.max(1, states.length)) * 4]; // At most half full.
    mask = slots.length - 1;
    for (int k = 0; k < states.length; k++) {
      if (states[k] instanceof String state) {
        int slot = spread(state.hashCode()) & mask;
        while (slots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = k + 1;
      }
    }
  }

  /**
   * Writes the positions of the states that are prefixes of {@code target} (the empty string and
   * the target itself included) into {@code into}, ascending, and returns how many there are; none
   * when {@code target} is not a string.
   *
   * @param into room for as many positions as there are states
   */
  int prefixesOf(Object target, int[] into) {
    if (!(target instanceof String text)) {
      return 0;
    }
    int count = 0;
    int hash = 0; // The hash code of text's first `length` characters.
    for (int length = 0; ; length++) {
      count = addPrefix(text, length, hash, into, count);
      if (length == text.length()) {
        break;
      }
      hash = 31 * hash + text.charAt(length);
    }
    Arrays.sort(into, 0, count); // They came by length, not by position.
    return count;
  }

  /** Adds the positions of the states equal to {@code text}'s first {@code length} characters. */
  private int addPrefix(String text, int length, int hash, int[] into, int count) {
    int found = count;
    for (int slot = spread(hash) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
      int position = slots[slot] - 1;
      String state = (String) states[position];
      if (state.length() == length && state.hashCode() == hash && text.startsWith(state)) {
        into[found++] = position;
      }
    }
    return found;
  }

  /** The hash code's high bits folded into its low ones, which choose the slot. */
  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
