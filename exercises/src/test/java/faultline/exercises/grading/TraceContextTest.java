package faultline.exercises.grading;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.trace.TraceWriter;
import faultline.scenarios.trace.FileTraceSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The context a failed check prints, read back from a trace: the delivery the node was handling
 * shows the payload its send carried (a delivery line has none of its own), and the last fault.
 */
class TraceContextTest {
  record Vote(long term, String candidate) {}

  @TempDir Path temp;

  @Test
  void aDeliveryIsShownWithThePayloadOfItsSend() throws IOException {
    Path trace = temp.resolve("run.jsonl");
    TraceWriter writer = new TraceWriter(new FileTraceSink(trace));
    writer.header(Map.of("name", "context"), 1, List.of("n1", "n2"));
    writer.start(0, "n2", 0, 0);
    writer.send(5, "n1", 5, 5, "n2", 7, "Vote", new Vote(3, "n1"));
    writer.send(6, "n1", 6, 6, "n3", 8, "Vote", new Vote(4, "n1"));
    writer.pause(7, "n2", 7, 7, 1_000);
    writer.deliver(9, "n2", 9, 9, "n1", 7, 1, "Vote");
    long violation = writer.violation(9, "n2", 9, 9, "x.safety", "broken");
    writer.end();

    assertThat(TraceContext.describe(trace, "n2", violation))
        .containsExactly(
            "n2 was handling: delivery of Vote from n1 {\"term\":3,\"candidate\":\"n1\"} (event #5)",
            "last fault at n2: pause at t=0.000ms (event #4)");
  }
}
