package faultline.protocols.history;

import faultline.engine.random.SimRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds histories for tests: by hand, line by line, or at random. */
final class Histories {
  private final List<HistoryEvent> events = new ArrayList<>();

  static Histories history() {
    return new Histories();
  }

  Histories invoke(int process, String f, Object value) {
    return add(process, HistoryEvent.Type.INVOKE, f, null, value);
  }

  Histories ok(int process, String f, Object value) {
    return add(process, HistoryEvent.Type.OK, f, null, value);
  }

  Histories fail(int process, String f, Object value) {
    return add(process, HistoryEvent.Type.FAIL, f, null, value);
  }

  Histories info(int process, String f, Object value) {
    return add(process, HistoryEvent.Type.INFO, f, null, value);
  }

  Histories add(int process, HistoryEvent.Type type, String f, String key, Object value) {
    events.add(new HistoryEvent(process, type, f, key, value, events.size()));
    return this;
  }

  List<HistoryEvent> build() {
    return List.copyOf(events);
  }

  static List<Long> cas(long expected, long next) {
    return List.of(expected, next);
  }

  /**
   * A random register history, mostly not linearizable: up to {@code operationsMax} operations of a
   * few processes, values from a small domain (so values repeat), random interleaving, random
   * results, some {@code info} and {@code fail} completions, one or two keys.
   */
  static List<HistoryEvent> randomRegister(long seed, int processes, int operationsMax) {
    return random(seed, processes, operationsMax, Flavor.REPEATED_VALUES);
  }

  /**
   * Register histories whose writes all store distinct values (the unseen-write reduction's case).
   */
  static List<HistoryEvent> randomUniqueRegister(long seed, int processes, int operationsMax) {
    return random(seed, processes, operationsMax, Flavor.UNIQUE_VALUES);
  }

  /** Key-value histories of get, put, append and cas over short strings. */
  static List<HistoryEvent> randomKeyValue(long seed, int processes, int operationsMax) {
    return random(seed, processes, operationsMax, Flavor.KEY_VALUE);
  }

  enum Flavor {
    REPEATED_VALUES,
    UNIQUE_VALUES,
    KEY_VALUE
  }

  private static List<HistoryEvent> random(
      long seed, int processes, int operationsMax, Flavor flavor) {
    SimRandom random = new SimRandom(seed);
    long[] written = {0};
    Histories history = history();
    int operations = 1 + random.nextInt(operationsMax);
    String[] outstanding = new String[processes];
    Object[] inputs = new Object[processes];
    String[] keys = new String[processes];
    boolean twoKeys = random.nextInt(4) == 0;
    int invoked = 0;
    int completed = 0;
    while (completed < invoked || invoked < operations) {
      int process = random.nextInt(processes);
      if (outstanding[process] == null) {
        if (invoked == operations) {
          continue;
        }
        String f =
            flavor == Flavor.KEY_VALUE
                ? List.of("get", "put", "append", "append", "cas").get(random.nextInt(5))
                : List.of("read", "write", "write", "cas").get(random.nextInt(4));
        Object input =
            switch (f) {
              case "write" -> flavor == Flavor.UNIQUE_VALUES ? ++written[0] : value(random);
              case "cas" ->
                  flavor == Flavor.KEY_VALUE
                      ? Arrays.asList(
                          List.of("", "a", "ab").get(random.nextInt(3)),
                          List.of("b", "ab", "ba").get(random.nextInt(3)))
                      : flavor == Flavor.UNIQUE_VALUES
                          ? Arrays.asList(seen(random, written[0]), ++written[0])
                          : Arrays.asList(value(random), value(random));
              case "put", "append" -> List.of("a", "b", "ab").get(random.nextInt(3));
              default -> null;
            };
        String key = twoKeys && random.nextInt(2) == 0 ? "y" : twoKeys ? "x" : null;
        history.add(process, HistoryEvent.Type.INVOKE, f, key, input);
        outstanding[process] = f;
        inputs[process] = input;
        keys[process] = key;
        invoked++;
        continue;
      }
      int outcome = random.nextInt(10);
      HistoryEvent.Type type =
          outcome == 0
              ? HistoryEvent.Type.INFO
              : outcome == 1 ? HistoryEvent.Type.FAIL : HistoryEvent.Type.OK;
      String f = outstanding[process];
      Object value = inputs[process];
      if (f.equals("read") || f.equals("get")) {
        value =
            type != HistoryEvent.Type.OK
                ? null
                : switch (flavor) {
                  case REPEATED_VALUES -> value(random);
                  case UNIQUE_VALUES -> seen(random, written[0]);
                  case KEY_VALUE -> List.of("", "a", "b", "ab", "aab", "ba").get(random.nextInt(6));
                };
      }
      history.add(process, type, f, keys[process], value);
      outstanding[process] = null;
      completed++;
    }
    return history.build();
  }

  /** One of the values written so far, or null. */
  private static Object seen(SimRandom random, long written) {
    long draw = random.nextLong(written + 1);
    return draw == 0 ? null : (Object) draw;
  }

  /** 1, 2, 3, or the empty register's null. */
  private static Object value(SimRandom random) {
    int draw = random.nextInt(4);
    return draw == 0 ? null : (Object) (long) draw;
  }
}
