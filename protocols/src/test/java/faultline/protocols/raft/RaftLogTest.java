package faultline.protocols.raft;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.protocols.kv.ClientCommand;
import faultline.protocols.kv.KvOperation;
import org.junit.jupiter.api.Test;

/** The log's record of its own truncations, which Log Matching's checker rereads from. */
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
}
