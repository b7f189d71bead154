package faultline.visualizer.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.scenarios.parse.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the hand-written Raft-like fixture and checks every structure the painters rely on: message
 * fates, role segments, outages, bands, client bars, violations, and the time index.
 */
class TimelineTest {
  private final Timeline timeline = TraceReader.fromLines("fixture", TraceFixtures.raftLike());

  @Test
  void joinsSendsWithTheirFates() {
    List<Message> messages = timeline.messages();
    assertThat(messages).hasSize(5);
    Message vote = messages.get(0);
    assertThat(vote.type()).isEqualTo("RequestVote");
    assertThat(vote.delivered()).isTrue();
    Message lost = messages.get(1);
    assertThat(lost.dropped()).isTrue();
    assertThat(lost.dropReason()).isEqualTo("loss");
    Message reply = messages.get(2);
    assertThat(reply.duplicated()).as("the second copy is kept apart").isTrue();
    assertThat(timeline.timeNanos(reply.duplicateIndex())).isEqualTo(125);
    assertThat(messages.get(3).dropReason()).isEqualTo("partition");
    assertThat(messages.get(4).inFlight()).isTrue();
  }

  @Test
  void segmentsFollowRolesAndEndAtTheCrash() {
    List<String> n1Roles = new ArrayList<>();
    timeline.segments().stream().filter(s -> s.lane() == 0).forEach(s -> n1Roles.add(s.label()));
    assertThat(n1Roles).containsExactly("FOLLOWER t0", "CANDIDATE t1", "LEADER t1");
    assertThat(timeline.segments().stream().filter(s -> s.lane() == 2))
        .singleElement()
        .satisfies(
            s -> assertThat(s.endNanos()).as("volatile state ends at the crash").isEqualTo(230));
  }

  @Test
  void outagesBandsClientsAndViolations() {
    assertThat(timeline.outages())
        .extracting(o -> o.lane() + ":" + o.crash() + ":" + o.startNanos() + "-" + o.endNanos())
        .containsExactlyInAnyOrder("2:true:230-310", "1:false:250-280");
    assertThat(timeline.partitions())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.groups()).containsExactly(List.of("n1"), List.of("n2", "n3"));
              assertThat(p.endNanos()).isEqualTo(300);
            });
    assertThat(timeline.blocks())
        .singleElement()
        .satisfies(b -> assertThat(b.endNanos()).as("open until the end").isEqualTo(340));
    assertThat(timeline.clientOperations())
        .singleElement()
        .satisfies(
            op -> {
              assertThat(op.outcome()).isEqualTo("info");
              assertThat(op.op()).contains("write");
            });
    assertThat(timeline.violations()).hasSize(1);
    assertThat(timeline.largestClockOffsetNanos()).isEqualTo(50);
  }

  @Test
  void findsEventsAndMessagesByTime() {
    assertThat(timeline.timeNanos(timeline.firstEventAtOrAfter(111))).isEqualTo(112);
    assertThat(timeline.firstEventAtOrAfter(10_000)).isEqualTo(timeline.eventCount());
    List<Long> ids = new ArrayList<>();
    timeline.messagesOverlapping(115, 118, index -> ids.add(timeline.messages().get(index).id()));
    assertThat(ids).containsExactly(3L);
  }

  @Test
  void causalityFollowsLanesAndMessages() {
    Causality causality = new Causality(timeline);
    Message reply = timeline.messages().get(2);
    int delivery = reply.deliverIndex();
    assertThat(causality.happenedBefore(delivery).get(reply.sendIndex())).isTrue();
    assertThat(causality.happenedBefore(delivery).get(timeline.messages().get(0).sendIndex()))
        .as("n1's vote request reached n2 before n2 replied")
        .isTrue();
    int n3Start = 2;
    assertThat(causality.couldInfluence(n3Start).get(delivery))
        .as("n3 sent nothing to n1 before the reply")
        .isFalse();
  }

  @Test
  void refusesTruncatedNewerAndForeignFiles(@TempDir Path directory) throws Exception {
    List<String> lines = TraceFixtures.raftLike();
    Path whole = directory.resolve("whole.jsonl");
    TraceFixtures.write(whole, lines);
    assertThat(TraceReader.readFile(whole).eventCount()).isEqualTo(lines.size() - 2);

    Path truncated = directory.resolve("truncated.jsonl");
    TraceFixtures.write(truncated, lines.subList(0, 10));
    assertThatThrownBy(() -> TraceReader.readFile(truncated))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("truncated");

    List<String> newer = new ArrayList<>(lines);
    newer.set(0, newer.getFirst().replace("\"version\":1", "\"version\":2"));
    Path newerFile = directory.resolve("newer.jsonl");
    TraceFixtures.write(newerFile, newer);
    assertThatThrownBy(() -> TraceReader.readFile(newerFile)).hasMessageContaining("newer");

    Path foreign = directory.resolve("notes.jsonl");
    Files.writeString(foreign, "hello\n");
    assertThatThrownBy(() -> TraceReader.readFile(foreign)).hasMessageContaining("JSON");
  }
}
