package faultline.scenarios.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seed lists and shards: the arithmetic that decides which machine runs which seed. */
class SeedListTest {
  @Test
  void rangesAndSingleSeedsKeepTheirOrder() {
    assertThat(SeedList.parse("3..5, 9,-2..-1").seeds()).containsExactly(3, 4, 5, 9, -2, -1);
    assertThat(SeedList.parse("7").seeds()).containsExactly(7);
    assertThat(SeedList.parse("9223372036854775806..9223372036854775807").size()).isEqualTo(2);
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> SeedList.parse("5..1")).hasMessageContaining("ends before it starts");
    assertThatThrownBy(() -> SeedList.parse("1..3,2")).hasMessageContaining("seed 2 appears twice");
    assertThatThrownBy(() -> SeedList.parse("1-10")).hasMessageContaining("'1-10'");
    assertThatThrownBy(() -> SeedList.parse("")).hasMessageContaining("no seeds");
    assertThatThrownBy(() -> SeedList.parse("1..1000000000")).hasMessageContaining("--shard");
  }

  @Test
  void shardsCoverEverySeedOnceInContiguousBlocks() {
    for (int total : new int[] {0, 1, 7, 8, 1000}) {
      for (int count = 1; count <= 9; count++) {
        int covered = 0;
        for (int index = 0; index < count; index++) {
          Shard shard = new Shard(index, count);
          assertThat(shard.from(total)).isEqualTo(covered);
          assertThat(shard.to(total) - shard.from(total))
              .isBetween(total / count, total / count + 1);
          covered = shard.to(total);
        }
        assertThat(covered).isEqualTo(total);
      }
    }
  }

  @Test
  void autoShardsPreferKubernetesThenSlurm() {
    Map<String, String> both = Map.of("JOB_COMPLETION_INDEX", "2", "SLURM_ARRAY_TASK_ID", "1");
    assertThat(Shard.parse("auto/4", both::get)).isEqualTo(new Shard(2, 4));
    assertThat(Shard.parse("auto/4", Map.of("SLURM_ARRAY_TASK_ID", "3")::get))
        .isEqualTo(new Shard(3, 4));
    assertThat(Shard.parse(" 1/4", Map.<String, String>of()::get)).isEqualTo(new Shard(1, 4));
    assertThatThrownBy(() -> Shard.parse("auto/4", Map.of("SLURM_ARRAY_TASK_ID", "4")::get))
        .hasMessageContaining("outside 0..3");
    assertThatThrownBy(() -> Shard.parse("2", Map.<String, String>of()::get))
        .hasMessageContaining("i/n");
    assertThatThrownBy(() -> Shard.parse("x/4", Map.<String, String>of()::get))
        .hasMessageContaining("not a whole number");
    assertThatThrownBy(() -> Shard.parse("0/0", Map.<String, String>of()::get))
        .hasMessageContaining("at least 1");
  }
}
