package faultline.benchmarks.checker;

import faultline.protocols.history.CheckResult;
import faultline.protocols.history.HistoryEvent;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.history.Model;
import faultline.protocols.history.Mutations;
import faultline.protocols.history.RegisterSimulation;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The linearizability checker on 10,000-operation histories of 50 concurrent clients on one
 * register, the histories {@code LargeHistoryTest} decides: linearizable by construction ({@code
 * history=linearizable}), or with one read late in the history made to return an overwritten value
 * ({@code history=stale-read}), for three seeds each. One check per invocation, with the default
 * state budget of {@code check} (2,000,000); the {@code states} counter is the number of search
 * states the check explored, which bounds its memory (a few hundred bytes a state).
 *
 * <pre>benchmarks/run checker</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3)
@Measurement(iterations = 7)
public class CheckerBenchmark {
  private static final int CLIENTS = 50;
  private static final int OPERATIONS = 10_000;
  private static final long STATES_MAX = 2_000_000;

  @Param({"linearizable", "stale-read"})
  public String history;

  @Param({"7", "8", "9"})
  public long seed;

  private List<HistoryEvent> events;
  private CheckResult.Verdict expected;

  /** The states the last check explored, reported per invocation beside the time. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Explored {
    public long states;
  }

  @Setup(Level.Trial)
  public void generate() {
    List<HistoryEvent> clean =
        RegisterSimulation.generate(RegisterSimulation.Shape.large(CLIENTS, OPERATIONS), seed);
    if (history.equals("linearizable")) {
      events = clean;
      expected = CheckResult.Verdict.LINEARIZABLE;
    } else {
      events = Mutations.staleRead(clean, 2 * OPERATIONS * 9 / 10);
      if (events == null) {
        throw new IllegalStateException("seed " + seed + " has no read to make stale");
      }
      expected = CheckResult.Verdict.NOT_LINEARIZABLE;
    }
  }

  @Benchmark
  public CheckResult check(Explored explored) {
    CheckResult result = LinearizabilityChecker.check(events, Model.register(), STATES_MAX);
    if (result.verdict() != expected) {
      throw new IllegalStateException(
          "seed " + seed + ", " + history + ": expected " + expected + ", got " + result.verdict());
    }
    explored.states = result.statesExplored();
    return result;
  }
}
