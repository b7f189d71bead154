package faultline.benchmarks;

import faultline.benchmarks.hold.CpuTimeCheck;
import faultline.benchmarks.hold.Engines;
import faultline.benchmarks.hold.Footprint;
import faultline.benchmarks.hold.HoldBenchmark;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The whole suite in one command (what {@code benchmarks/run} starts): the hold-model benchmark of
 * every engine at every size through JMH with short settings, JMH's GC profiler for allocation per
 * hold, JOL for bytes per pending event, then one Markdown table with the machine, the JDK and the
 * flags. Nothing here asserts a speed: it measures and reports.
 */
public final class BenchSuite {
  /** The forked JVMs' flags: a fixed, pre-touched heap so that heap resizing is not measured. */
  static final List<String> JVM_FLAGS = List.of("-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch");

  private BenchSuite() {}

  public static void main(String[] args) throws RunnerException {
    SuiteOptions options = SuiteOptions.parse(args);
    if (options == null) {
      System.exit(2);
      return;
    }
    ChainedOptionsBuilder jmh =
        new OptionsBuilder()
            .include(HoldBenchmark.class.getName() + ".hold$")
            .param("pending", options.sizes().stream().map(String::valueOf).toArray(String[]::new))
            .param("engine", options.engines().toArray(String[]::new))
            .forks(options.forks())
            .warmupIterations(options.warmups())
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(options.iterations())
            .measurementTime(TimeValue.seconds(1))
            .jvmArgsAppend(JVM_FLAGS.toArray(String[]::new))
            .shouldFailOnError(true);
    if (options.gcProfiler()) {
      jmh.addProfiler(GCProfiler.class);
    }
    Collection<RunResult> results = new Runner(jmh.build()).run();

    List<Row> rows = new ArrayList<>();
    for (RunResult result : results) {
      String engine = result.getParams().getParam("engine");
      int pending = Integer.parseInt(result.getParams().getParam("pending"));
      List<Double> nanosPerHold = new ArrayList<>();
      List<Double> allocatedPerHold = new ArrayList<>();
      for (BenchmarkResult fork : result.getBenchmarkResults()) {
        for (IterationResult iteration : fork.getIterationResults()) {
          nanosPerHold.add(iteration.getPrimaryResult().getScore());
          Result<?> allocated = iteration.getSecondaryResults().get("gc.alloc.rate.norm");
          if (allocated != null) {
            allocatedPerHold.add(allocated.getScore());
          }
        }
      }
      double bytesPerPending = Footprint.bytesPerPending(Engines.named(engine), pending);
      rows.add(new Row(engine, pending, nanosPerHold, allocatedPerHold, bytesPerPending));
    }
    SuiteReport report = new SuiteReport(System.out, options, JVM_FLAGS);
    report.print(rows);
    if (options.cpuTimeCheck()) {
      for (int pending : options.sizes()) {
        report.printCpuTimeCheck(
            pending,
            CpuTimeCheck.bestNanosPerHold(
                options.engines(), pending, CPU_CHECK_ROUNDS, CPU_CHECK_HOLDS_PER_ROUND));
      }
    }
  }

  // Enough rounds that one of them runs undisturbed; short enough to finish in about a minute.
  static final int CPU_CHECK_ROUNDS = 12;
  static final int CPU_CHECK_HOLDS_PER_ROUND = 200_000;

  /** One engine at one size: every measured iteration, and its footprint. */
  record Row(
      String engine,
      int pending,
      List<Double> nanosPerHold,
      List<Double> allocatedBytesPerHold,
      double bytesPerPending) {}

  static void usage(PrintStream out) {
    out.println(
        "usage: benchmarks/run [--forks N] [--warmups N] [--iterations N] [--sizes 1000,100000]"
            + " [--engines faultline,ssj-splay] [--no-gc] [--no-cpu-check]");
  }
}
