package faultline.scenarios.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One scenario's column of a comparison: its runs, one per seed, and the figures a reader compares
 * (counts of failing seeds; per-run figures summarised by their median over the seeds, the
 * nearest-rank median, so that one extreme seed moves nothing).
 */
public final class ComparisonColumn {
  private final String scenario;
  private final List<RunFigures> runs = new ArrayList<>();
  private int sameFaultsAsFirst;

  ComparisonColumn(String scenario) {
    this.scenario = scenario;
  }

  void add(RunFigures run, boolean sameFaultsAsFirstColumn) {
    runs.add(run);
    if (sameFaultsAsFirstColumn) {
      sameFaultsAsFirst++;
    }
  }

  public String scenario() {
    return scenario;
  }

  public List<RunFigures> runs() {
    return List.copyOf(runs);
  }

  public int seeds() {
    return runs.size();
  }

  /** Seeds whose fault schedule was exactly that of the first scenario at the same seed. */
  public int sameFaultsAsFirst() {
    return sameFaultsAsFirst;
  }

  /** Seeds that violated an invariant the scenario does not expect. */
  public int failedSeeds() {
    return (int) runs.stream().filter(RunFigures::failed).count();
  }

  public int inconclusiveSeeds() {
    return (int) runs.stream().filter(RunFigures::inconclusive).count();
  }

  /** The median over the seeds that report {@code figure}; {@link RunFigures#ABSENT} if none. */
  public long median(ToLongFunction<RunFigures> figure) {
    return percentile(figure, 50);
  }

  /** The nearest-rank {@code percent} over the seeds that report {@code figure}. */
  public long percentile(ToLongFunction<RunFigures> figure, int percent) {
    long[] values =
        runs.stream()
            .mapToLong(figure)
            .filter(value -> value != RunFigures.ABSENT)
            .sorted()
            .toArray();
    if (values.length == 0) {
      return RunFigures.ABSENT;
    }
    int rank = (percent * values.length + 99) / 100;
    return values[Math.max(0, rank - 1)];
  }

  /** The sum over the seeds that report {@code figure}; {@link RunFigures#ABSENT} if none. */
  public long total(ToLongFunction<RunFigures> figure) {
    long[] values =
        runs.stream().mapToLong(figure).filter(value -> value != RunFigures.ABSENT).toArray();
    return values.length == 0 ? RunFigures.ABSENT : java.util.Arrays.stream(values).sum();
  }
}
