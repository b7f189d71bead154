package faultline.protocols.raft;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.protocols.kv.ClientCommand;
import faultline.protocols.kv.KvOperation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log's record of its own truncations, which Log Matching's checker rereads from; slices. */
class RaftLogTest {
  private static LogEntry put(long term, String value) {
    return new LogEntry(term, new ClientCommand(0, 1, new KvOperation("put", "x", value, null)));
  }

  @Test
  void raftLogReportsTheLowestTruncationSinceAPosition() {
    RaftLog log = new RaftLog();
    for (int i = 1; i <= 6; i++) {
      log.append(put(1, "v" + i));
    }
    int before = log.truncations();
    assertThat(log.lowestTruncationSince(before)).isEqualTo(Long.MAX_VALUE);
    log.truncateFrom(5);
    int middle = log.truncations();
    log.truncateFrom(3);
    log.append(put(2, "w"));
    log.truncateFrom(4);
    assertThat(log.lowestTruncationSince(before)).isEqualTo(3);
    assertThat(log.lowestTruncationSince(middle)).isEqualTo(3);
    assertThat(log.lowestTruncationSince(log.truncations())).isEqualTo(Long.MAX_VALUE);
    assertThat(log.lastIndex()).isEqualTo(3);
  }

  @Test
  void aSliceAskedForAgainIsTheSameListUntilTheLogChanges() {
    RaftLog log = new RaftLog();
    LogEntry first = put(1, "a");
    LogEntry second = put(1, "b");
    log.append(first);
    log.append(second);

    List<LogEntry> slice = log.slice(2, 4);
    assertThat(slice).containsExactly(second);
    assertThat(log.slice(2, 4)).isSameAs(slice);
    assertThat(log.slice(1, 4)).containsExactly(first, second);

    LogEntry third = put(1, "c");
    log.append(third);
    assertThat(log.slice(2, 4)).containsExactly(second, third);

    // A truncation and an append that leave the same length and slice bounds: a new list.
    List<LogEntry> before = log.slice(3, 1);
    log.truncateFrom(3);
    LogEntry replaced = put(2, "d");
    log.append(replaced);
    assertThat(log.slice(3, 1)).containsExactly(replaced).isNotSameAs(before);
    assertThat(before).containsExactly(third);
  }
}
