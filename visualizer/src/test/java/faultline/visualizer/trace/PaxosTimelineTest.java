package faultline.visualizer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.trace.InMemoryTraceSink;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.ScenarioRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Paxos run on the timeline: lanes are labelled with each node's role and ballot, and the two
 * phases' messages carry their own names (so the message filter can show one phase at a time).
 */
class PaxosTimelineTest {
  private static Timeline run(String name) {
    Scenario scenario = new Catalog(Protocols.scenarioLoader()).load(name);
    InMemoryTraceSink sink = new InMemoryTraceSink();
    ScenarioRunner.run(scenario, scenario.seed(), scenario.run().untilNanos(), sink);
    return TraceReader.fromLines(name, sink.lines());
  }

  @Test
  void lanesShowRoleAndBallotAndMessagesTheirPhase() {
    Timeline timeline = run("paxos/basic");
    List<String> proposer =
        timeline.segments().stream().filter(s -> s.lane() == 0).map(s -> s.label()).toList();
    assertThat(proposer).containsSubsequence("PREPARING b1.n1", "ACCEPTING b1.n1", "DONE b1.n1");
    List<String> acceptor =
        timeline.segments().stream().filter(s -> s.lane() == 1).map(s -> s.label()).toList();
    assertThat(acceptor).containsSubsequence("ACCEPTOR b0", "ACCEPTOR b1.n1");
    assertThat(timeline.messages().stream().map(Message::type).distinct())
        .containsExactlyInAnyOrder("Prepare", "Promise", "Accept", "Accepted");
  }

  @Test
  void theDuelingLadderClimbsOneBallotPerAttempt() {
    Timeline timeline = run("paxos/dueling-proposers");
    long ballots =
        timeline.segments().stream()
            .filter(s -> s.lane() == 0 && s.label().startsWith("PREPARING"))
            .count();
    assertThat(ballots).isGreaterThan(100);
  }
}
