package faultline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The disk's page cache: reads see their own unsynced writes, a later write of a key wins, a sync
 * makes them durable, and a crash that loses unsynced writes leaves exactly what was synced. Each
 * test runs with few writes pending and with more than the cache scans (then an index finds them).
 */
class MemoryStorageTest {
  record Command(int process, long sequence, String key) {}

  record Entry(long term, Command command) {}

  @ParameterizedTest
  @ValueSource(ints = {3, PendingWrites.SCAN_MAX + 5})
  void readsSeeTheLatestUnsyncedWriteOfAKey(int writes) {
    MemoryStorage disk = new MemoryStorage();
    disk.put("term", 1L);
    disk.sync();
    for (int i = 0; i < writes; i++) {
      disk.put("k" + (i % 3), (long) i);
    }
    disk.put("term", 2L);
    disk.remove("k0");

    assertThat(disk.get("term", Long.class)).contains(2L);
    assertThat(disk.get("k0", Long.class)).isEmpty();
    long latestK1 = writes - 1 - (writes - 1 + 2) % 3; // The last i < writes with i % 3 == 1.
    assertThat(disk.get("k1", Long.class)).contains(latestK1);
    assertThat(disk.synced()).containsOnlyKeys("term").containsEntry("term", 1L);
    SortedMap<String, Object> expected = new TreeMap<>();
    expected.put("term", 2L);
    for (int i = 0; i < writes; i++) {
      if (i % 3 != 0) {
        expected.put("k" + (i % 3), (long) i);
      }
    }
    assertThat(disk.snapshot()).isEqualTo(expected);

    disk.sync();
    assertThat(disk.synced()).isEqualTo(expected);
    assertThat(disk.get("k0", Long.class)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {2, PendingWrites.SCAN_MAX + 5})
  void aCrashThatLosesWritesLeavesWhatWasSynced(int writes) {
    MemoryStorage disk = new MemoryStorage();
    disk.put("a", "synced");
    disk.sync();
    for (int i = 0; i < writes; i++) {
      disk.put("a", "unsynced " + i);
      disk.put("b" + (i % 2), "unsynced");
    }

    assertThat(disk.crash(true)).as("keys whose writes were lost").isEqualTo(3);
    assertThat(disk.get("a", String.class)).contains("synced");
    assertThat(disk.get("b0", String.class)).isEmpty();
    assertThat(disk.snapshot()).containsOnlyKeys("a");

    disk.put("c", "after");
    assertThat(disk.get("c", String.class)).contains("after");
    assertThat(disk.crash(false)).isZero();
    assertThat(disk.synced()).containsOnlyKeys("a", "c");
  }

  @Test
  void aKeyRewrittenWithoutASyncHoldsOneSlot() {
    PendingWrites pending = new PendingWrites();
    for (int i = 0; i < 10_000; i++) {
      pending.add("term", (long) i);
      pending.add("vote/" + (i % (PendingWrites.SCAN_MAX + 3)), "n1");
    }

    assertThat(pending.size()).isEqualTo(1 + PendingWrites.SCAN_MAX + 3);
    assertThat(pending.value(pending.positionOf("term"))).isEqualTo(9_999L);
    assertThat(pending.key(0)).as("keys in the order first written").isEqualTo("term");
  }

  @Test
  void aRecordOfImmutableRecordsIsKeptAsItIs() {
    MemoryStorage disk = new MemoryStorage();
    Entry entry = new Entry(3, new Command(1, 2, "x"));
    disk.put("log/1", entry);

    Optional<Entry> read = disk.get("log/1", Entry.class);
    assertThat(read).containsSame(entry);
    assertThat(StoredValues.frozen("k", List.of(entry))).isEqualTo(List.of(entry));
  }
}
