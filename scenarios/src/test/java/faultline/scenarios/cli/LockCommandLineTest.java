package faultline.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock scenarios from the command line: the fenced story's trace shows token 33 rejected, and
 * every bad lock parameter exits 2 with one line naming the file, line:column and field.
 */
class LockCommandLineTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  private record Result(int exitCode, String out, String err) {}

  private static Result faultline(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void theFencedRunRejectsTokenThirtyThreeInItsTrace() throws IOException {
    Path trace = temp.resolve("fenced.jsonl");
    Result result = faultline("run", "locks/gc-pause-fenced", "--trace", trace.toString());
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(result.out()).containsPattern("locks\\.staleWrites\\.rejected +1\\R");
    List<JsonNode> writes =
        Files.readAllLines(trace).stream()
            .map(LockCommandLineTest::parse)
            .filter(event -> event.path("type").asText().equals("write"))
            .toList();
    assertThat(writes).hasSize(2);
    assertThat(writes.get(0).get("token").asLong()).isEqualTo(34);
    assertThat(writes.get(0).get("outcome").asText()).isEqualTo("accepted");
    assertThat(writes.get(1).get("writer").asText()).isEqualTo("client1");
    assertThat(writes.get(1).get("token").asLong()).isEqualTo(33);
    assertThat(writes.get(1).get("outcome").asText()).isEqualTo("rejected");
    assertThat(faultline("replay", trace.toString()).exitCode()).isZero();
  }

  @Test
  void theUnfencedRunExitsOneAndNamesTheStaleToken() {
    Result result = faultline("run", "locks/gc-pause-unfenced", "--json");
    assertThat(result.exitCode()).isEqualTo(1);
    JsonNode json = parse(result.out());
    assertThat(json.get("violations").get(0).get("message").asText())
        .contains("client1's write with token 33");
    assertThat(json.get("metrics").get("locks.staleWrites.accepted").asLong()).isEqualTo(1);
  }

  @Test
  void aTtlOutOfRangeNamesTheField() throws IOException {
    Path file = write("ttl.json", lockService("{\"node\": \"client1\", \"ttl\": \"25h\"}"));
    Result result = faultline("run", file.toString());
    assertBadInput(result, file + ":7:");
    assertThat(result.err()).contains("params.clients[0].ttl: must be from 1ms to 24h");
  }

  @Test
  void aZeroTtlNamesTheField() throws IOException {
    Path file = write("zero.json", lockService("{\"node\": \"client1\", \"ttl\": \"0s\"}"));
    assertBadInput(faultline("run", file.toString()), file + ":7:");
  }

  @Test
  void aRenewIntervalLongerThanTheLeaseNamesTheField() throws IOException {
    Path file =
        write(
            "renew.json",
            """
            {
              "description": "A renewal interval longer than the lease itself.",
              "protocol": "lease-election",
              "nodes": ["lock", "storage", "n1"],
              "params": {"service": "lock", "resource": "storage", "lease": "10s",
                "renewEvery": "12s", "candidates": [{"node": "n1"}]}
            }
            """);
    Result result = faultline("run", file.toString());
    assertBadInput(result, file + ":6:");
    assertThat(result.err()).contains("params.renewEvery: must not be longer than the lease");
  }

  @Test
  void aQuorumLargerThanTheStoresNamesTheField() throws IOException {
    Path file =
        write(
            "quorum.json",
            """
            {
              "description": "A quorum of six out of five stores.",
              "protocol": "redlock",
              "nodes": ["A", "B", "C", "D", "E", "storage", "client1"],
              "params": {"stores": ["A", "B", "C", "D", "E"], "resource": "storage",
                "quorum": 6, "clients": [{"node": "client1"}]}
            }
            """);
    Result result = faultline("run", file.toString());
    assertBadInput(result, file + ":6:");
    assertThat(result.err())
        .contains("params.quorum: must not be larger than the number of stores");
  }

  @Test
  void aNodeWithoutARoleNamesIt() throws IOException {
    Path file =
        write(
            "idle.json",
            """
            {
              "description": "A node that is neither service, storage nor client.",
              "protocol": "lock-service",
              "nodes": ["lock", "storage", "client1", "idle"],
              "params": {"service": "lock", "resource": "storage", "clients": [{"node": "client1"}]}
            }
            """);
    Result result = faultline("run", file.toString());
    assertBadInput(result, file + ":");
    assertThat(result.err()).contains("node idle has no role");
  }

  private static String lockService(String client) {
    return """
        {
          "description": "One client with a lease of a bad length.",
          "protocol": "lock-service",
          "nodes": ["lock", "storage", "client1"],
          "params": {
            "service": "lock", "resource": "storage",
            "clients": [%s]
          }
        }
        """
        .formatted(client);
  }

  private Path write(String name, String text) throws IOException {
    Path file = temp.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static void assertBadInput(Result result, String prefix) {
    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err()).startsWith("faultline: " + prefix);
    assertThat(result.err().strip().lines().count()).as(result.err()).isEqualTo(1);
    assertThat(result.err()).doesNotContain("Exception", "\tat ");
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new AssertionError(line, e);
    }
  }
}
