package faultline.exercises.e12_linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The answers the grader expects are right: the simulator's checker, through which the grader
 * computes them, agrees with a search over every order ({@link BruteForce}) on every graded history
 * small enough for it, verdict and witness; with the verdicts written in the chosen histories'
 * names and the published ones; and every set the grader uses holds histories of both kinds, so
 * that no answer given blindly passes a check.
 */
class GradedHistoriesTest {
  /** Brute force tries every order: fine up to about this many operations that may take effect. */
  private static final int BRUTE_FORCE_MAX = 9;

  @Test
  void theReferenceAgreesWithBruteForceOnEverySmallGradedHistory() {
    List<RegisterCase> all = new ArrayList<>();
    all.addAll(Expected.CHOSEN.get());
    all.addAll(Expected.PUBLISHED.get());
    all.addAll(Expected.GENERATED.get());
    all.addAll(GeneratedHistories.seeds(1001, 1600)); // More of the same kind, as a cross-check.
    int compared = 0;
    for (RegisterCase registerCase : all) {
      History history = registerCase.toHistory();
      long effective = history.ops().stream().filter(o -> o.outcome() != Op.Outcome.FAIL).count();
      if (effective > BRUTE_FORCE_MAX) {
        continue;
      }
      Verdict reference = ReferenceVerdict.of(registerCase).verdict();
      assertThat(reference.linearizable())
          .as(registerCase.name())
          .isEqualTo(BruteForce.linearizable(history));
      assertThat(reference.witness())
          .as(registerCase.name())
          .isEqualTo(BruteForce.witness(history));
      compared++;
    }
    System.out.printf("e12: the reference agreed with brute force on %d histories%n", compared);
    assertThat(compared).isGreaterThan(150);
  }

  @Test
  void theChosenAndPublishedVerdictsAreTheReferences() {
    for (RegisterCase chosen : Expected.CHOSEN.get()) {
      boolean named = !chosen.name().contains("not linearizable");
      assertThat(Expected.of(chosen).verdict().linearizable()).as(chosen.name()).isEqualTo(named);
    }
    for (RegisterCase published : Expected.PUBLISHED.get()) {
      assertThat(Expected.of(published).verdict().linearizable())
          .as(published.name())
          .isEqualTo(PublishedHistories.publishedLinearizable(published.name()));
    }
  }

  @Test
  void everyGradedSetHoldsHistoriesOfBothVerdicts() {
    Map<String, List<RegisterCase>> sets = new TreeMap<>();
    sets.put("chosen", Expected.CHOSEN.get());
    sets.put("published", Expected.PUBLISHED.get());
    sets.put("generated", Expected.GENERATED.get());
    sets.put("raft", Expected.RAFT.get());
    sets.put("large", Expected.LARGE.get());
    for (Map.Entry<String, List<RegisterCase>> set : sets.entrySet()) {
      long linearizable =
          set.getValue().stream().filter(c -> Expected.of(c).verdict().linearizable()).count();
      long operations = set.getValue().stream().mapToLong(RegisterCase::operations).sum();
      System.out.printf(
          "e12 %-9s %4d histories, %6d operations, %4d linearizable%n",
          set.getKey(), set.getValue().size(), operations, linearizable);
      assertThat(linearizable).as(set.getKey()).isPositive().isLessThan(set.getValue().size());
    }
  }
}
