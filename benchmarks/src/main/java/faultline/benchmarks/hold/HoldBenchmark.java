package faultline.benchmarks.hold;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The hold model, one score per engine and size: nanoseconds per hold (fire the earliest event,
 * schedule one more). Each fork fills one queue with {@code pending} events and runs {@code
 * pending} holds before the first iteration, so that the queue's shape is in its steady state and
 * the fill's allocation stays out of the GC profiler's figures. Virtual time grows by about 1/P s
 * per hold: at 10 ns per hold and P = 1,000, a fork may run 900 s before times pass 2^53 ns and the
 * peers' {@code double} times stop being exact, far beyond the suite's settings.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HoldBenchmark {
  /** Holds per benchmark call: enough to make JMH's per-call overhead negligible. */
  public static final int HOLDS_PER_CALL = 1024;

  @Param({"1000", "100000", "1000000"})
  public int pending;

  @Param({"faultline", "java-priority-queue", "ssj-henriksen", "ssj-splay", "mason-schedule"})
  public String engine;

  private HoldEngine hold;

  @Setup(Level.Trial)
  public void fillToSteadyState() {
    hold = Engines.named(engine).create();
    hold.fill(pending);
    hold.hold(pending);
  }

  @Benchmark
  @OperationsPerInvocation(HOLDS_PER_CALL)
  public long hold() {
    return hold.hold(HOLDS_PER_CALL);
  }
}
