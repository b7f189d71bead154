package faultline.exercises.e12_linearizability;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The graded histories and their reference verdicts, each computed once per grading process: the
 * witness check asks again about the histories of the checks before it, and Raft runs take seconds.
 */
final class Expected {
  private static final Map<String, ReferenceVerdict> VERDICTS = new TreeMap<>();

  static final Supplier<List<RegisterCase>> CHOSEN = once(ChosenHistories::all);
  static final Supplier<List<RegisterCase>> PUBLISHED = once(PublishedHistories::all);
  static final Supplier<List<RegisterCase>> GENERATED =
      once(() -> GeneratedHistories.seeds(1, 300));
  static final Supplier<List<RegisterCase>> RAFT = once(RaftHistories::all);
  static final Supplier<List<RegisterCase>> LARGE = once(LargeHistories::all);

  private Expected() {}

  /** The reference verdict of {@code registerCase} (every graded history has a name of its own). */
  static synchronized ReferenceVerdict of(RegisterCase registerCase) {
    return VERDICTS.computeIfAbsent(registerCase.name(), name -> ReferenceVerdict.of(registerCase));
  }

  private static <T> Supplier<T> once(Supplier<T> compute) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = compute.get();
        }
        return value;
      }
    };
  }
}
