package faultline.scenarios.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-property tallies of a sweep, from result-line objects written by hand. */
class PropertyCoverageTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void countsReachedSeedsAndEventuallyVerdictsAndFlagsTheNeverReached() throws Exception {
    PropertyCoverage coverage = new PropertyCoverage();
    coverage.add(json("{\"a\": true, \"b\": false}"), json("{\"e\": \"held\"}"));
    coverage.add(json("{\"a\": true, \"b\": false}"), json("{\"e\": \"failed\"}"));
    coverage.add(json("{\"a\": false, \"b\": false}"), json("{\"e\": \"not judged\"}"));
    coverage.add(null, null); // A line of a protocol without properties.

    assertThat(coverage.sometimes("a")).containsExactly(3, 2);
    assertThat(coverage.sometimes("b")).containsExactly(3, 0);
    assertThat(coverage.eventually("e")).containsExactly(1, 1, 1);
    assertThat(coverage.neverReached()).containsExactly("b");
    StringWriter text = new StringWriter();
    coverage.print(new PrintWriter(text, true));
    assertThat(text.toString())
        .contains(
            "         2 of 3      a\n",
            "         0 of 3      b  NEVER REACHED",
            "         1 / 1 / 1  e\n");
  }

  @Test
  void swarmCountsReachedSeedsWithEachFeatureKeptAndLeftOut() throws Exception {
    SwarmCoverage swarm = new SwarmCoverage();
    swarm.add(new SwarmConfig(List.of("crash"), List.of()), false, 1, json("{\"a\": true}"));
    swarm.add(new SwarmConfig(List.of("crash"), List.of()), false, 2, json("{\"a\": false}"));
    swarm.add(new SwarmConfig(List.of("pause"), List.of()), false, 3, json("{\"a\": false}"));
    swarm.add(new SwarmConfig(List.of(), List.of()), false, 4, null);

    assertThat(swarm.reached("a", "crash")).containsExactly(1, 2, 0, 1);
    assertThat(swarm.reached("a", "pause")).containsExactly(0, 1, 1, 2);
  }
}
