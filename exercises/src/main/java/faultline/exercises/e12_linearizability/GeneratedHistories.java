package faultline.exercises.e12_linearizability;

import faultline.engine.random.SimRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Register histories drawn from a seed: client processes run reads, writes and compare-and-sets on
 * a simulated atomic register, each operation taking effect at one random instant between its
 * invocation and its completion, so that the history is linearizable; some time out ({@code info}:
 * taking effect then, later, or never), some writes fail without taking effect, and a cas that
 * finds another value fails. Half the seeds then plant one mistake: a read that returns another
 * value than it saw. Whether a history is linearizable is the simulator's checker's verdict, not
 * the generator's intent (a planted value may still fit some order).
 */
final class GeneratedHistories {
  private final SimRandom random;
  private final int processes;
  private final Events events = new Events();
  private final List<Pending> ghosts = new ArrayList<>();
  private final Pending[] pending;
  private final List<Long> written = new ArrayList<>();
  private Long register;
  private long nextValue = 1;

  /** An operation invoked and not yet completed, or timed out and not yet taken effect. */
  private static final class Pending {
    final int process;
    final String f;
    final Object input;
    final boolean timesOut;
    final boolean neverTakesEffect;
    boolean decided;
    Object result;
    boolean failed;

    Pending(int process, String f, Object input, boolean timesOut, boolean neverTakesEffect) {
      this.process = process;
      this.f = f;
      this.input = input;
      this.timesOut = timesOut;
      this.neverTakesEffect = neverTakesEffect;
    }
  }

  private GeneratedHistories(long seed, int processes) {
    this.random = new SimRandom(seed);
    this.processes = processes;
    this.pending = new Pending[processes];
  }

  /** The histories of seeds {@code first} to {@code last}, of 2 to 5 processes, 6 to 35 ops. */
  static List<RegisterCase> seeds(long first, long last) {
    List<RegisterCase> cases = new ArrayList<>();
    for (long seed = first; seed <= last; seed++) {
      int processes = 2 + (int) (seed % 4);
      int operations = 6 + (int) (seed * 7 % 30);
      cases.add(history(seed, processes, operations, 0.08, true));
    }
    return cases;
  }

  /**
   * One history: {@code operations} operations over {@code processes} processes, a fraction {@code
   * timeouts} of them timing out; a mistake planted when {@code plant} and the seed says so.
   */
  static RegisterCase history(
      long seed, int processes, int operations, double timeouts, boolean plant) {
    GeneratedHistories generator = new GeneratedHistories(seed, processes);
    generator.run(operations, timeouts);
    var events = generator.events.build();
    if (plant && generator.random.nextInt(2) == 0) {
      events = Mistakes.plantStaleRead(events, generator.random);
    }
    return new RegisterCase(
        "generated seed " + seed + " (" + processes + " processes)", seed, events);
  }

  private void run(int operations, double timeouts) {
    int invoked = 0;
    while (invoked < operations || busy()) {
      if (!ghosts.isEmpty() && random.nextInt(10) == 0) {
        Pending ghost = ghosts.remove(random.nextInt(ghosts.size()));
        takeEffect(ghost);
      }
      int process = random.nextInt(processes);
      Pending op = pending[process];
      if (op == null) {
        if (invoked < operations) {
          pending[process] = invoke(process, timeouts);
          invoked++;
        }
      } else if (!op.decided && !op.neverTakesEffect && random.nextInt(2) == 0) {
        takeEffect(op);
      } else if (op.decided || op.neverTakesEffect || op.timesOut) {
        complete(op);
        pending[process] = null;
      }
    }
  }

  private boolean busy() {
    for (Pending op : pending) {
      if (op != null) {
        return true;
      }
    }
    return false;
  }

  private Pending invoke(int process, double timeouts) {
    int draw = random.nextInt(10);
    boolean timesOut = random.nextDouble() < timeouts;
    if (draw < 4) {
      events.invoke(process, "read", null);
      return new Pending(process, "read", null, timesOut, false);
    }
    long value = nextValue++;
    if (draw < 7) {
      events.invoke(process, "write", value);
      boolean fails = !timesOut && random.nextInt(20) == 0;
      Pending write = new Pending(process, "write", value, timesOut, fails);
      write.failed = fails;
      return write;
    }
    Long expected =
        random.nextInt(4) > 0 || written.isEmpty()
            ? register
            : written.get(random.nextInt(written.size()));
    List<Long> swap = new ArrayList<>();
    swap.add(expected);
    swap.add(value);
    events.invoke(process, "cas", swap);
    return new Pending(process, "cas", swap, timesOut, false);
  }

  private void takeEffect(Pending op) {
    op.decided = true;
    switch (op.f) {
      case "read" -> op.result = register;
      case "write" -> store((Long) op.input);
      default -> {
        List<?> swap = (List<?>) op.input;
        if (Objects.equals(register, swap.get(0))) {
          store((Long) swap.get(1));
        } else {
          op.failed = true;
        }
      }
    }
  }

  private void store(Long value) {
    register = value;
    written.add(value);
  }

  private void complete(Pending op) {
    if (op.timesOut) {
      events.info(op.process, op.f, op.input);
      if (!op.decided && !op.f.equals("read") && random.nextInt(2) == 0) {
        ghosts.add(op); // It may still take effect, later.
      }
    } else if (op.failed) {
      events.fail(op.process, op.f, op.input);
    } else {
      events.ok(op.process, op.f, op.f.equals("read") ? op.result : op.input);
    }
  }
}
