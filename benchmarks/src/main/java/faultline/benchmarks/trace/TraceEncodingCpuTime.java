package faultline.benchmarks.trace;

import com.sun.management.ThreadMXBean;
import faultline.engine.trace.TraceSink;
import faultline.engine.trace.TraceWriter;
import faultline.scenarios.trace.FileTraceSink;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The trace's encodings alone, timed by the run thread's CPU time: a million events shaped like the
 * Raft workload's (a quarter each of AppendEntries sends carrying an entry every other time, their
 * replies, deliveries and timers; two events at each time, with a node's wall and monotonic clocks
 * reading that time, as more than half of the workload's lines share the time of the line before
 * and every one has {@code t}, {@code wall} and {@code mono} equal) written through {@link
 * TraceWriter}, for the fingerprint only ({@code discard}), with the JSON Lines and their file hash
 * as well, to a sink that drops them ({@code json}), or to a file through {@link FileTraceSink}
 * ({@code file}, a temporary file deleted after each round). A change of a few nanoseconds per
 * event shows here that a whole run's noise hides. Prints each round's CPU nanoseconds per event
 * and the fingerprint's first characters.
 *
 * <pre>
 * java -cp benchmarks.jar faultline.benchmarks.trace.TraceEncodingCpuTime [discard|json|file] [rounds]
 * </pre>
 */
public final class TraceEncodingCpuTime {
  private static final int EVENTS = 1_000_000;
  private static final long STEP_NANOS = 37_000;
  private static final String[] NODES = {"n1", "n2", "n3", "n4", "n5"};

  /** A client's command, as a log entry carries it. */
  public record Command(String op, String key, String value, long client, long sequence) {}

  public record Entry(long term, Command command) {}

  public record Append(
      long term,
      String leader,
      long prevLogIndex,
      long prevLogTerm,
      List<Entry> entries,
      long leaderCommit,
      long round) {}

  public record AppendReply(
      long term,
      boolean success,
      long matchIndex,
      long rejectedPrevIndex,
      long conflictIndex,
      long conflictTerm,
      long round) {}

  private TraceEncodingCpuTime() {}

  public static void main(String[] args) throws IOException {
    String mode = args.length > 0 ? args[0] : "discard";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    List<Entry> entries = List.of(new Entry(3, new Command("put", "key-17", "value-123", 2, 4455)));
    Path file = Files.createTempFile("faultline-trace-encoding-", ".jsonl");
    for (int round = 0; round < rounds; round++) {
      TraceSink sink =
          switch (mode) {
            case "json" -> new DroppingSink();
            case "file" -> new FileTraceSink(file);
            default -> TraceSink.discard();
          };
      TraceWriter writer = new TraceWriter(sink);
      writer.header(Map.of("name", "trace-encoding"), 1, List.of(NODES));
      long cpuBefore = threads.getCurrentThreadCpuTime();
      writeEvents(writer, entries);
      String fingerprint = writer.end();
      long cpuNanos = threads.getCurrentThreadCpuTime() - cpuBefore;
      System.out.printf(
          Locale.ROOT,
          "round %d: %.1f CPU ns/event, fingerprint %s%n",
          round + 1,
          cpuNanos / (double) EVENTS,
          fingerprint.substring(0, 8));
    }
    Files.deleteIfExists(file);
  }

  private static void writeEvents(TraceWriter writer, List<Entry> entries) {
    long t = 1_000_000_000L;
    for (int i = 0; i < EVENTS; i++) {
      if (i % 2 == 0) {
        t += STEP_NANOS;
      }
      String node = NODES[i % NODES.length];
      String peer = NODES[(i + 1) % NODES.length];
      switch (i % 4) {
        case 0 -> {
          List<Entry> carried = (i & 8) == 0 ? entries : List.of();
          Append append = new Append(3, node, 1000 + i / 10, 3, carried, 999 + i / 10, i / 3);
          writer.send(t, node, t, t, peer, i, "AppendEntries", append);
        }
        case 1 -> writer.deliver(t, node, t, t, peer, i - 1, 1, "AppendEntries");
        case 2 -> {
          AppendReply reply = new AppendReply(3, true, 1000 + i / 10, 0, 0, 0, i / 3);
          writer.send(t, node, t, t, peer, i, "AppendEntriesReply", reply);
        }
        default -> writer.timer(t, node, t, t, "heartbeat", t);
      }
    }
  }

  /** Takes the lines and keeps none: the JSON is encoded and hashed, nothing is written. */
  private static final class DroppingSink implements TraceSink {
    @Override
    public void accept(byte[] line) {}

    @Override
    public void accept(byte[] buffer, int offset, int length) {}
  }
}
