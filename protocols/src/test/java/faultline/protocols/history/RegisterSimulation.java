package faultline.protocols.history;

import faultline.engine.random.SimRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Generates histories that are linearizable by construction: concurrent clients call an atomic
 * register (one per key), each operation taking effect at a random instant between its invocation
 * and its completion. Some operations time out ({@code info}: taken effect or not, at random), and
 * a cas that finds another value fails ({@code fail}), as Jepsen records them. Written values are
 * unique, so a mutated read is easy to reason about. Public for the checker's benchmark, which
 * measures on the same histories as {@code LargeHistoryTest}.
 */
public final class RegisterSimulation {
  /** How one run is shaped. Times are in virtual nanoseconds. */
  public record Shape(
      int clients,
      int operations,
      int keys,
      long latencyMaxNanos,
      long thinkMaxNanos,
      int readPercent,
      int casPercent,
      int infoPercent) {
    public static Shape small(int clients, int operations) {
      return new Shape(clients, operations, 1, 100, 60, 40, 20, 10);
    }

    public static Shape large(int clients, int operations) {
      return new Shape(clients, operations, 1, 1_000_000, 500_000, 50, 10, 1);
    }
  }

  private record Planned(
      int process,
      String f,
      String key,
      long invokeNanos,
      long effectNanos,
      long completeNanos,
      boolean info,
      boolean takesEffect) {}

  private record Timed(long nanos, int tieBreak, HistoryEvent event) {}

  private RegisterSimulation() {}

  public static List<HistoryEvent> generate(Shape shape, long seed) {
    SimRandom random = new SimRandom(seed);
    List<Planned> planned = plan(shape, random);
    List<Planned> byEffect = new ArrayList<>(planned);
    byEffect.sort(Comparator.comparingLong(Planned::effectNanos));
    java.util.Map<String, Object> registers = new java.util.HashMap<>();
    long nextValue = 1;
    List<Timed> timed = new ArrayList<>();
    int tieBreak = 0;
    for (Planned operation : byEffect) {
      Object current = registers.get(operation.key());
      Object input = null;
      Object output = null;
      boolean ok = true;
      switch (operation.f()) {
        case "read" -> output = current;
        case "write" -> input = nextValue++;
        default -> {
          Object expected = random.nextInt(2) == 0 ? current : (Object) (nextValue - 1);
          input = java.util.Arrays.asList(expected, nextValue++);
          ok = Objects.equals(expected, current);
        }
      }
      boolean applies = ok && (!operation.info() || operation.takesEffect());
      if (applies) {
        switch (operation.f()) {
          case "write" -> registers.put(operation.key(), input);
          case "cas" -> registers.put(operation.key(), ((List<?>) input).get(1));
          default -> {}
        }
      }
      HistoryEvent.Type completion =
          operation.info()
              ? HistoryEvent.Type.INFO
              : ok ? HistoryEvent.Type.OK : HistoryEvent.Type.FAIL;
      Object completionValue = operation.f().equals("read") ? output : input;
      if (completion == HistoryEvent.Type.INFO) {
        completionValue = operation.f().equals("read") ? null : input;
      }
      timed.add(
          new Timed(
              operation.invokeNanos(),
              tieBreak++,
              new HistoryEvent(
                  operation.process(),
                  HistoryEvent.Type.INVOKE,
                  operation.f(),
                  operation.key(),
                  input,
                  operation.invokeNanos())));
      timed.add(
          new Timed(
              operation.completeNanos(),
              tieBreak++,
              new HistoryEvent(
                  operation.process(),
                  completion,
                  operation.f(),
                  operation.key(),
                  completionValue,
                  operation.completeNanos())));
    }
    timed.sort(Comparator.comparingLong(Timed::nanos).thenComparingInt(Timed::tieBreak));
    return timed.stream().map(Timed::event).toList();
  }

  private static List<Planned> plan(Shape shape, SimRandom random) {
    List<Planned> planned = new ArrayList<>();
    long[] freeAt = new long[shape.clients()];
    int[] process = new int[shape.clients()];
    for (int client = 0; client < shape.clients(); client++) {
      process[client] = client;
      freeAt[client] = random.nextLong(shape.thinkMaxNanos() + 1);
    }
    for (int i = 0; i < shape.operations(); i++) {
      int client = i % shape.clients();
      // Distinct instants keep real-time order unambiguous: times are multiples of 4 plus 0..2.
      long invoke = freeAt[client] * 4;
      long latency = 1 + random.nextLong(shape.latencyMaxNanos());
      long complete = (freeAt[client] + latency) * 4 + 2;
      long effect = invoke + 1 + random.nextLong(complete - invoke - 1);
      int draw = random.nextInt(100);
      String f =
          draw < shape.readPercent()
              ? "read"
              : draw < shape.readPercent() + shape.casPercent() ? "cas" : "write";
      boolean info = random.nextInt(100) < shape.infoPercent();
      String key = shape.keys() == 1 ? null : "k" + random.nextInt(shape.keys());
      planned.add(
          new Planned(
              process[client], f, key, invoke, effect, complete, info, random.nextInt(2) == 0));
      freeAt[client] += latency + 1 + random.nextLong(shape.thinkMaxNanos() + 1);
      if (info) {
        // Jepsen retires a process whose operation timed out; a fresh one takes its place.
        process[client] += shape.clients();
      }
    }
    return planned;
  }
}
