package faultline.protocols.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link RoundSendTimes} against the {@code TreeMap<Long, Long>} that {@link LeaderState} used
 * before: rounds started one after another (each forgetting the oldest past the limit) and
 * confirmed in order, with every round's send time, or its absence, compared after each step.
 */
class RoundSendTimesProperties {
  @Property(tries = 300)
  void holdsWhatATreeMapHolds(
      @ForAll @IntRange(min = 1, max = 40) int limit,
      @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 12) Integer> steps) {
    RoundSendTimes times = new RoundSendTimes(limit);
    TreeMap<Long, Long> reference = new TreeMap<>();
    long round = 0;
    long confirmed = 0;
    for (int step : steps) {
      if (step < 9 || round == confirmed) {
        round++;
        long nowNanos = 1_000L * round + step;
        reference.put(round, nowNanos);
        boolean forgotten = reference.size() > limit;
        if (forgotten) {
          reference.pollFirstEntry();
        }
        assertThat(times.add(round, nowNanos)).isEqualTo(forgotten);
      } else {
        confirmed = Math.min(round, confirmed + step - 8);
        reference.headMap(confirmed, true).clear();
        times.forgetThrough(confirmed);
      }
      for (long probe = 0; probe <= round + 1; probe++) {
        Long expected = reference.get(probe);
        assertThat(times.holds(probe)).isEqualTo(expected != null);
        if (expected != null) {
          assertThat(times.sentAtNanos(probe)).isEqualTo(expected);
        }
      }
    }
  }
}
