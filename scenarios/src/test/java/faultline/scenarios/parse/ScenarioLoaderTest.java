package faultline.scenarios.parse;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.net.Latency;
import faultline.engine.net.LinkPolicy;
import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import faultline.scenarios.model.ClockSpec;
import faultline.scenarios.model.Expectation;
import faultline.scenarios.model.LinkOverride;
import faultline.scenarios.model.RunSpec;
import faultline.scenarios.model.Scenario;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Loads a scenario that uses every feature and compares the whole model; then feeds one small bad
 * document per class of mistake and compares the whole message, {@code file:line:column: path:
 * reason}, so that a wrong line, column, path or wording fails.
 */
class ScenarioLoaderTest {
  private static final NodeId N1 = NodeId.of("n1");
  private static final NodeId N2 = NodeId.of("n2");
  private static final NodeId N3 = NodeId.of("n3");
  private static final NodeId N10 = NodeId.of("n10");

  private final ScenarioLoader loader = Fixtures.loader();

  @Test
  void loadsEveryFeatureIntoTheExactModel() {
    Path file = Fixtures.VALID.resolve("full.json");
    Scenario scenario = loader.loadFile(file);

    assertThat(scenario.name()).isEqualTo("clocks/lww-skew");
    assertThat(scenario.description()).startsWith("Last-writer-wins loses a write");
    assertThat(scenario.protocol()).isEqualTo("clocks-register");
    assertThat(scenario.nodes()).containsExactly(N1, N2, N3, N10);
    assertThat(scenario.origin()).isEqualTo(file.toString());

    LinkPolicy network =
        new LinkPolicy(
            Latency.uniform(1 * MILLI, 10 * MILLI),
            Ratio.of(1, 20),
            Ratio.of(1, 1000),
            Ratio.of(1, 2),
            false);
    assertThat(scenario.network()).isEqualTo(network);
    assertThat(scenario.links())
        .containsExactly(
            new LinkOverride(
                N1, N2, network.withLatency(Latency.constant(5 * MILLI)).withFifo(true)),
            new LinkOverride(
                N2,
                N1,
                network.withLatency(new Latency.Exponential(1 * MILLI, 3 * MILLI, 200 * MILLI))),
            new LinkOverride(
                N3,
                N1,
                network
                    .withLatency(new Latency.Normal(5 * MILLI, 1 * MILLI, 0, 50 * MILLI))
                    .withLoss(Ratio.ONE)),
            new LinkOverride(N10, N1, network.withLatency(Latency.uniform(2 * MILLI, 3 * MILLI))),
            new LinkOverride(N1, N10, network.withLatency(Latency.constant(7 * MILLI))));

    assertThat(scenario.clocks())
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    N1, new ClockSpec(150 * MILLI, 100_000),
                    N2, new ClockSpec(-1_500 * MILLI, -2_000),
                    N3, new ClockSpec(0, 500))));

    assertThat(scenario.faults())
        .containsExactly(
            new ScheduledFault(
                1 * SECOND, new Fault.Partition(List.of(List.of(N1, N2), List.of(N3)))),
            new ScheduledFault(2 * SECOND, new Fault.Block(N1, N3)),
            new ScheduledFault(2 * SECOND, new Fault.Unblock(N3, N1)),
            new ScheduledFault(3 * SECOND, new Fault.Heal()),
            new ScheduledFault(4 * SECOND, new Fault.Crash(N2, true)),
            new ScheduledFault(4_500 * MILLI, new Fault.Crash(N3, false)),
            new ScheduledFault(5 * SECOND, new Fault.Restart(N2)),
            new ScheduledFault(6 * SECOND, new Fault.Pause(N1, 750 * MILLI)),
            new ScheduledFault(7 * SECOND, new Fault.ClockOffset(N1, -20 * MILLI)),
            new ScheduledFault(7 * SECOND, new Fault.ClockDrift(N2, -50_000)),
            new ScheduledFault(8 * SECOND, new Fault.ClockJump(N10, 5 * SECOND)),
            new ScheduledFault(8 * SECOND, new Fault.ClockJump(N10, -2 * SECOND)),
            new ScheduledFault(
                9 * SECOND, new Fault.LinkChange(N1, null, null, Ratio.of(1, 4), null, null, true)),
            new ScheduledFault(
                9_500 * MILLI,
                new Fault.LinkChange(
                    null, null, Latency.uniform(20 * MILLI, 30 * MILLI), null, null, null, null)));

    assertThat(scenario.invariants()).containsExactly("clocks.lww-converges");
    assertThat(scenario.run()).isEqualTo(new RunSpec(12 * SECOND, 5_000, 300, false));
    assertThat(scenario.seed()).isEqualTo(Long.MIN_VALUE);
    assertThat(scenario.expect().violations()).containsExactly("clocks.lww-converges");
    assertThat(scenario.expect().metrics())
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    "messages.delivered", new Expectation.Bound(1L, 500L),
                    "writes.lost", new Expectation.Bound(1L, null))));

    ParamReader params = scenario.params();
    assertThat(params.path()).isEqualTo("params");
    List<ParamReader> writes = params.objects("writes");
    assertThat(writes).hasSize(2);
    assertThat(writes.get(1).path()).isEqualTo("params.writes[1]");
    assertThat(writes.get(1).node("node")).isEqualTo(N2);
    assertThat(writes.get(1).durationNanos("at", 0)).isEqualTo(120 * MILLI);
    assertThat(writes.get(1).integer("value", 0, 0, 10)).isEqualTo(2);
    assertThat(params.durationNanos("readAfter", 0)).isEqualTo(2 * SECOND);
  }

  @Test
  void theSourceIsTheDocumentWithoutCommentsAndWithExactNumbers() throws Exception {
    Scenario scenario = loader.loadFile(Fixtures.VALID.resolve("full.json"));
    ObjectNode source = scenario.source();

    assertThat(source.get("$schema").asText()).endsWith("scenario.schema.json");
    assertThat(source.get("faults").size()).isEqualTo(14);
    assertThat(source.get("network").get("loss").decimalValue()).isEqualTo(new BigDecimal("0.05"));
    assertThat(source.get("seed").longValue()).isEqualTo(Long.MIN_VALUE);
    // It is plain JSON again: a strict parser reads it back to the same tree.
    String written = new ObjectMapper().writeValueAsString(source);
    assertThat(written).doesNotContain("//").doesNotContain("/*");
    assertThat(loader.loadSource("trace.jsonl", "trace.jsonl", source).faults())
        .isEqualTo(scenario.faults());
  }

  @Test
  void defaultsFillWhatAMinimalScenarioLeavesOut() {
    Scenario scenario =
        loader.load(
            "min.json",
            "test:min",
            "minimal",
            Fixtures.read(Fixtures.VALID.resolve("minimal.json")));

    assertThat(scenario.name()).isEqualTo("minimal");
    assertThat(scenario.origin()).isEqualTo("test:min");
    assertThat(scenario.nodes()).containsExactly(N1, N2, N3);
    assertThat(scenario.network()).isEqualTo(LinkPolicy.defaults());
    assertThat(scenario.links()).isEmpty();
    assertThat(scenario.clocks()).isEmpty();
    assertThat(scenario.faults()).isEmpty();
    assertThat(scenario.invariants()).containsExactly("raft.election-safety", "raft.log-matching");
    assertThat(scenario.run()).isEqualTo(new RunSpec(10 * SECOND, 10_000_000, 1_000_000, true));
    assertThat(scenario.seed()).isEqualTo(1);
    assertThat(scenario.expect().violations()).isEmpty();
    assertThat(scenario.expect().metrics()).isEmpty();
    assertThat(scenario.params().has("anything")).isFalse();
    scenario.params().finish();
  }

  @Test
  void everyValidFixtureLoads() {
    List<Path> files = Fixtures.jsonFiles(Fixtures.VALID);
    assertThat(files).hasSizeGreaterThanOrEqualTo(4);
    for (Path file : files) {
      assertThat(loader.loadFile(file).description()).as(file.toString()).isNotBlank();
    }
  }

  @Test
  void everyInvalidFixtureFails() {
    List<Path> files = Fixtures.jsonFiles(Fixtures.INVALID);
    assertThat(files).hasSizeGreaterThanOrEqualTo(4);
    for (Path file : files) {
      assertThatThrownBy(() -> loader.loadFile(file))
          .as(file.toString())
          .isInstanceOf(ScenarioException.class)
          .hasMessageStartingWith(file + ":1:");
    }
  }

  // One test per class of mistake. Each document is short; the expected positions are 1-based.

  @Test
  void malformedJsonIsLocatedWhereTheParserStopped() {
    String text =
        """
        {
          "description": "x",
          "protocol": "raft"
          "nodes": 3
        }
        """;
    assertError(
        text,
        "t.json:4:3: malformed JSON: Unexpected character '\"': was expecting comma"
            + " to separate Object entries");
  }

  @Test
  void truncatedJsonSaysWhereTheOpenObjectStarted() {
    assertError(
        "{\"description\": \"x\",\n  \"nodes\": [1,",
        "t.json:2:15: malformed JSON: Unexpected end-of-input within/between Array entries");
    assertError(
        "\n  {\"description\": \"x\"",
        "t.json:2:22: malformed JSON: Unexpected end-of-input: expected close marker for Object"
            + " (start marker at line 2, column 3)");
  }

  @Test
  void anUnknownFieldIsLocatedAtItsNameAndSuggestsTheClosestField() {
    String text =
        """
        {
          "description": "x",
          "protocol": "raft",
          "nodes": 3,
          "network": {"latncy": "5ms"}
        }
        """;
    assertError(
        text, "t.json:5:15: network.latncy: unknown field \"latncy\"; did you mean \"latency\"?");
  }

  @Test
  void anUnknownFieldFarFromAnyListsTheKnownFields() {
    assertError(
        "{\"description\": \"x\", \"protocol\": \"raft\", \"nodes\": 3, \"run\": {\"horizon\": \"1s\"}}",
        "t.json:1:62: run.horizon: unknown field \"horizon\" (known fields: duration, until,"
            + " maxEvents, maxQueue, stopOnViolation, quietAfterFaults)");
  }

  @Test
  void aQuietWindowIsADurationAndDefaultsToTheEndOfTheRun() {
    String prefix = "{\"description\": \"x\", \"protocol\": \"raft\", \"nodes\": 3, \"run\": ";
    assertError(
        prefix + "{\"quietAfterFaults\": \"soon\"}}",
        "t.json:1:82: run.quietAfterFaults: not a duration: \"soon\" (write a number and a unit"
            + " (ns, us, ms, s, m or h), like \"150ms\" or \"1.5s\")");
    assertThatThrownBy(() -> load(prefix + "{\"quietAfterFaults\": 2}}"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith("t.json:1:82: run.quietAfterFaults: ")
        .hasMessageNotContaining("\n");
    assertThat(load(prefix + "{\"quietAfterFaults\": \"1.5s\"}}").run().quietAfterFaultsNanos())
        .isEqualTo(1_500_000_000L);
    assertThat(load(prefix + "{}}").run().judgesAfterQuiet()).isFalse();
  }

  @Test
  void anUnknownNodeIsNamedWithTheKnownNodes() {
    String text =
        """
        {
          "description": "x",
          "protocol": "raft",
          "nodes": 3,
          "faults": [
            {"at": "1s", "type": "crash", "node": "n4"}
          ]
        }
        """;
    assertError(text, "t.json:6:43: faults[0].node: unknown node \"n4\" (nodes: n1, n2, n3)");
  }

  @Test
  void unknownNodesAreCaughtInClocksLinksAndPartitions() {
    String head = "{\"description\": \"x\", \"protocol\": \"raft\", \"nodes\": [\"a\", \"b\"], ";
    assertError(
        head + "\"clocks\": {\"c\": {}}}",
        "t.json:1:74: clocks.c: unknown node \"c\" (nodes: a, b)");
    assertError(
        head + "\"network\": {\"links\": [{\"from\": \"a\", \"to\": \"z\", \"fifo\": true}]}}",
        "t.json:1:105: network.links[0].to: unknown node \"z\" (nodes: a, b)");
    assertError(
        head
            + "\"faults\": [{\"at\": \"0s\", \"type\": \"partition\", \"groups\": [[\"a\"], [\"q\"]]}]}",
        "t.json:1:127: faults[0].groups[1][0]: unknown node \"q\" (nodes: a, b)");
  }

  @Test
  void anUnknownProtocolListsTheKnownOnes() {
    String text =
        """
        {
          "description": "x",
          "protocol": "rafft",
          "nodes": 3
        }
        """;
    assertError(
        text,
        "t.json:3:15: protocol: unknown protocol \"rafft\"; did you mean \"raft\"? (known:"
            + " clocks-register, raft)");
  }

  @Test
  void aNegativeDurationIsRejectedWhereOnlyPositiveOnesMakeSense() {
    String text =
        """
        {
          "description": "x",
          "protocol": "raft",
          "nodes": 3,
          "faults": [{"at": "-1s", "type": "heal"}]
        }
        """;
    assertError(text, "t.json:5:21: faults[0].at: must not be negative: \"-1s\"");
  }

  @Test
  void aProbabilityAboveOneIsRejected() {
    String text =
        """
        {
          "description": "x",
          "protocol": "raft",
          "nodes": 3,
          "network": {
            "loss": 1.5
          }
        }
        """;
    assertError(text, "t.json:6:13: network.loss: a probability must be between 0 and 1, got 1.5");
  }

  @Test
  void anUnknownFaultTypeListsTheKnownTypes() {
    String text =
        """
        {
          "description": "x",
          "protocol": "raft",
          "nodes": 3,
          "faults": [{"at": "1s", "type": "crsh", "node": "n1"}]
        }
        """;
    assertError(
        text,
        "t.json:5:35: faults[0].type: unknown fault type \"crsh\"; did you mean \"crash\"? (known"
            + " types: partition, heal, block, unblock, crash, restart, pause, clock-offset,"
            + " clock-drift, clock-jump, link)");
  }

  @Test
  void aFaultAfterTheEndOfTheRunIsRejected() {
    String text =
        """
        {
          "description": "x",
          "protocol": "raft",
          "nodes": 3,
          "run": {"duration": "10s"},
          "faults": [
            {"at": "2s", "type": "heal"},
            {"at": "10.5s", "type": "heal"}
          ]
        }
        """;
    assertError(text, "t.json:8:12: faults[1].at: after the end of the run (10s)");
  }

  @Test
  void aBadDriftIsRejected() {
    String text =
        """
        {
          "description": "x",
          "protocol": "raft",
          "nodes": 3,
          "clocks": {"n2": {"drift": "100 ppm"}}
        }
        """;
    assertError(
        text,
        "t.json:5:30: clocks.n2.drift: not a drift: \"100 ppm\" (write a number and a unit (ppm or"
            + " ppb), like \"100ppm\", \"-50ppm\" or \"2000ppb\")");
    assertError(
        text.replace("100 ppm", "600000ppm"),
        "t.json:5:30: clocks.n2.drift: a drift must stay within ±500000ppm: \"600000ppm\"");
  }

  @Test
  void aDuplicateKeyIsRejectedAtItsSecondOccurrence() {
    String text =
        """
        {
          "description": "x",
          "protocol": "raft",
          "nodes": 3,
          "network": {
            "loss": 0.1,
            "fifo": true,
            "loss": 0.2
          }
        }
        """;
    assertError(
        text, "t.json:8:5: network.loss: duplicate field \"loss\" (first at line 6, column 5)");
  }

  // Further mistakes that the format rules out.

  @Test
  void aMissingRequiredFieldIsLocatedAtItsObject() {
    assertError(
        "{\"protocol\": \"raft\", \"nodes\": 3}",
        "t.json:1:1: missing required field \"description\"");
    assertError(
        "{\"description\": \"x\", \"protocol\": \"raft\", \"nodes\": 3,\n"
            + " \"faults\": [{\"type\": \"crash\", \"at\": \"1s\"}]}",
        "t.json:2:13: faults[0]: missing required field \"node\"");
  }

  @Test
  void aFieldOfAnotherFaultTypeIsRejected() {
    assertError(
        "{\"description\": \"x\", \"protocol\": \"raft\", \"nodes\": 3,\n"
            + "\"faults\": [{\"at\": \"1s\", \"type\": \"restart\", \"node\": \"n1\", \"duration\": \"1s\"}]}",
        "t.json:2:58: faults[0].duration: field \"duration\" does not apply to a restart fault (it"
            + " takes node)");
  }

  @Test
  void aNodeInTwoPartitionGroupsIsRejected() {
    assertError(
        "{\"description\": \"x\", \"protocol\": \"raft\", \"nodes\": 3,\n"
            + "\"faults\": [{\"at\": \"1s\", \"type\": \"partition\", \"groups\": [[\"n1\", \"n2\"],"
            + " [\"n3\", \"n1\"]]}]}",
        "t.json:2:78: faults[0].groups[1][1]: node n1 is already in faults[0].groups[0]");
  }

  @Test
  void wrongTypesSayWhatWasExpected() {
    String head = "{\"description\": \"x\", \"protocol\": \"raft\", \"nodes\": 3, ";
    assertError(head + "\"seed\": \"42\"}", "t.json:1:62: seed: expected an integer, got a string");
    assertError(
        head + "\"seed\": 18446744073709551616}",
        "t.json:1:62: seed: 18446744073709551616 does not fit in a signed 64-bit integer");
    assertError(
        head + "\"run\": {\"duration\": 10}}",
        "t.json:1:74: run.duration: expected a duration string with a unit, like \"150ms\", got"
            + " an integer");
    assertError(
        head + "\"run\": {\"duration\": \"0s\"}}",
        "t.json:1:74: run.duration: must be greater than zero");
    assertError(
        head + "\"network\": {\"loss\": \"1%\"}}",
        "t.json:1:74: network.loss: expected a probability (a number from 0 to 1), got a string");
    assertError(
        head + "\"network\": {\"latency\": \"10ms..1ms\"}}",
        "t.json:1:77: network.latency: the range ends before it starts: 10ms > 1ms");
  }

  @Test
  void nodesAreCountedOrNamedWithinLimits() {
    String head = "{\"description\": \"x\", \"protocol\": \"raft\", \"nodes\": ";
    assertError(head + "1025}", "t.json:1:51: nodes: must be between 1 and 1024, got 1025");
    assertError(head + "[]}", "t.json:1:51: nodes: a scenario has from 1 to 1024 nodes, got 0");
    assertError(head + "[\"n1\", \"n1\"]}", "t.json:1:58: nodes[1]: node n1 is listed twice");
    assertError(
        head + "[\"1n\"]}",
        "t.json:1:52: nodes[0]: invalid node name \"1n\": a node name starts with a letter and has"
            + " at most 64 letters, digits, '_', '.' or '-'");
  }

  @Test
  void invariantsMustBeTheProtocolsAndExpectedViolationsMustBeChecked() {
    String head = "{\"description\": \"x\", \"protocol\": \"raft\", \"nodes\": 3, ";
    assertError(
        head + "\"invariants\": [\"raft.election-safty\"]}",
        "t.json:1:69: invariants[0]: unknown invariant \"raft.election-safty\" for protocol raft;"
            + " did you mean \"raft.election-safety\"? (known: raft.election-safety,"
            + " raft.log-matching)");
    assertError(
        head
            + "\"invariants\": [\"raft.log-matching\"], \"expect\": {\"violations\":"
            + " [\"raft.election-safety\"]}}",
        "t.json:1:117: expect.violations[0]: invariant \"raft.election-safety\" is not checked by"
            + " this scenario (add it to \"invariants\")");
  }

  @Test
  void eventuallyPropertiesAreNotChosenAsInvariantsButMayBeExpectedToFail() {
    String head = "{\"description\": \"x\", \"protocol\": \"raft\", \"nodes\": 3, ";
    assertError(
        head + "\"invariants\": [\"raft.leader-exists\"]}",
        "t.json:1:69: invariants[0]: \"raft.leader-exists\" is an eventually property of raft, not"
            + " an invariant: every run judges those; \"invariants\" chooses among"
            + " raft.election-safety, raft.log-matching");
    Scenario scenario =
        load(
            head
                + "\"invariants\": [\"raft.log-matching\"], \"expect\": {\"violations\":"
                + " [\"raft.leader-exists\"]}}");
    assertThat(scenario.invariants()).containsExactly("raft.log-matching");
    assertThat(scenario.expect().violations()).containsExactly("raft.leader-exists");
    assertThat(load(head + "\"seed\": 1}").invariants())
        .containsExactly("raft.election-safety", "raft.log-matching");
    assertError(
        head + "\"expect\": {\"mayBeUndecided\": [\"raft.leader-exists\"]}}",
        "t.json:1:84: expect.mayBeUndecided[0]: \"raft.leader-exists\" is an eventually property:"
            + " it is judged or not judged, never undecided");
    assertError(
        head + "\"expect\": {\"violations\": [\"raft.leader-exist\"]}}",
        "t.json:1:80: expect.violations[0]: unknown invariant or eventually property"
            + " \"raft.leader-exist\" for protocol raft; did you mean \"raft.leader-exists\"? (known: raft.election-safety,"
            + " raft.leader-exists, raft.log-matching)");
  }

  @Test
  void aRateIsReadWithItsSeedsAndBoundsAndItsMistakesAreLocated() {
    String head =
        "{\"description\": \"x\", \"protocol\": \"raft\", \"nodes\": 3, \"expect\":"
            + " {\"violations\": [\"raft.election-safety\"], \"rate\": ";
    Scenario scenario =
        loader.load("t.json", "t.json", "t", head + "{\"seeds\": \"1..100\", \"min\": 3}}}");
    assertThat(scenario.expect().rate().seeds()).isEqualTo("1..100");
    assertThat(scenario.expect().rate().violated()).isEqualTo(new Expectation.Bound(3L, null));
    assertError(
        head + "{\"seeds\": \"1..10\", \"max\": 11}}}",
        "t.json:1:139: expect.rate.max: max (11) is above the 10 seeds");
    assertError(
        head + "{\"seeds\": \"1..10\"}}}",
        "t.json:1:113: expect.rate: a rate needs min, max or both");
    assertError(
        head + "{\"seeds\": \"1..10\", \"min\": 1, \"mix\": 2}}}",
        "t.json:1:142: expect.rate.mix: unknown field \"mix\"; did you mean \"min\"?");
  }

  @Test
  void paramsAreCheckedByTheBindingWithLocations() {
    Scenario scenario =
        loader.load(
            "t.json",
            "t.json",
            "t",
            """
            {
              "description": "x", "protocol": "raft", "nodes": 2,
              "params": {"writes": [{"node": "n7"}], "colour": "red"}
            }
            """);
    ParamReader write = scenario.params().objects("writes").get(0);
    assertThatThrownBy(() -> write.node("node"))
        .isInstanceOf(ScenarioException.class)
        .hasMessage("t.json:3:34: params.writes[0].node: unknown node \"n7\" (nodes: n1, n2)");
    assertThatThrownBy(() -> scenario.params().finish())
        .hasMessage("t.json:3:42: params.colour: unknown field \"colour\" (known fields: writes)");
  }

  @Test
  void sourcesWithoutTextHaveErrorsWithoutLineAndColumn() throws Exception {
    ObjectNode source =
        (ObjectNode)
            new ObjectMapper()
                .readTree(
                    "{\"description\": \"x\", \"protocol\": \"raft\", \"nodes\": 3,"
                        + " \"network\": {\"loss\": 0.05}, \"run\": {\"duration\": \"1s\"},"
                        + " \"faults\": [{\"at\": \"2s\", \"type\": \"heal\"}]}");
    assertThatThrownBy(() -> loader.loadSource("trace.jsonl (header scenario)", "trace", source))
        .isInstanceOf(ScenarioException.class)
        .hasMessage("trace.jsonl (header scenario): faults[0].at: after the end of the run (1s)");

    source.withArray("faults").removeAll();
    Scenario scenario = loader.loadSource("trace.jsonl", "trace", source);
    assertThat(scenario.name()).isEqualTo("trace");
    assertThat(scenario.network().loss()).isEqualTo(Ratio.of(1, 20)); // From a double, exactly.
  }

  @Test
  void emptyAndNonObjectDocumentsAreRejected() {
    assertError("", "t.json:1:1: the file is empty; expected a JSON object");
    assertError("  // nothing\n", "t.json:1:1: the file is empty; expected a JSON object");
    assertError("\n [1]", "t.json:2:2: expected a JSON object, got an array");
    assertError(
        "{\"description\": \"x\", \"protocol\": \"raft\", \"nodes\": 3} {}",
        "t.json:1:54: unexpected content after the end of the JSON object");
  }

  @Test
  void durationsAndClockReachStayWithinAHundredYears() {
    String head = "{\"description\": \"x\", \"protocol\": \"raft\", \"nodes\": 3, ";
    assertError(
        head + "\"network\": {\"latency\": \"1ms..876601h\"}}",
        "t.json:1:77: network.latency: too long: at most 876600h (100 years) in a scenario");
    assertError(
        head
            + "\"run\": {\"duration\": \"876600h\"}, \"clocks\": {\"n1\": {\"offset\": \"-500000h\"}},"
            + "\n\"faults\": [{\"at\": \"1s\", \"type\": \"clock-jump\", \"node\": \"n1\", \"by\": \"+400000h\"}]}",
        "t.json:2:67: faults[0].by: the offsets and jumps of n1's clock add up to more than 876600h"
            + " (100 years)");
  }

  @Test
  void hostileInputsAreStillScenarioErrors() {
    String head = "{\"description\": \"x\", \"protocol\": \"raft\", \"nodes\": 3, ";
    List<String> texts =
        List.of(
            head + "\"params\": " + "[".repeat(100_000),
            head + "\"seed\": " + "9".repeat(5_000) + "}",
            head + "\"network\": {\"loss\": 1e999999999}}",
            head + "\"network\": {\"loss\": 1e-999999999}}",
            head + "\"network\": {\"loss\": 1e99999999999}}",
            head + "\"clocks\": {\"n1\\u0000\\n\": {}}}",
            head + "\"clocks\": {\"\\ud800\": {}}}",
            head + "\"run\": {\"duration\": \"" + "9".repeat(10_000) + "s\"}}",
            "\u0000",
            "{\"description\": \"x\"\u0000}");
    for (String text : texts) {
      assertThatThrownBy(() -> loader.load("t.json", "t.json", "t", text))
          .as(text.substring(0, Math.min(text.length(), 120)))
          .isInstanceOf(ScenarioException.class)
          .hasMessageMatching("t\\.json(:\\d+(:\\d+)?)?: [^\\n\\u2028]+");
    }
  }

  @Test
  void aMissingFileIsAScenarioError() {
    Path missing = Path.of("no/such/scenario.json");
    assertThatThrownBy(() -> loader.loadFile(missing))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(missing + ": no such file");
  }

  private Scenario load(String text) {
    return loader.load("t.json", "t.json", "t", text);
  }

  private void assertError(String text, String message) {
    assertThatThrownBy(() -> loader.load("t.json", "t.json", "t", text))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(message);
  }
}
