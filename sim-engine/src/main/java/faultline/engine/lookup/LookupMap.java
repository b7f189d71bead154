package faultline.engine.lookup;

import java.util.HashMap;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * A hash map that can be looked up but never iterated: no keys, values, entries, forEach or stream,
 * and a {@link #toString} that shows only the size. A {@link HashMap}'s iteration order depends on
 * its keys' hash codes, and an enum's or an object's identity hash code changes from run to run, so
 * an order taken from one could reach a trace and break replay. Code that runs in or builds a
 * simulation uses this (or {@link LookupSet}) for hashing, and {@code TreeMap}, {@code
 * LinkedHashMap} or {@code EnumMap} for anything it iterates; the architecture test forbids the
 * JDK's hash-ordered collections there.
 */
public final class LookupMap<K, V> {
  private final HashMap<K, V> map = new HashMap<>();

  public V get(Object key) {
    return map.get(key);
  }

  public V getOrDefault(Object key, V fallback) {
    return map.getOrDefault(key, fallback);
  }

  public boolean containsKey(Object key) {
    return map.containsKey(key);
  }

  /** Maps {@code key} to {@code value}; returns the previous value, or null. */
  public V put(K key, V value) {
    return map.put(key, value);
  }

  public V putIfAbsent(K key, V value) {
    return map.putIfAbsent(key, value);
  }

  /** Removes {@code key}; returns its value, or null. */
  public V remove(Object key) {
    return map.remove(key);
  }

  /**
   * Removes every entry that {@code test} accepts. The entries are visited in hash order, so the
   * result is independent of that order only when {@code test} judges each entry alone: it must not
   * count, remember or act on what it has seen.
   */
  public void removeIf(BiPredicate<? super K, ? super V> test) {
    map.entrySet().removeIf(entry -> test.test(entry.getKey(), entry.getValue()));
  }

  /** As {@link java.util.Map#merge}. */
  public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
    return map.merge(key, value, remapping);
  }

  /** As {@link java.util.Map#computeIfAbsent}. */
  public V computeIfAbsent(K key, Function<? super K, ? extends V> mapping) {
    return map.computeIfAbsent(key, mapping);
  }

  public boolean isEmpty() {
    return map.isEmpty();
  }

  public int size() {
    return map.size();
  }

  public void clear() {
    map.clear();
  }

  /** The size only: the contents would come out in hash order. */
  @Override
  public String toString() {
    return "LookupMap(" + map.size() + " entries)";
  }
}
