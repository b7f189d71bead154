package faultline.protocols.kv;

import faultline.engine.lookup.LookupMap;

/**
 * The values {@code append} operations make, shared by the replicas of one cluster: every replica
 * applies every append to an equal value, and each made its own copy of the longer string (2% of
 * the benchmark workload's allocation, five copies of each). A replica gets the string the last
 * replica to append to the same key made, when that one appended an equal suffix to an equal value;
 * otherwise it makes a new one, which the replicas after it may share. Strings are immutable, so
 * sharing one changes no state and no trace.
 *
 * <p>Shared by the replicas of one run only (one thread); a replica made alone gets its own.
 */
public final class AppendedValues {
  private final LookupMap<String, Appended> lastByKey = new LookupMap<>(); // Only looked up.

  /** The last append made to one key: what it appended to what, and the value it made. */
  private static final class Appended {
    String current;
    String suffix;
    String value;
  }

  /** {@code current + suffix}, the value an append of {@code suffix} to {@code key} leaves. */
  String append(String key, String current, String suffix) {
    Appended last = lastByKey.get(key);
    if (last == null) {
      last = new Appended();
      lastByKey.put(key, last);
    } else if (same(last.current, current) && same(last.suffix, suffix)) {
      return last.value;
    }
    last.current = current;
    last.suffix = suffix;
    last.value = current + suffix;
    return last.value;
  }

  /**
   * Equal strings, found by identity as a rule: once replicas share a value they hold the very
   * object, and their commands the very suffix the leader was sent.
   */
  private static boolean same(String held, String asked) {
    return held == asked || held.equals(asked);
  }
}
