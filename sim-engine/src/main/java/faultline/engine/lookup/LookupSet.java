package faultline.engine.lookup;

import java.util.HashSet;

/**
 * A hash set that can be asked what it contains but never iterated, for the reason {@link
 * LookupMap} gives: a hash order must not reach a trace.
 */
public final class LookupSet<E> {
  private final HashSet<E> set = new HashSet<>();

  /** A set of {@code elements}, for constants that are only asked {@link #contains}. */
  @SafeVarargs
  public static <E> LookupSet<E> of(E... elements) {
    LookupSet<E> result = new LookupSet<>();
    for (E element : elements) {
      result.add(element);
    }
    return result;
  }

  /** Adds {@code element}; false when it was already there. */
  public boolean add(E element) {
    return set.add(element);
  }

  /** Adds every element of {@code elements}; true when any was new. */
  public boolean addAll(Iterable<? extends E> elements) {
    boolean changed = false;
    for (E element : elements) {
      changed |= set.add(element);
    }
    return changed;
  }

  public boolean contains(Object element) {
    return set.contains(element);
  }

  /** Removes {@code element}; false when it was not there. */
  public boolean remove(Object element) {
    return set.remove(element);
  }

  public boolean isEmpty() {
    return set.isEmpty();
  }

  public int size() {
    return set.size();
  }

  public void clear() {
    set.clear();
  }

  /** The size only: the contents would come out in hash order. */
  @Override
  public String toString() {
    return "LookupSet(" + set.size() + " elements)";
  }
}
