package faultline.exercises.e04_lww;

/** Part 1 of exercise 4: a seed under which wall-clock last-writer-wins loses a write. */
final class FoundSeed {
  private FoundSeed() {}

  /**
   * A seed for which {@code ./faultline run exercises/e04-wall-clock --seed <it>} reports {@code
   * exercise.lww-keeps-causal-successor} violated. Test 1 runs the given wall-clock code with it,
   * so it stays valid after you fix your own stamps.
   */
  static long seed() {
    // BEGIN SOLUTION
    return 7;
    // END SOLUTION
    // STUB: return -1; // Your code here: the seed you found.
  }
}
