package faultline.engine.random;

import java.nio.charset.StandardCharsets;

/**
 * Derives one independent stream per subsystem and per node from the run's seed, by name ({@code
 * "network"}, {@code "faults"}, {@code "node:n3"}, {@code "workload"}).
 *
 * <p>Streams are independent so that a new random draw in one protocol never shifts another's
 * schedule for the same seed. A stream's seed depends only on the run seed and the name, through a
 * fixed 64-bit FNV-1a hash of the name's UTF-8 bytes, so it is the same on every JVM.
 */
public final class Seeds {
  private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private final long runSeed;

  public Seeds(long runSeed) {
    this.runSeed = runSeed;
  }

  public long runSeed() {
    return runSeed;
  }

  /** A fresh generator for the named stream; the same name always starts at the same state. */
  public SimRandom stream(String name) {
    return new SimRandom(streamSeed(runSeed, name));
  }

  /** The stream of the node called {@code nodeName}. */
  public SimRandom nodeStream(String nodeName) {
    return stream("node:" + nodeName);
  }

  static long streamSeed(long runSeed, String name) {
    long hash = FNV_OFFSET_BASIS;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= FNV_PRIME;
    }
    // Two rounds of mixing keep nearby run seeds from giving correlated streams.
    return SimRandom.mix64(SimRandom.mix64(runSeed) ^ hash);
  }
}
