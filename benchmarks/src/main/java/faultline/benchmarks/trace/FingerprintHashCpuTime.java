package faultline.benchmarks.trace;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import com.sun.management.ThreadMXBean;
import faultline.benchmarks.raft.RaftWorkload;
import faultline.engine.RunOutcome;
import faultline.engine.trace.TraceFingerprint;
import faultline.engine.trace.TraceLines;
import faultline.scenarios.model.Scenario;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import net.openhft.hashing.LongTupleHashFunction;

/**
 * What the run fingerprint's hash costs the Raft workload, and what a faster 128-bit hash would:
 * the workload is run once with its trace written, the trace is read back and its fingerprint
 * recomputed (it must equal the run's, and the count of canonical bytes is taken from it), and then
 * that many bytes are hashed in the fingerprint's 8 KB blocks by SHA-256 (the JDK's, as the
 * fingerprint hashes them), Guava's streaming MurmurHash3 x64 128 and XXH3 128 of OpenHFT's
 * zero-allocation-hashing (one hash per block; a fingerprint built on it would hash the list of
 * block hashes too, which adds 0.2% to the bytes). Timed by the thread's CPU time, one hash after
 * the other in each round; prints each hash's median and min–max over the rounds after two warm-up
 * ones. The bytes hashed are random: none of these hashes branches on the data, so their speed does
 * not depend on it.
 *
 * <p>zero-allocation-hashing reads arrays through {@code sun.misc.Unsafe}, which JDK 25 warns about
 * on the first call (four lines on the error stream); a library that does so cannot sit in the
 * engine, whose runs print only what they mean to.
 *
 * <pre>java -cp benchmarks.jar faultline.benchmarks.trace.FingerprintHashCpuTime [rounds]</pre>
 */
public final class FingerprintHashCpuTime {
  private static final long VIRTUAL_NANOS = 60_000_000_000L;
  private static final int BLOCK_BYTES = 8 << 10;
  private static final int WARM_UP_ROUNDS = 2;

  private FingerprintHashCpuTime() {}

  private interface Hash {
    /** Hashes {@code bytes} once per block, {@code blocks} times; returns a value to keep. */
    long run(byte[] bytes, long blocks, int lastBlockBytes);
  }

  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
    Scenario scenario = RaftWorkload.scenario();
    Path file = Files.createTempFile("faultline-fingerprint-", ".jsonl");
    long canonicalBytes;
    long events;
    try {
      RunOutcome outcome = RaftWorkload.runWriting(scenario, VIRTUAL_NANOS, file);
      TraceFingerprint recomputed = recompute(file);
      if (!recomputed.value().equals(outcome.fingerprint())) {
        throw new IllegalStateException("the trace's fingerprint differs from the run's");
      }
      canonicalBytes = recomputed.bytesEncoded();
      events = outcome.events();
      System.out.printf(
          Locale.ROOT,
          "the workload: %,d events, %,d bytes of canonical encoding (%.1f per event),"
              + " fingerprint %s%n",
          outcome.events(),
          canonicalBytes,
          canonicalBytes / (double) outcome.events(),
          outcome.fingerprint());
    } finally {
      Files.deleteIfExists(file);
    }

    byte[] block = new byte[BLOCK_BYTES];
    new SplittableRandom(1).nextBytes(block);
    long blocks = canonicalBytes / BLOCK_BYTES;
    int lastBlockBytes = (int) (canonicalBytes % BLOCK_BYTES);
    String[] names = {"SHA-256 (JDK)", "MurmurHash3 x64 128 (Guava)", "XXH3 128 (OpenHFT)"};
    Hash[] hashes = {
      FingerprintHashCpuTime::sha256, FingerprintHashCpuTime::murmur3, FingerprintHashCpuTime::xxh3
    };
    double[][] millis = new double[hashes.length][rounds];
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long kept = 0;
    for (int round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
      for (int h = 0; h < hashes.length; h++) {
        long cpuBefore = threads.getCurrentThreadCpuTime();
        kept ^= hashes[h].run(block, blocks, lastBlockBytes);
        long cpuNanos = threads.getCurrentThreadCpuTime() - cpuBefore;
        if (round >= WARM_UP_ROUNDS) {
          millis[h][round - WARM_UP_ROUNDS] = cpuNanos / 1e6;
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d rounds (%x)%n", rounds, kept & 0xF);
    for (int h = 0; h < hashes.length; h++) {
      double[] sorted = millis[h].clone();
      Arrays.sort(sorted);
      double median = sorted[sorted.length / 2];
      System.out.printf(
          Locale.ROOT,
          "%-28s %6.1f ms CPU per run (%.1f-%.1f), %.2f GB/s, %.1f ns per event%n",
          names[h],
          median,
          sorted[0],
          sorted[sorted.length - 1],
          canonicalBytes / (median * 1e6),
          median * 1e6 / events);
    }
  }

  private static TraceFingerprint recompute(Path file) throws IOException {
    try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      TraceFingerprint fingerprint =
          new TraceFingerprint(TraceLines.header(TraceLines.object(lines.readLine())));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        var event = TraceLines.object(line);
        if (!TraceLines.isEnd(event)) {
          fingerprint.add(event);
        }
      }
      return fingerprint;
    }
  }

  private static long sha256(byte[] block, long blocks, int lastBlockBytes) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-256", e);
    }
    for (long i = 0; i < blocks; i++) {
      digest.update(block, 0, block.length);
    }
    digest.update(block, 0, lastBlockBytes);
    return digest.digest()[0];
  }

  private static long murmur3(byte[] block, long blocks, int lastBlockBytes) {
    Hasher hasher = Hashing.murmur3_128().newHasher();
    for (long i = 0; i < blocks; i++) {
      hasher.putBytes(block, 0, block.length);
    }
    hasher.putBytes(block, 0, lastBlockBytes);
    return hasher.hash().asLong();
  }

  private static long xxh3(byte[] block, long blocks, int lastBlockBytes) {
    LongTupleHashFunction xxh3 = LongTupleHashFunction.xx128();
    long[] blockHash = new long[2];
    long kept = 0;
    for (long i = 0; i < blocks; i++) {
      xxh3.hashBytes(block, 0, block.length, blockHash);
      kept += blockHash[0] ^ blockHash[1];
    }
    xxh3.hashBytes(block, 0, lastBlockBytes, blockHash);
    return kept + blockHash[0];
  }
}
