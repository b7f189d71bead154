package faultline.benchmarks.raft;

import faultline.engine.RunOutcome;
import faultline.scenarios.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole run of the Raft key-value workload ({@link RaftWorkload}) per invocation, computing
 * only the run's fingerprint ({@code trace=discard}: no JSON is encoded) or also writing the JSON
 * Lines trace to a file ({@code trace=file}). Divide the virtual duration by the score for the
 * speed-up over real time, and the run's event count (printed at tear-down) by it for events per
 * second; {@code -prof gc}'s gc.alloc.rate.norm divided by the event count is the allocation per
 * event.
 *
 * <pre>benchmarks/run raft</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class RaftKvBenchmark {
  @Param({"discard", "file"})
  public String trace;

  @Param({"60"})
  public int virtualSeconds;

  private Scenario scenario;
  private Path file;
  private long events;

  @Setup(Level.Trial)
  public void load() throws IOException {
    scenario = RaftWorkload.scenario();
    file = Files.createTempFile("faultline-bench-", ".jsonl");
  }

  @Benchmark
  public RunOutcome run() {
    long durationNanos = virtualSeconds * 1_000_000_000L;
    RunOutcome outcome =
        trace.equals("file")
            ? RaftWorkload.runWriting(scenario, durationNanos, file)
            : RaftWorkload.runDiscarding(scenario, durationNanos);
    events = outcome.events();
    return outcome;
  }

  @TearDown(Level.Trial)
  public void report() throws IOException {
    System.out.println("raft-kv events per run: " + events);
    Files.deleteIfExists(file);
  }
}
