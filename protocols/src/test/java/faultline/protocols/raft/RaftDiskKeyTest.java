package faultline.protocols.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Log keys keep the format of the disks written so far: the index zero-padded to 12 digits. */
class RaftDiskKeyTest {
  @Test
  void keysAreTheIndexZeroPaddedToTwelveDigits() {
    long[] indices = {
      0, 1, 9, 10, 999, 123_456_789_012L, 999_999_999_999L, 1_234_567_890_123L, Long.MAX_VALUE
    };
    for (long index : indices) {
      assertThat(RaftDisk.key(index))
          .isEqualTo("raft.log/" + String.format(Locale.ROOT, "%012d", index));
    }
    assertThat(RaftDisk.key(3)).isEqualTo("raft.log/000000000003");
  }

  @Test
  void cachedKeysAreTheKeysAndMadeOnce() {
    RaftDisk.LogKeys keys = new RaftDisk.LogKeys();
    for (long index = 1; index <= 300; index++) { // Past the first growth of the cache.
      assertThat(keys.of(index)).isEqualTo(RaftDisk.key(index));
    }
    assertThat(keys.of(7)).isSameAs(keys.of(7));
    assertThat(keys.of(5_000_000_000L)).isEqualTo(RaftDisk.key(5_000_000_000L));
  }
}
