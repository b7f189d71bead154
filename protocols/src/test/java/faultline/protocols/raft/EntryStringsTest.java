package faultline.protocols.raft;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.protocols.kv.ClientCommand;
import faultline.protocols.kv.KvOperation;
import org.junit.jupiter.api.Test;

/** The strings a cluster's servers share are the ones each would make, whatever it holds. */
class EntryStringsTest {
  private static LogEntry put(long term, int process, String value) {
    return new LogEntry(term, new ClientCommand(process, 1, KvOperation.put("x", value)));
  }

  @Test
  void anEntryIsDescribedOnceForEveryServerThatHoldsIt() {
    EntryStrings strings = new EntryStrings();
    LogEntry entry = put(2, 3, "a");
    LogEntry copy = put(2, 3, "a"); // An equal entry read back from a disk is another object.

    String first = strings.description(5, entry);

    assertThat(first).isEqualTo(entry.describe());
    assertThat(strings.description(5, entry)).isSameAs(first);
    assertThat(strings.description(5, copy)).isSameAs(first);
  }

  @Test
  void aServerWhoseLogDivergedDescribesItsOwnEntry() {
    EntryStrings strings = new EntryStrings();
    LogEntry committed = put(2, 3, "a");
    LogEntry overwritten = put(1, 4, "b"); // An old leader's uncommitted entry at the same index.

    strings.description(5, committed);

    assertThat(strings.description(5, overwritten)).isEqualTo(overwritten.describe());
    assertThat(strings.description(5, committed)).isEqualTo(committed.describe());
    assertThat(strings.description(6, LogEntry.noOp(2))).isEqualTo("no-op");
  }

  @Test
  void indexesPastTheFirstArraysAreDescribedAndKeyed() {
    EntryStrings strings = new EntryStrings();
    for (long index = 1; index <= 300; index++) { // Past the first growth of the arrays.
      LogEntry entry = put(1, (int) index, "v" + index);
      assertThat(strings.description(index, entry)).isEqualTo(entry.describe());
      assertThat(strings.diskKey(index)).isEqualTo(RaftDisk.key(index));
    }
    assertThat(strings.diskKey(7)).isSameAs(strings.diskKey(7));
  }

  @Test
  void diskKeysComeFromTheKeysItWasGivenForTheChecksToShare() {
    RaftDisk.LogKeys diskKeys = new RaftDisk.LogKeys();
    EntryStrings strings = new EntryStrings(diskKeys);

    assertThat(strings.diskKey(9)).isSameAs(diskKeys.of(9));
    assertThat(new EntryStrings().diskKey(9)).isEqualTo(diskKeys.of(9)).isNotSameAs(diskKeys.of(9));
  }

  @Test
  void anApplyRecordIsSharedOnlyForTheSameIndexTermAndCommand() {
    EntryStrings strings = new EntryStrings();
    LogEntry entry = put(2, 3, "a");

    RaftNode.Applied first = strings.applied(5, entry);

    assertThat(first).isEqualTo(new RaftNode.Applied(5, 2, entry.describe()));
    assertThat(strings.applied(5, put(2, 3, "a"))).isSameAs(first);
    LogEntry otherCommand = put(2, 4, "b"); // A diverged log: another command of the same term.
    assertThat(strings.applied(5, otherCommand))
        .isEqualTo(new RaftNode.Applied(5, 2, otherCommand.describe()));
    LogEntry otherTerm = put(3, 4, "b"); // The same command, placed again by a later leader.
    assertThat(strings.applied(5, otherTerm))
        .isEqualTo(new RaftNode.Applied(5, 3, otherTerm.describe()));
    assertThat(strings.applied(6, entry)).isEqualTo(new RaftNode.Applied(6, 2, entry.describe()));
  }
}
