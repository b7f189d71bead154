package faultline.scenarios.cli;

import static faultline.scenarios.cli.CommandLineTest.faultline;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.scenarios.bind.Parameter;
import faultline.scenarios.bind.ProtocolBinding;
import faultline.scenarios.bind.Protocols;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code protocols} prints what the bindings declare: the listing has every registered binding, and
 * one protocol's sheet (text or JSON) has every parameter of its table with its type, default and
 * meaning, every invariant and its bundled scenarios.
 */
class ProtocolsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theListingHasEveryProtocolWithItsSummary() {
    CommandLineTest.Result result = faultline("protocols");
    assertThat(result.exitCode()).isZero();
    for (ProtocolBinding binding : Protocols.all()) {
      assertThat(result.out())
          .containsPattern("(?m)^" + binding.name() + " +" + summaryStart(binding));
    }
  }

  @Test
  void aSheetHasEveryDeclaredParameterInvariantAndScenario() {
    CommandLineTest.Result result = faultline("protocols", "raft");
    assertThat(result.exitCode()).isZero();
    List<String> expected = new ArrayList<>();
    for (Parameter parameter : Protocols.named("raft").orElseThrow().parameters().all()) {
      expected.add(parameter.path() + " ");
    }
    assertThat(result.out())
        .contains(expected)
        .contains("heartbeat", "duration; default 50ms", "how often a leader sends AppendEntries")
        .contains("raft.election-safety", "At most one leader")
        .contains("raft/figure-8", "raft/random-faults")
        .contains("clients.script[].f", "one of \"get\", \"put\", \"append\", \"cas\"");
  }

  @Test
  void theJsonHasTheSameTables() throws IOException {
    CommandLineTest.Result result = faultline("protocols", "lock-service", "--json");
    assertThat(result.exitCode()).isZero();
    JsonNode protocol = JSON.readTree(result.out()).get("protocols").get(0);
    assertThat(protocol.get("name").asText()).isEqualTo("lock-service");
    List<Parameter> declared = Protocols.named("lock-service").orElseThrow().parameters().all();
    assertThat(protocol.get("parameters")).hasSize(declared.size());
    JsonNode first = protocol.get("parameters").get(0);
    assertThat(first.get("name").asText()).isEqualTo("service");
    assertThat(first.get("required").asBoolean()).isTrue();
    assertThat(first.get("default").isNull()).isTrue();
    JsonNode firstToken = find(protocol.get("parameters"), "firstToken");
    assertThat(firstToken.get("type").asText()).isEqualTo("integer");
    assertThat(firstToken.get("min").asLong()).isEqualTo(1);
    assertThat(firstToken.get("default").asText()).isEqualTo("1");
    assertThat(protocol.get("invariants").has("locks.mutual-exclusion")).isTrue();
    assertThat(protocol.get("scenarios").toString()).contains("locks/gc-pause-fenced");
  }

  @Test
  void helpNamesTheArgumentAndTheJsonOption() {
    CommandLineTest.Result result = faultline("protocols", "raft", "--help");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("<protocol>", "--json");
  }

  @Test
  void anUnknownProtocolIsAOneLineErrorWithASuggestion() {
    CommandLineTest.Result result = faultline("protocols", "rafft");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err().strip())
        .startsWith("faultline: no protocol named \"rafft\"; did you mean \"raft\"?")
        .doesNotContain("\n")
        .doesNotContain("Exception");
  }

  private static String summaryStart(ProtocolBinding binding) {
    return java.util.regex.Pattern.quote(binding.summary().substring(0, 20));
  }

  private static JsonNode find(JsonNode parameters, String name) {
    for (JsonNode parameter : parameters) {
      if (parameter.get("name").asText().equals(name)) {
        return parameter;
      }
    }
    throw new AssertionError("no parameter " + name);
  }
}
