package faultline.exercises.e02_vector;

import faultline.engine.random.SimRandom;
import faultline.exercises.grading.CheckBody;
import faultline.exercises.grading.CheckProgress;
import faultline.exercises.grading.Failure;
import faultline.protocols.clocks.CausalOrder;
import faultline.protocols.clocks.VectorClock;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Compares the student's {@code compare} with the reference {@link VectorClock#compare} on pairs of
 * small random vectors from a fixed seed: small counters over few names, so that equal, ordered and
 * concurrent pairs, and missing names, all come up often.
 */
final class CompareAgreesWithReference implements CheckBody {
  private static final long SEED = 2;
  private static final int PAIRS = 2_000;
  private static final String[] NAMES = {"n1", "n2", "n3"};

  @Override
  public Optional<Failure> run(CheckProgress progress) {
    SimRandom random = new SimRandom(SEED);
    for (int i = 0; i < PAIRS; i++) {
      SortedMap<String, Long> a = randomVector(random);
      SortedMap<String, Long> b = random.nextInt(4) == 0 ? a : randomVector(random);
      CausalOrder expected = VectorClock.of(a).compare(VectorClock.of(b));
      CausalOrder actual = VectorNode.compare(a, b);
      if (actual != expected) {
        return Optional.of(
            Failure.of(
                "compare(" + a + ", " + b + ") returned " + actual + ", expected " + expected));
      }
    }
    return Optional.empty();
  }

  private static SortedMap<String, Long> randomVector(SimRandom random) {
    TreeMap<String, Long> vector = new TreeMap<>();
    for (String name : NAMES) {
      int choice = random.nextInt(4);
      if (choice > 0) {
        // An explicit 0 sometimes, to check that it means the same as a missing name.
        vector.put(name, (long) choice - 1);
      }
    }
    return vector;
  }
}
