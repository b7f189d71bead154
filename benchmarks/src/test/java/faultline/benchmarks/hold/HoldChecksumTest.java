package faultline.benchmarks.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every engine in the benchmark must fire the same events at the same times, or the comparison
 * would measure different work. How it works: each engine runs the hold model from the same delay
 * table and the checksums of their fire times must be equal; a reference run with the fire times
 * kept in a sorted list proves the common checksum is the right one, not a shared mistake.
 */
class HoldChecksumTest {
  private static final int HOLDS = 20_000;

  @ParameterizedTest(name = "pending={0}")
  @ValueSource(ints = {1, 100, 5_000})
  void everyEngineFiresTheSameTimes(int pending) {
    Map<String, Long> checksums = new TreeMap<>();
    for (Engines engine : Engines.values()) {
      HoldEngine hold = engine.create();
      hold.fill(pending);
      checksums.put(engine.label(), hold.hold(HOLDS));
    }
    assertThat(checksums.values()).as(checksums.toString()).containsOnly(reference(pending));
  }

  @ParameterizedTest(name = "pending={0}")
  @ValueSource(ints = {100})
  void checksumsAgreeAcrossCallBoundaries(int pending) {
    for (Engines engine : Engines.values()) {
      HoldEngine inOneCall = engine.create();
      inOneCall.fill(pending);
      HoldEngine inManyCalls = engine.create();
      inManyCalls.fill(pending);
      long manyCalls = 0;
      for (int call = 0; call < 10; call++) {
        manyCalls = inManyCalls.hold(HOLDS / 10);
      }
      assertThat(manyCalls).as(engine.label()).isEqualTo(inOneCall.hold(HOLDS));
    }
  }

  /** The hold model on a list kept sorted by insertion: slow, and obviously right. */
  private static long reference(int pending) {
    ExponentialDraws draws = new ExponentialDraws(Engines.DRAWS_SEED);
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < pending; i++) {
      insertSorted(times, draws.nextDelayNanos());
    }
    long checksum = 0;
    for (int i = 0; i < HOLDS; i++) {
      long now = times.removeFirst();
      checksum = HoldEngine.fold(checksum, now);
      insertSorted(times, now + draws.nextDelayNanos());
    }
    return checksum;
  }

  private static void insertSorted(List<Long> times, long time) {
    int at = java.util.Collections.binarySearch(times, time);
    times.add(at < 0 ? -at - 1 : at, time);
  }
}
