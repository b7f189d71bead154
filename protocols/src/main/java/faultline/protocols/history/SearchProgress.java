package faultline.protocols.history;

/**
 * How far a running linearizability check has got, for a progress line drawn by another thread: the
 * key being searched and the states explored so far. The search publishes its count every {@link
 * #PUBLISH_EVERY_STATES} states, so watching costs it almost nothing; a reader sees a value at most
 * that far behind. Watching never changes what the search does or decides.
 */
public final class SearchProgress {
  static final int PUBLISH_EVERY_STATES = 1024;

  private volatile long statesExplored;
  private volatile String key;
  private volatile int keyOperations;

  /** States explored over every key so far (published every few states). */
  public long statesExplored() {
    return statesExplored;
  }

  /** The key being searched (null: the keyless register), or null before the search starts. */
  public String key() {
    return key;
  }

  /** How many operations the key being searched has. */
  public int keyOperations() {
    return keyOperations;
  }

  void searching(String key, int operations, long statesBefore) {
    this.key = key;
    this.keyOperations = operations;
    this.statesExplored = statesBefore;
  }

  void explored(long states) {
    this.statesExplored = states;
  }
}
