package faultline.benchmarks.raft;

import com.sun.management.ThreadMXBean;
import faultline.engine.RunOutcome;
import faultline.scenarios.model.Scenario;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The Raft key-value workload ({@link RaftWorkload}) timed by the run thread's own CPU time and
 * allocation, for machines too busy for wall-clock figures: a thread waiting for a core spends no
 * CPU time, so other jobs on the machine do not count (they still slow its caches, so compare
 * builds measured in one sitting, not with wall-clock tables). Runs the workload several times in
 * one JVM, prints each run, then the median of the runs after the warm-up ones.
 *
 * <pre>java -cp benchmarks.jar faultline.benchmarks.raft.RaftCpuTime [discard|file] [runs] [warm]
 * </pre>
 */
public final class RaftCpuTime {
  private static final long VIRTUAL_NANOS = 60_000_000_000L;

  private RaftCpuTime() {}

  public static void main(String[] args) throws IOException {
    String trace = args.length > 0 ? args[0] : "discard";
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    int warmUps = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    Scenario scenario = RaftWorkload.scenario();
    Path file = Files.createTempFile("faultline-cpu-", ".jsonl");
    double[] seconds = new double[runs - warmUps];
    double[] bytesPerEvent = new double[runs - warmUps];
    long events = 0;
    String fingerprint = null;
    for (int run = 0; run < runs; run++) {
      long cpuBefore = threads.getCurrentThreadCpuTime();
      long bytesBefore = threads.getCurrentThreadAllocatedBytes();
      RunOutcome outcome =
          trace.equals("file")
              ? RaftWorkload.runWriting(scenario, VIRTUAL_NANOS, file)
              : RaftWorkload.runDiscarding(scenario, VIRTUAL_NANOS);
      double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
      double perEvent =
          (double) (threads.getCurrentThreadAllocatedBytes() - bytesBefore) / outcome.events();
      events = outcome.events();
      fingerprint = outcome.fingerprint();
      System.out.printf(
          Locale.ROOT,
          "run %d%s: %.3f CPU s, %,d events, %.0f B/event%n",
          run + 1,
          run < warmUps ? " (warm-up)" : "",
          cpuSeconds,
          outcome.events(),
          perEvent);
      if (run >= warmUps) {
        seconds[run - warmUps] = cpuSeconds;
        bytesPerEvent[run - warmUps] = perEvent;
      }
    }
    Files.deleteIfExists(file);
    double median = median(seconds);
    System.out.printf(
        Locale.ROOT,
        "%s: median %.3f CPU s per run (%.3f-%.3f), %.0fx real time, %,.0f events/CPU s,"
            + " %.0f B/event (%d events)%n",
        trace,
        median,
        Arrays.stream(seconds).min().orElseThrow(),
        Arrays.stream(seconds).max().orElseThrow(),
        VIRTUAL_NANOS / 1e9 / median,
        events / median,
        median(bytesPerEvent),
        events);
    System.out.println("fingerprint " + fingerprint);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
