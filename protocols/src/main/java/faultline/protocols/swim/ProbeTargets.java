package faultline.protocols.swim;

import faultline.engine.random.SimRandom;

/**
 * Chooses each protocol period's ping target. Round-robin (SWIM §4.3) walks the member list in a
 * random order, reshuffles it after each pass and inserts a new member at a random position (as
 * memberlist's {@code probe}, {@code resetNodes} and {@code aliveNode} do), so that every member is
 * pinged by every other within {@code 2n - 1} periods. Uniform choice is §3.1's analysis. Every
 * draw comes from the member's own random stream.
 */
final class ProbeTargets {
  /**
   * The answer when there is nobody to probe, or when the paper's sampling drew the member itself.
   */
  static final int NONE = -1;

  private final ProbeOrder order;
  private final int self;
  private final int[] ring;
  private final boolean[] inRing;
  private int size;
  private int next;

  ProbeTargets(ProbeOrder order, int self, int capacity) {
    this.order = order;
    this.self = self;
    this.ring = new int[capacity];
    this.inRing = new boolean[capacity];
  }

  /** Adds a member to the round-robin list at a random position (once per member). */
  void add(int member, SimRandom random) {
    if (member == self || inRing[member]) {
      return;
    }
    inRing[member] = true;
    int offset = random.nextInt(size + 1);
    ring[size] = ring[offset];
    ring[offset] = member;
    size++;
  }

  /** The next member to ping, or {@link #NONE}. */
  int next(MemberTable table, SimRandom random) {
    return switch (order) {
      case ROUND_ROBIN -> nextInRing(table, random);
      case UNIFORM -> uniform(table, random, false);
      case UNIFORM_WITH_SELF -> uniform(table, random, true);
    };
  }

  private int nextInRing(MemberTable table, SimRandom random) {
    for (int checked = 0; checked <= size; checked++) {
      if (next >= size) {
        shuffle(random);
        next = 0;
      }
      int candidate = ring[next++];
      if (table.isProbeable(candidate, self)) {
        return candidate;
      }
    }
    return NONE;
  }

  private void shuffle(SimRandom random) {
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = ring[i];
      ring[i] = ring[j];
      ring[j] = swap;
    }
  }

  private int uniform(MemberTable table, SimRandom random, boolean withSelf) {
    int candidates = 0;
    for (int member = 0; member < table.index().size(); member++) {
      if (table.isProbeable(member, self)) {
        candidates++;
      }
    }
    if (candidates == 0) {
      return NONE;
    }
    int draw = random.nextInt(withSelf ? candidates + 1 : candidates);
    for (int member = 0; member < table.index().size(); member++) {
      if (table.isProbeable(member, self) && draw-- == 0) {
        return member;
      }
    }
    return NONE; // Drew the member itself: this period pings nobody.
  }
}
