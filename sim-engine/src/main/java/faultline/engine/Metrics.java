package faultline.engine;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Named run counters and maxima, reported in the run summary. Sorted by name, so the report is the
 * same for the same run. Recording a metric never changes a run.
 */
public final class Metrics {
  private final TreeMap<String, Long> values = new TreeMap<>();

  public void add(String name, long delta) {
    values.merge(name, delta, Long::sum);
  }

  public void max(String name, long value) {
    values.merge(name, value, Math::max);
  }

  public void min(String name, long value) {
    values.merge(name, value, Math::min);
  }

  public long get(String name) {
    return values.getOrDefault(name, 0L);
  }

  public SortedMap<String, Long> snapshot() {
    return Collections.unmodifiableSortedMap(new TreeMap<>(values));
  }
}
