package faultline.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Named run counters and maxima, reported in the run summary. Sorted by name, so the report is the
 * same for the same run. Recording a metric never changes a run.
 */
public final class Metrics {
  // One mutable cell per name, so counting boxes nothing; sorted only for the snapshot.
  // Insertion-ordered, so that even a read before sorting sees the same order on every run.
  private final Map<String, long[]> values = new LinkedHashMap<>();

  /**
   * A counter for a metric counted on every event: it finds its cell once, when first counted, so
   * the metric still appears only if something was counted.
   */
  final class Counter {
    private final String name;
    private long[] cell;

    private Counter(String name) {
      this.name = name;
    }

    void add(long delta) {
      if (cell == null) {
        cell = values.computeIfAbsent(name, unused -> new long[1]);
      }
      cell[0] += delta;
    }
  }

  Counter counter(String name) {
    return new Counter(name);
  }

  public void add(String name, long delta) {
    long[] cell = values.get(name);
    if (cell == null) {
      values.put(name, new long[] {delta});
    } else {
      cell[0] += delta;
    }
  }

  public void max(String name, long value) {
    long[] cell = values.get(name);
    if (cell == null) {
      values.put(name, new long[] {value});
    } else {
      cell[0] = Math.max(cell[0], value);
    }
  }

  public void min(String name, long value) {
    long[] cell = values.get(name);
    if (cell == null) {
      values.put(name, new long[] {value});
    } else {
      cell[0] = Math.min(cell[0], value);
    }
  }

  public long get(String name) {
    long[] cell = values.get(name);
    return cell == null ? 0 : cell[0];
  }

  public SortedMap<String, Long> snapshot() {
    TreeMap<String, Long> sorted = new TreeMap<>();
    values.forEach((name, cell) -> sorted.put(name, cell[0]));
    return Collections.unmodifiableSortedMap(sorted);
  }
}
