package faultline.scenarios.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.protocols.history.HistoryEvent;
import faultline.protocols.history.Model;
import faultline.scenarios.parse.ScenarioException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading client histories: what parses, and the one-line, located error for what does not. */
class HistoryParserTest {
  private static final String FILE = "h.jsonl";

  private static ParsedHistory register(String... lines) {
    return HistoryParser.parse(FILE, String.join("\n", lines), Model.register());
  }

  private static String registerError(String... lines) {
    try {
      register(lines);
    } catch (ScenarioException e) {
      assertThat(e.getMessage()).doesNotContain("\n");
      return e.getMessage();
    }
    throw new AssertionError("expected a ScenarioException");
  }

  @Test
  void readsJepsenStyleEventsWithTheirLines() {
    ParsedHistory history =
        register(
            "{\"process\":0,\"type\":\"invoke\",\"f\":\"cas\",\"key\":\"x\",\"value\":[null,3]}",
            "",
            "{\"process\":0,\"type\":\"ok\",\"f\":\"cas\",\"key\":\"x\",\"value\":[null,3],"
                + "\"time\":1500,\"index\":1}",
            "{\"process\":1,\"type\":\"invoke\",\"f\":\"read\",\"key\":7}",
            "{\"process\":1,\"type\":\"ok\",\"f\":\"read\",\"key\":7,\"value\":\"s\"}");
    assertThat(history.events())
        .extracting(HistoryEvent::type)
        .containsExactly(
            HistoryEvent.Type.INVOKE,
            HistoryEvent.Type.OK,
            HistoryEvent.Type.INVOKE,
            HistoryEvent.Type.OK);
    assertThat(history.events().get(0).value()).isEqualTo(java.util.Arrays.asList(null, 3L));
    assertThat(history.events().get(1).timeNanos()).isEqualTo(1500);
    assertThat(history.events().get(3).key()).isEqualTo("7");
    assertThat(history.events().get(3).value()).isEqualTo("s");
    assertThat(history.lines()).containsExactly(1, 3, 4, 5);
  }

  @Test
  void aCompletionWithoutAnInvocationIsRefused() {
    assertThat(registerError("{\"process\":3,\"type\":\"ok\",\"f\":\"read\",\"value\":1}"))
        .isEqualTo(
            "h.jsonl:1:21: type: an ok completion, but process 3 has no operation outstanding");
  }

  @Test
  void aSecondInvocationWhileOneIsOutstandingIsRefused() {
    assertThat(
            registerError(
                "{\"process\":0,\"type\":\"invoke\",\"f\":\"write\",\"value\":1}",
                "{\"process\":0,\"type\":\"invoke\",\"f\":\"read\"}"))
        .isEqualTo(
            "h.jsonl:2:12: process: process 0 invokes again while its write from line 1 is still"
                + " outstanding");
  }

  @Test
  void unknownTypesFunctionsAndFieldsAreRefused() {
    assertThat(registerError("{\"process\":0,\"type\":\"begin\",\"f\":\"read\"}"))
        .isEqualTo("h.jsonl:1:21: type: expected one of [invoke, ok, fail, info], got \"begin\"");
    assertThat(registerError("{\"process\":0,\"type\":\"invoke\",\"f\":\"get\"}"))
        .isEqualTo(
            "h.jsonl:1:34: f: expected one of the register model's operations [read, write, cas],"
                + " got \"get\"");
    assertThat(registerError("{\"process\":0,\"type\":\"invoke\",\"f\":\"read\",\"proces\":1}"))
        .startsWith("h.jsonl:1:41: proces: unknown field \"proces\"");
    assertThat(registerError("{\"type\":\"invoke\",\"f\":\"read\"}"))
        .isEqualTo("h.jsonl:1:1: process: missing; every history event needs it");
  }

  @Test
  void malformedValuesAreRefused() {
    assertThat(registerError("{\"process\":0,\"type\":\"invoke\",\"f\":\"cas\",\"value\":[1]}"))
        .isEqualTo("h.jsonl:1:48: value: a cas takes [expected, new], got an array of 1");
    assertThat(registerError("{\"process\":0,\"type\":\"invoke\",\"f\":\"write\",\"value\":1.5}"))
        .isEqualTo(
            "h.jsonl:1:50: value: register values are integers, strings or null, got the number"
                + " 1.5");
    assertThat(
            registerError(
                "{\"process\":0,\"type\":\"invoke\",\"f\":\"write\",\"value\":99999999999999999999}"))
        .contains("value: 99999999999999999999 does not fit in a signed 64-bit integer");
    assertThatThrownBy(
            () ->
                HistoryParser.parse(
                    FILE,
                    "{\"process\":0,\"type\":\"invoke\",\"f\":\"put\",\"value\":3}",
                    Model.kv()))
        .hasMessage("h.jsonl:1:48: value: kv values are strings, got the integer 3");
  }

  @Test
  void aCompletionMustMatchItsInvocation() {
    assertThat(
            registerError(
                "{\"process\":0,\"type\":\"invoke\",\"f\":\"write\",\"value\":1}",
                "{\"process\":0,\"type\":\"ok\",\"f\":\"read\",\"value\":1}"))
        .isEqualTo("h.jsonl:2:30: f: process 0 invoked write at line 1, but this completes read");
    assertThat(
            registerError(
                "{\"process\":0,\"type\":\"invoke\",\"f\":\"write\",\"value\":1}",
                "{\"process\":0,\"type\":\"ok\",\"f\":\"write\",\"value\":2}"))
        .isEqualTo("h.jsonl:2:46: value: the write was invoked with 1 but completes with 2");
    assertThat(
            registerError(
                "{\"process\":0,\"type\":\"invoke\",\"f\":\"read\"}",
                "{\"process\":0,\"type\":\"ok\",\"f\":\"read\"}"))
        .isEqualTo("h.jsonl:2:1: value: missing; an ok read gives the value it returned");
  }

  @Test
  void malformedLinesAndEmptyFilesAreRefused() {
    assertThat(registerError("{\"process\":0,")).startsWith("h.jsonl:1:14: malformed JSON: ");
    assertThat(registerError("[1, 2]"))
        .isEqualTo("h.jsonl:1:1: expected a JSON object (one history event per line)");
    assertThat(registerError("{\"process\":0,\"type\":\"invoke\",\"f\":\"read\"} {}"))
        .isEqualTo(
            "h.jsonl:1:42: unexpected content after the JSON object (one history event per line)");
    assertThat(registerError("", "  "))
        .isEqualTo("h.jsonl:1:1: the history has no events; expected one JSON object per line");
  }

  @Test
  void aHistoryThatParsesIsPairedCompletely() {
    ParsedHistory history =
        register(
            "{\"process\":0,\"type\":\"invoke\",\"f\":\"write\",\"value\":1}",
            "{\"process\":0,\"type\":\"info\",\"f\":\"write\"}",
            "{\"process\":1,\"type\":\"invoke\",\"f\":\"read\"}");
    assertThat(history.events()).hasSize(3);
    assertThat(history.events().get(1).value()).isEqualTo(1L); // The invocation's argument.
    assertThat(List.of(history.lineOf(2), history.lineOf(3))).containsExactly(3, 0);
  }
}
