package faultline.protocols.history;

import faultline.engine.random.SimRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Small register histories shaped like the ones that break linearizability checkers: up to eight
 * processes call one atomic register, each operation taking effect at a random step between its
 * invocation and its completion, so most histories are linearizable and the rest are one mutation
 * away from it. Every operation kind occurs; values come from a domain of two or three, with an
 * occasional fresh value that nobody else writes (the case the unseen-write reduction handles);
 * completions are {@code ok}, {@code fail} (a cas that found another value, or a request refused
 * before it took effect) and {@code info}; a process can crash (its operation ends as {@code info},
 * or stays outstanding, having taken effect or not) and is then replaced by a fresh process, as
 * Jepsen does. The mutation flips one result: a read's value, a cas's outcome, a completion's type.
 */
final class InterleavedRegisterHistories {
  private static final long FRESH_BASE = 100;

  /** Operation mixes, one drawn per history: even, and cas-heavy without reads. */
  private static final List<List<String>> KINDS =
      List.of(
          List.of("read", "write", "write", "cas", "cas"),
          List.of("read", "write", "cas", "cas", "cas"),
          List.of("write", "cas", "cas"));

  private final SimRandom random;
  private final int processes;
  private final int domain;
  private final Histories history = Histories.history();
  private long nextFresh = FRESH_BASE;
  private final List<String> kinds;
  private Object register;

  /** What one process is doing: its operation, and whether it has taken effect yet. */
  private static final class Pending {
    int process;
    String f;
    Object input;
    Object output;
    boolean applied;
    boolean succeeded;
  }

  private InterleavedRegisterHistories(long seed, int processes, int domain) {
    this.random = new SimRandom(seed);
    this.processes = processes;
    this.domain = domain;
    this.kinds = KINDS.get(random.nextInt(KINDS.size()));
  }

  /**
   * A history of at most {@code operationsMax} operations by {@code processes} concurrent
   * processes, values from {@code 1..domain} (and fresh ones); mutated when {@code mutate}.
   */
  static List<HistoryEvent> generate(
      long seed, int processes, int domain, int operationsMax, boolean mutate) {
    InterleavedRegisterHistories generator =
        new InterleavedRegisterHistories(seed, processes, domain);
    List<HistoryEvent> events = generator.run(1 + generator.random.nextInt(operationsMax));
    return mutate ? generator.mutate(events) : events;
  }

  private List<HistoryEvent> run(int operations) {
    Pending[] slots = new Pending[processes];
    int[] processOf = new int[processes];
    for (int slot = 0; slot < processes; slot++) {
      processOf[slot] = slot;
    }
    int invoked = 0;
    while (invoked < operations || Arrays.stream(slots).anyMatch(Objects::nonNull)) {
      int slot = random.nextInt(processes);
      Pending pending = slots[slot];
      if (pending == null) {
        if (invoked < operations) {
          slots[slot] = invoke(processOf[slot]);
          invoked++;
        }
      } else if (!pending.applied && random.nextInt(3) > 0) {
        apply(pending);
      } else if (random.nextInt(8) == 0) {
        crash(pending, invoked >= operations);
        slots[slot] = null;
        processOf[slot] += processes; // A crashed process never comes back; a new one takes over.
      } else {
        complete(pending);
        slots[slot] = null;
      }
    }
    return history.build();
  }

  private Pending invoke(int process) {
    Pending pending = new Pending();
    pending.process = process;
    pending.f = kinds.get(random.nextInt(kinds.size()));
    pending.input =
        switch (pending.f) {
          case "write" -> written();
          case "cas" -> Arrays.asList(random.nextInt(2) == 0 ? register : value(), written());
          default -> null;
        };
    history.invoke(process, pending.f, pending.input);
    return pending;
  }

  /** Takes effect now, atomically, on the register. */
  private void apply(Pending pending) {
    pending.applied = true;
    pending.succeeded = true;
    switch (pending.f) {
      case "read" -> pending.output = register;
      case "write" -> register = pending.input;
      default -> {
        List<?> swap = (List<?>) pending.input;
        pending.succeeded = Objects.equals(register, swap.get(0));
        if (pending.succeeded) {
          register = swap.get(1);
        }
      }
    }
  }

  private void complete(Pending pending) {
    if (!pending.applied) {
      apply(pending);
    }
    Object value = pending.f.equals("read") ? pending.output : pending.input;
    if (pending.succeeded) {
      history.ok(pending.process, pending.f, value);
    } else {
      history.fail(pending.process, pending.f, value);
    }
  }

  /** The process dies: its operation ends as unknown, or with no completion at all at the end. */
  private void crash(Pending pending, boolean lastOperations) {
    if (!lastOperations || random.nextInt(2) == 0) {
      history.info(pending.process, pending.f, pending.f.equals("read") ? null : pending.input);
    }
  }

  private Object written() {
    return random.nextInt(3) == 0 ? (Object) nextFresh++ : value();
  }

  private Object value() {
    int draw = random.nextInt(domain + 1);
    return draw == 0 ? null : (Object) (long) draw;
  }

  /** One completion changed: a read's value, or an outcome (ok, fail, info). */
  private List<HistoryEvent> mutate(List<HistoryEvent> events) {
    List<Integer> completionsAt = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).type() != HistoryEvent.Type.INVOKE) {
        completionsAt.add(i);
      }
    }
    if (completionsAt.isEmpty()) {
      return events;
    }
    int at = completionsAt.get(random.nextInt(completionsAt.size()));
    HistoryEvent event = events.get(at);
    if (event.f().equals("read") && event.type() == HistoryEvent.Type.OK) {
      return Mutations.withResult(events, at, value());
    }
    HistoryEvent.Type[] types = {
      HistoryEvent.Type.OK, HistoryEvent.Type.FAIL, HistoryEvent.Type.INFO
    };
    HistoryEvent.Type other = event.type();
    while (other == event.type()) {
      other = types[random.nextInt(types.length)];
    }
    return Mutations.withType(events, at, other);
  }
}
